import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import {
  administerOperators,
  administerUsers,
  administerUsersOf,
  type UserAdministration,
} from "../policy.js";

/**
 * Refuses (403) a reader who may not administer a user of `governmentCode`: administrators act for
 * their own government only, operators for any; and only an operator makes an operator or
 * changes an operator's account.
 */
export function authorizeUserAdministration(
  who: Acting,
  what: UserAdministration,
  governmentCode: string,
  operatorInvolved: boolean,
): void {
  authorize(who, administerUsers, what);
  authorize(who, administerUsersOf, governmentCode);
  if (operatorInvolved) authorize(who, administerOperators);
}

/**
 * An operator's use of their power across governments — administering a user of a government not
 * their own — is audited in that government's space, beside the change's own entry.
 */
export async function auditOperatorUse(
  tx: Tx,
  who: Acting,
  governmentCode: string,
  username: string,
  did: string,
): Promise<void> {
  if (who.kind !== "reader" || who.reader.government.code === governmentCode) return;
  await appendAudit(tx, who.now, who.actor, {
    action: "operator.cross_government",
    targetKind: "user",
    targetId: username,
    space: governmentCode,
    details: { did, government: governmentCode, operatorGovernment: who.reader.government.code },
  });
}
