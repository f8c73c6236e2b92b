import type { Reader } from "../access/reader.js";

/** A session as read (sessions.ts's ActiveSession): its times are what expiry is judged by. */
interface CachedSession {
  id: string;
  userId: number;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

/**
 * Who is behind a session cookie or an API token, remembered for a few seconds so that a page
 * view does not cost two queries. Expiry by the domain clock (idle, absolute) is still checked on
 * every hit from the remembered times. A change made in this process (sign-out, revocation, a
 * disabled user, new roles) drops the entries at once; one made by another process takes effect
 * within TTL_MS. The TTL runs on the monotonic clock, so a fixed PLENARY_NOW does not freeze it.
 *
 * Changes drop entries inside their transaction, before it commits: a request in between still
 * reads the old state. So a forgotten user, session or token is not cached again for TTL_MS,
 * and such a request serves itself without keeping the old state for others.
 */
export const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedIdentity {
  reader: Reader;
  sessionId?: string;
  /** For sessions: the session as read, whose times expiry is judged by. */
  session?: CachedSession;
  tokenId?: number;
  cachedAt: number;
}

const entries = new Map<string, CachedIdentity>();
/** "user:1", "session:…", "token:2" → until when (monotonic) it is not cached. */
const uncachedUntil = new Map<string, number>();

function isUncached(value: Omit<CachedIdentity, "cachedAt">, now: number): boolean {
  const keys = [`user:${value.reader.userId}`];
  if (value.sessionId) keys.push(`session:${value.sessionId}`);
  if (value.tokenId !== undefined) keys.push(`token:${value.tokenId}`);
  return keys.some((k) => {
    const until = uncachedUntil.get(k);
    if (until === undefined) return false;
    if (until > now) return true;
    uncachedUntil.delete(k);
    return false;
  });
}

function holdOff(key: string): void {
  if (uncachedUntil.size >= MAX_ENTRIES) uncachedUntil.clear();
  uncachedUntil.set(key, performance.now() + TTL_MS);
}

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
  if (isUncached(value, now)) return;
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(key, { ...value, cachedAt: now });
}

/** Forget every identity of a user: after sign-out, a password change, new roles or clearances, disabling. */
export function forgetUser(userId: number): void {
  holdOff(`user:${userId}`);
  for (const [k, e] of entries) if (e.reader.userId === userId) entries.delete(k);
}

export function forgetSession(sessionId: string): void {
  holdOff(`session:${sessionId}`);
  for (const [k, e] of entries) if (e.sessionId === sessionId) entries.delete(k);
}

export function forgetToken(tokenId: number): void {
  holdOff(`token:${tokenId}`);
  for (const [k, e] of entries) if (e.tokenId === tokenId) entries.delete(k);
}
