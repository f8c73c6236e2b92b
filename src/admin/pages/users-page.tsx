import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { REGIME_LADDER } from "../../core/access/markings.js";
import { ROLE_LABELS, ROLES } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { ReaderActing } from "../../core/acting.js";
import { type AppEnv, actingOf, type Ctx } from "../../core/http/env.js";
import { csrfOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  Checkboxes,
  DataTable,
  ErrorSummary,
  Form,
  Select,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormState, submitForm } from "../../core/pages/form.js";
import { rolesText } from "../../core/pages/layout.js";
import {
  administerUsers,
  administerUsersOf,
  createUser,
  listGovernments,
  NewUserInput,
  visibleUsers,
} from "../../directory/index.js";
import { type AdminUser, presentAdminUser } from "../present.js";

const ROLE_CHOICES = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const REGIME_CHOICES = REGIME_LADDER.levels.map((l) => ({ value: l.code, label: l.label }));

export const NEW_USER_LABELS = {
  username: "Username",
  displayName: "Name",
  government: "Government",
  roles: "Roles",
  regimeClearance: "Regime clearance",
  nationalClearance: "National clearance",
  password: "Initial password",
};

/** The administrator acting, or a refusal in the rule's words. */
export function administrator(c: Ctx): ReaderActing {
  const who = actingOf(c);
  authorize(who, administerUsers);
  return who;
}

const UsersPage: FC<{
  users: AdminUser[];
  governments: { code: string; name: string }[];
  csrf: string | null;
  form: FormState;
}> = ({ users, governments, csrf, form }) => (
  <>
    <h1 class="govuk-heading-l">Users</h1>
    <DataTable
      caption={`${users.length} accounts`}
      rows={users}
      empty="There are no accounts."
      columns={[
        {
          header: "Username",
          cell: (u) => (
            <a class="govuk-link" href={`/admin/users/${u.username}`}>
              {u.username}
            </a>
          ),
        },
        { header: "Name", cell: (u) => u.displayName },
        { header: "Government", cell: (u) => u.government },
        { header: "Roles", cell: (u) => rolesText(u.roles) },
        { header: "Regime clearance", cell: (u) => u.regime },
        { header: "National clearance", cell: (u) => u.national },
        { header: "State", cell: (u) => (u.disabled ? "disabled" : "active") },
      ]}
    />
    <h2 class="govuk-heading-m" id="add-user">
      Add a user
    </h2>
    <ErrorSummary form={form} />
    <Form action="/admin/users" csrf={csrf} aria-label="Add a user">
      <TextField form={form} name="username" label={NEW_USER_LABELS.username} width={20} />
      <TextField form={form} name="displayName" label={NEW_USER_LABELS.displayName} width={20} />
      <Select
        form={form}
        name="government"
        label={NEW_USER_LABELS.government}
        choices={governments.map((g) => ({ value: g.code, label: `${g.name} (${g.code})` }))}
      />
      <Checkboxes form={form} name="roles" legend={NEW_USER_LABELS.roles} choices={ROLE_CHOICES} />
      <Select
        form={form}
        name="regimeClearance"
        label={NEW_USER_LABELS.regimeClearance}
        choices={REGIME_CHOICES}
      />
      <TextField
        form={form}
        name="nationalClearance"
        label={NEW_USER_LABELS.nationalClearance}
        hint="A marking on the government's ladder, e.g. C; the lowest when left empty."
        width={10}
      />
      <TextField
        form={form}
        name="password"
        label={NEW_USER_LABELS.password}
        hint="At least 12 characters."
        type="password"
        autocomplete="new-password"
        width={20}
      />
      <Button>Add user</Button>
    </Form>
  </>
);

async function usersPage(c: Ctx, form: FormState, status: ContentfulStatusCode = 200) {
  const who = administrator(c);
  const { db } = c.get("deps");
  // The accounts and governments this reader administers: their own government's, or every one for an operator.
  const mine = (code: string) => administerUsersOf.allows(who.reader, code);
  const users = (await visibleUsers(db, who.reader, who.now))
    .filter((u) => mine(u.government.code))
    .map(presentAdminUser);
  const governments = (await listGovernments(db))
    .filter((g) => mine(g.code))
    .map((g) => ({ code: g.code, name: g.name }));
  return renderPage(
    c,
    "Users",
    <UsersPage users={users} governments={governments} csrf={csrfOf(c)} form={form} />,
    { status },
  );
}

export function registerUsersPage(app: Hono<AppEnv>): void {
  app.get("/admin/users", (c) => usersPage(c, emptyForm("nu")));

  app.post("/admin/users", async (c) => {
    const who = administrator(c);
    const result = await submitForm(
      c,
      {
        prefix: "nu",
        schema: NewUserInput,
        read: (f) => ({
          username: f.text("username"),
          displayName: f.text("displayName"),
          government: f.text("government"),
          roles: f.all("roles"),
          regimeClearance: f.text("regimeClearance"),
          nationalClearance: f.optional("nationalClearance"),
          password: typeof f.body.password === "string" ? f.body.password : "",
        }),
        labels: NEW_USER_LABELS,
        secret: ["password"],
      },
      (input) => c.get("deps").db.transaction((tx) => createUser(tx, who, input)),
    );
    if (!result.ok) return usersPage(c, result.form, result.status);
    return c.redirect(`/admin/users/${encodeURIComponent(result.value.username)}?notice=added`, 303);
  });
}
