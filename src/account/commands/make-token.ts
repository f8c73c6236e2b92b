import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import { createToken, type TokenSummary } from "../../core/auth/tokens.js";
import { fixedClock } from "../../core/clock.js";
import type { Tx } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import { userByUsername } from "../../directory/index.js";
import type { NewToken } from "../contract.js";
import { ownTokens } from "../policy.js";

/**
 * Makes an API token: a reader's own, or (the system, at the command line) one for the active
 * user named `owner`. The token itself is returned once and never stored.
 */
export async function makeToken(
  tx: Tx,
  who: Acting,
  input: NewToken & { owner?: string },
): Promise<{ token: string; summary: TokenSummary }> {
  authorize(who, ownTokens);
  let owner: { id: number; username: string; governmentCode: string };
  if (who.kind === "reader")
    owner = {
      id: who.reader.userId,
      username: who.reader.username,
      governmentCode: who.reader.government.code,
    };
  else {
    const u = input.owner ? await userByUsername(tx, input.owner) : null;
    if (!u || u.disabledAt) throw notFound("active user");
    owner = u;
  }
  const made = await createToken(tx, owner.id, input.name, fixedClock(who.now));
  await appendAudit(tx, who.now, who.actor, {
    action: "token.create",
    targetKind: "api_token",
    targetId: made.summary.id,
    space: owner.governmentCode,
    details: who.kind === "reader" ? { name: input.name } : { name: input.name, owner: owner.username },
  });
  return made;
}
