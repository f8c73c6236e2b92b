import { eq } from "drizzle-orm";
import { REGIME_LADDER } from "../../core/access/markings.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import { hashPassword } from "../../core/auth/password.js";
import { forgetUser } from "../../core/auth/reader-cache.js";
import { endUserSessions } from "../../core/auth/sessions.js";
import { revokeUserTokens } from "../../core/auth/tokens.js";
import type { Tx } from "../../core/db/index.js";
import { type FieldProblem, notFound, one } from "../../core/errors.js";
import { clearanceRank, ladderMissing, refuseAboveOwn, refuseIfAny } from "../clearances.js";
import type { UserChange } from "../contract.js";
import { ladderOfGovernment, type UserRow, userByUsername, visibleUser } from "../repo.js";
import { users } from "../schema.js";
import { auditOperatorUse, authorizeUserAdministration } from "./operator.js";

/**
 * Changes a user: name, contact, roles, clearances, password, disabled. A user the reader may
 * not see is not found; one they see but may not change — of another government, for an
 * administrator — is refused; so is a clearance raised above the granter's own.
 */
export async function updateUser(
  tx: Tx,
  who: Acting,
  username: string,
  change: UserChange,
): Promise<UserRow> {
  const user =
    who.kind === "reader"
      ? ((await visibleUser(tx, who.reader, who.now, username))?.user ?? null)
      : await userByUsername(tx, username);
  if (!user) throw notFound("user");
  const operatorInvolved = user.roles.includes("operator") || (change.roles?.includes("operator") ?? false);
  authorizeUserAdministration(who, "change", user.governmentCode, operatorInvolved);
  const ladder = await ladderOfGovernment(tx, user.governmentCode);
  if (!ladder) throw ladderMissing(user.governmentCode);
  const now = who.now;
  const problems: FieldProblem[] = [];
  const set: Partial<typeof users.$inferInsert> = { updatedAt: now };
  if (change.displayName !== undefined) set.displayName = change.displayName;
  if (change.email !== undefined) set.email = change.email;
  if (change.title !== undefined) set.title = change.title;
  if (change.roles !== undefined) set.roles = [...new Set(change.roles)];
  if (change.regimeClearance !== undefined)
    set.regimeClearance = clearanceRank(REGIME_LADDER, "regimeClearance", change.regimeClearance, problems);
  if (change.nationalClearance !== undefined)
    set.nationalClearance = clearanceRank(ladder, "nationalClearance", change.nationalClearance, problems);
  refuseIfAny(problems);
  refuseAboveOwn(
    who,
    ladder,
    user.governmentCode,
    { regime: set.regimeClearance, national: set.nationalClearance },
    { regime: user.regimeClearance, national: user.nationalClearance },
  );
  if (change.password !== undefined) set.passwordHash = await hashPassword(change.password);
  if (change.disabled !== undefined) set.disabledAt = change.disabled ? (user.disabledAt ?? now) : null;
  const rows = await tx.update(users).set(set).where(eq(users.id, user.id)).returning();
  // Whoever this user is signed in as must be looked up afresh.
  forgetUser(user.id);
  // A new password or a disabled account ends the sessions already open.
  if (change.password !== undefined || change.disabled) await endUserSessions(tx, user.id, now);
  // A disabled account's API tokens are revoked: re-enabling it does not bring them back.
  const tokensRevoked = change.disabled ? await revokeUserTokens(tx, user.id, now) : 0;
  const { password: _omit, ...logged } = change;
  await appendAudit(tx, now, who.actor, {
    action: change.disabled ? "user.disable" : "user.update",
    targetKind: "user",
    targetId: user.username,
    space: user.governmentCode,
    details: {
      ...logged,
      ...(change.password !== undefined ? { passwordChanged: true } : {}),
      ...(tokensRevoked > 0 ? { tokensRevoked } : {}),
    },
  });
  await auditOperatorUse(
    tx,
    who,
    user.governmentCode,
    user.username,
    change.disabled ? "user.disable" : "user.update",
  );
  return one(rows, "user");
}
