import type { Reader } from "../access/reader.js";

/**
 * Who is behind a session cookie or an API token, remembered for a few seconds so that a page
 * view does not cost two queries. Expiry by the domain clock (idle, absolute) is still checked on
 * every hit from the remembered times. A change made in this process (sign-out, revocation, a
 * disabled user, new roles) drops the entries at once; one made by another process takes effect
 * within TTL_MS. The TTL runs on the monotonic clock, so a fixed PLENARY_NOW does not freeze it.
 */
export const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedIdentity {
  reader: Reader;
  /** For sessions: the times expiry is judged by. */
  lastSeenAt?: number;
  expiresAt?: number;
  csrfToken?: string;
  sessionId?: string;
  tokenId?: number;
  cachedAt: number;
}

const entries = new Map<string, CachedIdentity>();

export function cacheGet(key: string, now = performance.now()): CachedIdentity | null {
  const e = entries.get(key);
  if (!e) return null;
  if (now - e.cachedAt > TTL_MS) {
    entries.delete(key);
    return null;
  }
  return e;
}

export function cachePut(
  key: string,
  value: Omit<CachedIdentity, "cachedAt">,
  now = performance.now(),
): void {
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(key, { ...value, cachedAt: now });
}

/** Forget every identity of a user: after sign-out, a password change, new roles or clearances, disabling. */
export function forgetUser(userId: number): void {
  for (const [k, e] of entries) if (e.reader.userId === userId) entries.delete(k);
}

export function forgetSession(sessionId: string): void {
  for (const [k, e] of entries) if (e.sessionId === sessionId) entries.delete(k);
}

export function forgetToken(tokenId: number): void {
  for (const [k, e] of entries) if (e.tokenId === tokenId) entries.delete(k);
}
