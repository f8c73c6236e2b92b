import { eq } from "drizzle-orm";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import { apiTokens } from "../../core/auth/schema.js";
import { revokeToken as revoke } from "../../core/auth/tokens.js";
import { fixedClock } from "../../core/clock.js";
import type { Tx } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import { users } from "../../directory/index.js";

/**
 * Revokes a live token: a reader's own (another's answers as no token at all), or any, for the
 * system. It stops working at once.
 */
export async function revokeToken(tx: Tx, who: Acting, tokenId: number): Promise<void> {
  let owner: number | null = who.kind === "reader" ? who.reader.userId : null;
  let space: string | null = who.kind === "reader" ? who.reader.government.code : null;
  if (owner === null) {
    const [t] = await tx
      .select({ userId: apiTokens.userId, government: users.governmentCode })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.id, tokenId));
    owner = t?.userId ?? null;
    space = t?.government ?? null;
  }
  if (owner === null || space === null || !(await revoke(tx, owner, tokenId, fixedClock(who.now))))
    throw notFound("live token");
  await appendAudit(tx, who.now, who.actor, {
    action: "token.revoke",
    targetKind: "api_token",
    targetId: tokenId,
    space,
  });
}
