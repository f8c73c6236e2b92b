import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { REGIME_LADDER } from "../../core/access/markings.js";
import { ROLE_LABELS, ROLES } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import { notFound } from "../../core/errors.js";
import type { AppEnv, Ctx } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  Checkbox,
  Checkboxes,
  ErrorSummary,
  Form,
  Select,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormState, submitForm } from "../../core/pages/form.js";
import { administerUsersOf, UserPatch, updateUser, visibleUser } from "../../directory/index.js";
import { type AdminUser, presentAdminUser } from "../present.js";
import { administrator } from "./users-page.js";

const NOTICES = { added: "User added.", saved: "Saved." };

const LABELS = {
  roles: "Roles",
  regimeClearance: "Regime clearance",
  nationalClearance: "National clearance",
  password: "New password",
  disabled: "Disabled",
};

const ROLE_CHOICES = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** The form as the user stands: what the page offers to change. */
function formOf(user: AdminUser): FormState {
  return emptyForm("eu", {
    roles: user.roles,
    regimeClearance: user.regimeCode,
    nationalClearance: user.nationalCode,
    ...(user.disabled ? { disabled: "1" } : {}),
  });
}

const UserPage: FC<{ user: AdminUser; csrf: string | null; form: FormState }> = ({ user, csrf, form }) => (
  <>
    <h1 class="govuk-heading-l">User {user.username}</h1>
    <p class="govuk-body">
      {user.displayName}, {user.government}.{" "}
      {user.disabled ? "This account is disabled." : "This account is active."}
    </p>
    <ErrorSummary form={form} />
    <Form action={`/admin/users/${user.username}`} csrf={csrf} aria-label={`Change ${user.username}`}>
      <Checkboxes form={form} name="roles" legend={LABELS.roles} choices={ROLE_CHOICES} />
      <Select
        form={form}
        name="regimeClearance"
        label={LABELS.regimeClearance}
        choices={REGIME_LADDER.levels.map((l) => ({ value: l.code, label: l.label }))}
      />
      <Select
        form={form}
        name="nationalClearance"
        label={`${LABELS.nationalClearance} (${user.ladder.name} ladder)`}
        choices={user.ladder.levels.map((l) => ({ value: l.code, label: l.label }))}
      />
      <TextField
        form={form}
        name="password"
        label={LABELS.password}
        hint="Leave empty to keep the password; at least 12 characters."
        type="password"
        autocomplete="new-password"
        width={20}
      />
      <Checkbox form={form} name="disabled" label="Disabled (ends the user's sessions)" />
      <Button>Save</Button>
    </Form>
  </>
);

async function shownUser(c: Ctx, username: string): Promise<AdminUser> {
  const who = administrator(c);
  const found = await visibleUser(c.get("deps").db, who.reader, who.now, username);
  if (!found) throw notFound("user");
  // One the reader sees but does not administer (another government's) is refused, not hidden.
  authorize(who, administerUsersOf, found.government.code);
  return presentAdminUser(found);
}

async function userPage(c: Ctx, user: AdminUser, form: FormState, status: ContentfulStatusCode = 200) {
  return renderPage(c, `User ${user.username}`, <UserPage user={user} csrf={csrfOf(c)} form={form} />, {
    status,
    notice: noticeOf(c, NOTICES),
  });
}

export function registerUserPage(app: Hono<AppEnv>): void {
  app.get("/admin/users/:username", async (c) => {
    const user = await shownUser(c, c.req.param("username"));
    return userPage(c, user, formOf(user));
  });

  app.post("/admin/users/:username", async (c) => {
    const user = await shownUser(c, c.req.param("username"));
    const who = administrator(c);
    const result = await submitForm(
      c,
      {
        prefix: "eu",
        schema: UserPatch,
        read: (f) => ({
          roles: f.all("roles"),
          regimeClearance: f.text("regimeClearance"),
          nationalClearance: f.text("nationalClearance"),
          disabled: f.checked("disabled"),
          ...(typeof f.body.password === "string" && f.body.password ? { password: f.body.password } : {}),
        }),
        labels: LABELS,
        secret: ["password"],
      },
      (change) => c.get("deps").db.transaction((tx) => updateUser(tx, who, user.username, change)),
    );
    if (!result.ok) return userPage(c, user, result.form, result.status);
    return c.redirect(`/admin/users/${encodeURIComponent(user.username)}?notice=saved`, 303);
  });
}
