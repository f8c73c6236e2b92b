import { and, desc, eq, isNull } from "drizzle-orm";
import type { Clock } from "../clock.js";
import type { Queryable } from "../db/index.js";
import { one } from "../errors.js";
import { forgetToken } from "./reader-cache.js";
import { apiTokens } from "./schema.js";
import { newSecret, sha256 } from "./secrets.js";

export const TOKEN_PREFIX = "plen_";

export interface TokenSummary {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function createToken(
  tx: Queryable,
  userId: number,
  name: string,
  clock: Clock,
): Promise<{ token: string; summary: TokenSummary }> {
  const token = `${TOKEN_PREFIX}${newSecret(30)}`;
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const rows = await tx
    .insert(apiTokens)
    .values({ userId, name, tokenHash: sha256(token), prefix, createdAt: clock.now() })
    .returning();
  return { token, summary: present(one(rows, "token")) };
}

function present(row: typeof apiTokens.$inferSelect): TokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The owner of a live token, or null. Records use at most once a minute. */
export async function resolveToken(
  db: Queryable,
  token: string,
  clock: Clock,
): Promise<{ tokenId: number; userId: number } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  const now = clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { tokenId: row.id, userId: row.userId };
}

export async function listTokens(db: Queryable, userId: number): Promise<TokenSummary[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.id));
  return rows.map(present);
}

/** Revokes one of the owner's live tokens; false when the owner has no such live token. */
export async function revokeToken(
  tx: Queryable,
  userId: number,
  tokenId: number,
  clock: Clock,
): Promise<boolean> {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: clock.now() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  forgetToken(tokenId);
  return rows.length > 0;
}

/** Revokes every live token of a user (their account disabled): none works again, even re-enabled. */
export async function revokeUserTokens(tx: Queryable, userId: number, at: Date): Promise<number> {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  for (const r of rows) forgetToken(r.id);
  return rows.length;
}
