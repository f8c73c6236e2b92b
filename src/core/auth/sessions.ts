import { and, eq, gt, isNull } from "drizzle-orm";
import type { Clock } from "../clock.js";
import type { Queryable } from "../db/index.js";
import { forgetSession, forgetUser } from "./reader-cache.js";
import { sessions } from "./schema.js";
import { newSecret, sha256 } from "./secrets.js";

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface ActiveSession {
  id: string;
  userId: number;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Seen again within this long, a session's last-seen time is not rewritten: saves a write per request. */
const TOUCH_AFTER_MS = 60_000;

export async function createSession(
  tx: Queryable,
  userId: number,
  clock: Clock,
  policy: SessionPolicy,
  meta: { address: string | null; userAgent: string | null },
): Promise<{ cookie: string; session: ActiveSession }> {
  const cookie = newSecret();
  const now = clock.now();
  const session: ActiveSession = {
    id: sha256(cookie),
    userId,
    csrfToken: newSecret(24),
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
  };
  await tx.insert(sessions).values({
    ...session,
    createdAt: now,
    address: meta.address,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { cookie, session };
}

/** The live session behind a cookie, or null when it is unknown, ended, idle too long or past its end. */
export async function resolveSession(
  db: Queryable,
  cookie: string,
  clock: Clock,
  policy: SessionPolicy,
): Promise<ActiveSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(cookie)) return null;
  const now = clock.now();
  const id = sha256(cookie);
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt), gt(sessions.expiresAt, now)));
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > policy.idleMinutes * 60_000) return null;
  let lastSeenAt = row.lastSeenAt;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    lastSeenAt = now;
  }
  return { id: row.id, userId: row.userId, csrfToken: row.csrfToken, lastSeenAt, expiresAt: row.expiresAt };
}

/** Whether a session known from `s` is still alive at `now`, and whether its last-seen time is due a rewrite. */
export function sessionState(
  s: { lastSeenAt: Date; expiresAt: Date },
  now: Date,
  policy: SessionPolicy,
): "alive" | "touch" | "expired" {
  const idle = now.getTime() - s.lastSeenAt.getTime();
  if (now >= s.expiresAt || idle > policy.idleMinutes * 60_000) return "expired";
  return idle > TOUCH_AFTER_MS ? "touch" : "alive";
}

export async function endSession(tx: Queryable, sessionId: string, clock: Clock): Promise<void> {
  await tx.update(sessions).set({ endedAt: clock.now() }).where(eq(sessions.id, sessionId));
  forgetSession(sessionId);
}

export async function endUserSessions(tx: Queryable, userId: number, at: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ endedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
  forgetUser(userId);
}
