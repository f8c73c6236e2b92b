import { Hono } from "hono";
import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import { can } from "../core/access/policy.js";
import { actingAs } from "../core/acting.js";
import { browseAudit } from "../core/audit/browse.js";
import { verifyAudit } from "../core/audit/verify.js";
import { AppError, forbidden, notFound } from "../core/errors.js";
import { type AppEnv, type Ctx, readerOf } from "../core/http/env.js";
import { toAppError } from "../core/http/errors.js";
import { csrfOf, renderPage } from "../core/http/render.js";
import { outboxRows } from "../core/mail/outbox.js";
import { NewUserInput, UserPatch } from "../directory/contract.js";
import type { UserRow } from "../directory/repo.js";
import { ladderOfGovernment, listGovernments, userByUsername, visibleUsers } from "../directory/repo.js";
import { createUser, updateUser } from "../directory/users.js";
import { OutboxPage } from "./outbox-page.js";
import { AuditPage, EditUserPage, UsersPage } from "./pages.js";

function requireAdmin(c: Ctx) {
  const reader = readerOf(c);
  if (!can(reader, "users.administer")) throw forbidden("Only administrators manage users.");
  return reader;
}

async function rows(c: Ctx, users: UserRow[]) {
  const { db } = c.get("deps");
  const govs = new Map((await listGovernments(db)).map((g) => [g.code, g]));
  const out = [];
  for (const u of users) {
    const ladder = await ladderOfGovernment(db, u.governmentCode);
    out.push({
      username: u.username,
      displayName: u.displayName,
      government: govs.get(u.governmentCode)?.name ?? u.governmentCode,
      roles: u.roles,
      regime: levelAt(REGIME_LADDER, u.regimeClearance).label,
      national: ladder ? levelAt(ladder, u.nationalClearance).label : String(u.nationalClearance),
      regimeCode: levelAt(REGIME_LADDER, u.regimeClearance).code,
      nationalCode: ladder ? levelAt(ladder, u.nationalClearance).code : "",
      disabled: u.disabledAt !== null,
    });
  }
  return out;
}

function formValues(body: Record<string, string | File | (string | File)[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (typeof v === "string" && k !== "password" && k !== "_csrf") out[k] = v;
  return out;
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return typeof v === "string" ? [v] : [];
}

export function adminPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const usersPage = async (c: Ctx, error: string | null = null, values: Record<string, string> = {}) => {
    const reader = requireAdmin(c);
    const { db, clock } = c.get("deps");
    const users = await rows(c, await visibleUsers(db, reader, clock.now(), true));
    const governments = (await listGovernments(db)).map((g) => ({ code: g.code, name: g.name }));
    return renderPage(
      c,
      "Users",
      <UsersPage users={users} governments={governments} csrf={csrfOf(c)} error={error} values={values} />,
      {
        status: error ? 400 : 200,
        notice: c.req.query("added") ? `User ${c.req.query("added")} added.` : null,
      },
    );
  };

  app.get("/admin/users", (c) => usersPage(c));

  app.post("/admin/users", async (c) => {
    const reader = requireAdmin(c);
    const body = await c.req.parseBody({ all: true });
    const parsed = NewUserInput.safeParse({
      ...formValues(body),
      password: typeof body.password === "string" ? body.password : "",
      roles: list(body.roles),
      nationalClearance:
        typeof body.nationalClearance === "string" && body.nationalClearance
          ? body.nationalClearance
          : undefined,
    });
    if (!parsed.success) return usersPage(c, toAppError(parsed.error).message, formValues(body));
    const { db, clock } = c.get("deps");
    try {
      await db.transaction((tx) => createUser(tx, actingAs(reader, clock.now()), parsed.data));
    } catch (e) {
      if (e instanceof AppError && e.status < 500) return usersPage(c, e.message, formValues(body));
      throw e;
    }
    return c.redirect(`/admin/users?added=${encodeURIComponent(parsed.data.username)}`, 303);
  });

  const editPage = async (c: Ctx, username: string, error: string | null = null) => {
    requireAdmin(c);
    const { db } = c.get("deps");
    const user = await userByUsername(db, username);
    if (!user) throw notFound("user");
    const ladder = await ladderOfGovernment(db, user.governmentCode);
    const [row] = await rows(c, [user]);
    return renderPage(
      c,
      `User ${user.username}`,
      <EditUserPage user={row!} ladder={ladder!} csrf={csrfOf(c)} error={error} />,
      {
        status: error ? 400 : 200,
        notice: c.req.query("saved") ? "Saved." : null,
      },
    );
  };

  app.get("/admin/users/:username", (c) => editPage(c, c.req.param("username")));

  app.post("/admin/users/:username", async (c) => {
    const reader = requireAdmin(c);
    const username = c.req.param("username");
    const body = await c.req.parseBody({ all: true });
    const parsed = UserPatch.safeParse({
      roles: list(body.roles),
      regimeClearance: body.regimeClearance,
      nationalClearance: body.nationalClearance,
      disabled: body.disabled === "1",
      ...(typeof body.password === "string" && body.password ? { password: body.password } : {}),
    });
    if (!parsed.success) return editPage(c, username, toAppError(parsed.error).message);
    const { db, clock } = c.get("deps");
    try {
      await db.transaction((tx) => updateUser(tx, actingAs(reader, clock.now()), username, parsed.data));
    } catch (e) {
      if (e instanceof AppError && e.status === 400) return editPage(c, username, e.message);
      throw e;
    }
    return c.redirect(`/admin/users/${encodeURIComponent(username)}?saved=1`, 303);
  });

  app.get("/admin/audit", async (c) => {
    const reader = readerOf(c);
    if (!can(reader, "audit.browse")) throw forbidden("Only administrators browse the audit log.");
    const q = c.req.query();
    const date = (v: string | undefined, end: boolean) =>
      v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T${end ? "23:59:59.999" : "00:00:00"}Z`) : undefined;
    const before = q.before && /^\d+$/.test(q.before) ? Number(q.before) : undefined;
    const { db } = c.get("deps");
    const limit = 100;
    const result = await browseAudit(db, reader, {
      action: q.action || undefined,
      actor: q.actor || undefined,
      target: q.target || undefined,
      from: date(q.from, false),
      to: date(q.to, true),
      before,
      limit,
    });
    const verify = q.verify ? await verifyAudit(db) : null;
    const filter: Record<string, string> = {};
    for (const k of ["action", "actor", "target", "from", "to"] as const) if (q[k]) filter[k] = q[k];
    const last = result.entries[result.entries.length - 1];
    return renderPage(
      c,
      "Audit log",
      <AuditPage
        entries={result.entries}
        total={result.total}
        filter={filter}
        verify={verify}
        csrf={csrfOf(c)}
        nextBefore={result.entries.length === limit && last ? last.seq : null}
      />,
    );
  });

  app.get("/admin/outbox", async (c) => {
    const reader = readerOf(c);
    if (!can(reader, "mail.outbox.read")) throw forbidden("Only a Partner's administrators read the outbox.");
    const { db, config } = c.get("deps");
    return renderPage(
      c,
      "Outbox",
      <OutboxPage mails={await outboxRows(db)} smtp={config.smtpUrl !== null} />,
    );
  });

  return app;
}
