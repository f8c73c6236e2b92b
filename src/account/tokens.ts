import type { Reader } from "../core/access/reader.js";
import { appendAudit } from "../core/audit/append.js";
import { createToken, revokeToken, type TokenSummary } from "../core/auth/tokens.js";
import { invalid, notFound } from "../core/errors.js";
import type { Deps } from "../core/http/env.js";

export function checkTokenName(raw: unknown): string {
  const name = typeof raw === "string" ? raw.trim() : "";
  if (!name) throw invalid("name", "give the token a name, so you can tell it apart later");
  if (name.length > 80) throw invalid("name", `at most 80 characters (this one has ${name.length})`);
  return name;
}

export async function makeToken(deps: Deps, owner: { userId: number; label: string }, name: string) {
  return deps.db.transaction(async (tx) => {
    const made = await createToken(tx, owner.userId, name, deps.clock);
    await appendAudit(tx, deps.clock.now(), owner, {
      action: "token.create",
      targetKind: "api_token",
      targetId: made.summary.id,
      details: { name },
    });
    return made;
  });
}

export async function revokeOwnToken(
  deps: Deps,
  owner: { userId: number; label: string },
  tokenId: number,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await revokeToken(tx, owner.userId, tokenId, deps.clock))) throw notFound("live token");
    await appendAudit(tx, deps.clock.now(), owner, {
      action: "token.revoke",
      targetKind: "api_token",
      targetId: tokenId,
    });
  });
}

export const actor = (r: Reader) => ({ userId: r.userId, label: r.username });
export type { TokenSummary };
