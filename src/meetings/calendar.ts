/** Each user's secret calendar address, and the calendar it serves. */
import { and, eq, isNull } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import { type AuditActor, appendAudit } from "../core/audit/append.js";
import { newSecret } from "../core/auth/secrets.js";
import type { Db, Queryable } from "../core/db/index.js";
import { loadReader } from "../directory/repo.js";
import { calendarText, deadlineEvent, meetingEvent } from "./ical.js";
import { computeDeadlines, governmentNames, visibleMeetings, visibleRules } from "./repo.js";
import { calendarFeeds } from "./schema.js";

export const FEED_PATH = "/api/v1/calendar";

export function feedUrl(baseUrl: string, secret: string): string {
  return `${baseUrl}${FEED_PATH}/${secret}.ics`;
}

/** The user's live address, issued on first use. */
export async function ensureFeed(
  db: Db,
  userId: number,
  actor: AuditActor,
  now: Date,
): Promise<{ secret: string; createdAt: Date }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
    if (existing) return existing;
    const secret = newSecret(24);
    const [row] = await tx.insert(calendarFeeds).values({ userId, secret, createdAt: now }).returning();
    await appendAudit(tx, now, actor, {
      action: "calendar.issue",
      targetKind: "calendar_feed",
      targetId: row!.id,
    });
    return row!;
  });
}

/** Revokes the user's address: calendars subscribed to it stop updating. */
export async function revokeFeed(db: Db, userId: number, actor: AuditActor, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    if (rows.length)
      await appendAudit(tx, now, actor, {
        action: "calendar.revoke",
        targetKind: "calendar_feed",
        targetId: rows[0]!.id,
      });
    return rows.length > 0;
  });
}

/** The reader a live address belongs to, or null (unknown, revoked, or the user disabled). */
export async function readerOfFeed(db: Queryable, secret: string, now: Date): Promise<Reader | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.secret, secret), isNull(calendarFeeds.revokedAt)));
  return row ? loadReader(db, row.userId, now) : null;
}

/** Every meeting and deadline the reader may see, cancelled ones included (so calendars drop them). */
export async function readerCalendar(
  db: Queryable,
  reader: Reader,
  baseUrl: string,
  now: Date,
): Promise<string> {
  const rows = await visibleMeetings(db, reader);
  const rules = await visibleRules(db, reader);
  const names = await governmentNames(db);
  // A cancelled meeting's deadlines are computed as if it stood, and sent as cancelled.
  const asIfStanding = rows.map((r) =>
    r.status === "cancelled" ? { ...r, status: "proposed" as const } : r,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const deadlines = computeDeadlines(rules, asIfStanding).map((d) => ({
    ...d,
    meeting: byId.get(d.meeting.id)!,
  }));
  return calendarText(
    [
      ...rows.map((m) => meetingEvent(m, names.get(m.hostCode) ?? m.hostCode, baseUrl, now)),
      ...deadlines.map((d) => deadlineEvent(d, baseUrl, now)),
    ],
    `Plenary — ${reader.displayName}`,
  );
}
