import { eq } from "drizzle-orm";
import { allowedMarkings, type Ladder, levelAt, REGIME_LADDER, rankOf } from "../core/access/markings.js";
import type { Acting } from "../core/acting.js";
import { appendAudit } from "../core/audit/append.js";
import { hashPassword } from "../core/auth/password.js";
import { forgetUser } from "../core/auth/reader-cache.js";
import { endUserSessions } from "../core/auth/sessions.js";
import type { Tx } from "../core/db/index.js";
import { AppError, conflict, invalid, notFound, one } from "../core/errors.js";
import type { NewUser, UserChange } from "./contract.js";
import { governmentByCode, ladderOfGovernment, type UserRow, userByUsername } from "./repo.js";
import { users } from "./schema.js";

function clearanceRank(ladder: Ladder, field: string, code: string): number {
  const r = rankOf(ladder, code);
  if (r === null) {
    throw invalid(
      field,
      `${code} is not a marking on the ${ladder.name} ladder; use one of ${allowedMarkings(ladder)}`,
    );
  }
  return r;
}

export async function createUser(tx: Tx, who: Acting, input: NewUser): Promise<UserRow> {
  const code = input.government.toUpperCase();
  const gov = await governmentByCode(tx, code);
  if (!gov)
    throw invalid("government", `no government has the code ${code}; see the directory for the codes`);
  const ladder = await ladderOfGovernment(tx, code);
  if (!ladder)
    throw new AppError("directory.ladder_missing", 500, `Government ${code} has no marking ladder.`);
  if (await userByUsername(tx, input.username)) {
    throw conflict("user.exists", `A user named ${input.username} already exists: choose another username.`);
  }
  const now = who.now;
  const rows = await tx
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      title: input.title ?? null,
      governmentCode: code,
      roles: [...new Set(input.roles)],
      regimeClearance: clearanceRank(REGIME_LADDER, "regimeClearance", input.regimeClearance),
      nationalClearance: clearanceRank(
        ladder,
        "nationalClearance",
        input.nationalClearance ?? levelAt(ladder, 0).code,
      ),
      passwordHash: await hashPassword(input.password),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await appendAudit(tx, now, who.actor, {
    action: "user.create",
    targetKind: "user",
    targetId: input.username,
    details: { government: code, roles: input.roles },
  });
  return one(rows);
}

export async function updateUser(
  tx: Tx,
  who: Acting,
  username: string,
  change: UserChange,
): Promise<UserRow> {
  const user = await userByUsername(tx, username);
  if (!user) throw notFound("user");
  const ladder = await ladderOfGovernment(tx, user.governmentCode);
  if (!ladder)
    throw new AppError(
      "directory.ladder_missing",
      500,
      `Government ${user.governmentCode} has no marking ladder.`,
    );
  const now = who.now;
  const set: Partial<typeof users.$inferInsert> = { updatedAt: now };
  if (change.displayName !== undefined) set.displayName = change.displayName;
  if (change.email !== undefined) set.email = change.email;
  if (change.title !== undefined) set.title = change.title;
  if (change.roles !== undefined) set.roles = [...new Set(change.roles)];
  if (change.regimeClearance !== undefined)
    set.regimeClearance = clearanceRank(REGIME_LADDER, "regimeClearance", change.regimeClearance);
  if (change.nationalClearance !== undefined)
    set.nationalClearance = clearanceRank(ladder, "nationalClearance", change.nationalClearance);
  if (change.password !== undefined) set.passwordHash = await hashPassword(change.password);
  if (change.disabled !== undefined) set.disabledAt = change.disabled ? (user.disabledAt ?? now) : null;
  const rows = await tx.update(users).set(set).where(eq(users.id, user.id)).returning();
  // Whoever this user is signed in as must be looked up afresh.
  forgetUser(user.id);
  // A new password or a disabled account ends the sessions already open.
  if (change.password !== undefined || change.disabled) await endUserSessions(tx, user.id, now);
  const { password: _omit, ...logged } = change;
  await appendAudit(tx, now, who.actor, {
    action: change.disabled ? "user.disable" : "user.update",
    targetKind: "user",
    targetId: user.username,
    details: { ...logged, ...(change.password !== undefined ? { passwordChanged: true } : {}) },
  });
  return one(rows);
}
