import { levelAt, REGIME_LADDER } from "../../core/access/markings.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import { hashPassword } from "../../core/auth/password.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, type FieldProblem, invalid, one } from "../../core/errors.js";
import { clearanceRank, ladderMissing, refuseAboveOwn, refuseIfAny } from "../clearances.js";
import type { NewUser } from "../contract.js";
import { governmentByCode, ladderOfGovernment, type UserRow, userByUsername } from "../repo.js";
import { users } from "../schema.js";
import { auditOperatorUse, authorizeUserAdministration } from "./operator.js";

/**
 * Adds a user to a government, with roles and clearances on its ladders: an administrator to their
 * own government, an operator to any; no clearance above the granter's own.
 */
export async function createUser(tx: Tx, who: Acting, input: NewUser): Promise<UserRow> {
  const code = input.government.toUpperCase();
  authorizeUserAdministration(who, "add", code, input.roles.includes("operator"));
  if (!(await governmentByCode(tx, code)))
    throw invalid("government", `no government has the code ${code}; see the directory for the codes`);
  const ladder = await ladderOfGovernment(tx, code);
  if (!ladder) throw ladderMissing(code);
  const problems: FieldProblem[] = [];
  const regimeClearance = clearanceRank(REGIME_LADDER, "regimeClearance", input.regimeClearance, problems);
  const nationalClearance = clearanceRank(
    ladder,
    "nationalClearance",
    input.nationalClearance ?? levelAt(ladder, 0).code,
    problems,
  );
  refuseIfAny(problems);
  refuseAboveOwn(who, ladder, code, { regime: regimeClearance, national: nationalClearance });
  if (await userByUsername(tx, input.username)) {
    throw conflict("user.exists", `A user named ${input.username} already exists: choose another username.`);
  }
  const rows = await tx
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      title: input.title ?? null,
      governmentCode: code,
      roles: [...new Set(input.roles)],
      regimeClearance,
      nationalClearance,
      passwordHash: await hashPassword(input.password),
      createdAt: who.now,
      updatedAt: who.now,
    })
    .returning();
  await appendAudit(tx, who.now, who.actor, {
    action: "user.create",
    targetKind: "user",
    targetId: input.username,
    space: code,
    details: { government: code, roles: input.roles },
  });
  await auditOperatorUse(tx, who, code, input.username, "user.create");
  return one(rows, "user");
}
