/** Calendars: each user's secret address and the calendar it serves, and a meeting's own file. */
import { and, eq, isNull } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import type { Ports } from "../core/capability.js";
import type { Queryable } from "../core/db/index.js";
import { calendarText, deadlineEvent, meetingEvent } from "./ical.js";
import {
  computeDeadlines,
  governmentNames,
  type MeetingRow,
  visibleMeetings,
  visibleRules,
} from "./queries.js";
import { calendarFeeds } from "./schema.js";

export const FEED_PATH = "/api/v1/calendar";

export function feedUrl(baseUrl: string, secret: string): string {
  return `${baseUrl}${FEED_PATH}/${secret}.ics`;
}

/** The reader a live address belongs to, or null (unknown, revoked, or the user disabled). */
export async function readerOfFeed(
  db: Queryable,
  loadReader: NonNullable<Ports["loadReader"]>,
  secret: string,
  now: Date,
): Promise<Reader | null> {
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
    meeting: byId.get(d.meeting.id) ?? d.meeting,
  }));
  return calendarText(
    [
      ...rows.map((m) => meetingEvent(m, names.get(m.hostCode) ?? m.hostCode, baseUrl, now)),
      ...deadlines.map((d) => deadlineEvent(d, baseUrl, now)),
    ],
    `Plenary — ${reader.displayName}`,
  );
}

/** One meeting as a calendar file of its own. */
export async function meetingCalendar(
  db: Queryable,
  meeting: MeetingRow,
  baseUrl: string,
  now: Date,
): Promise<string> {
  const names = await governmentNames(db);
  return calendarText(
    [meetingEvent(meeting, names.get(meeting.hostCode) ?? meeting.hostCode, baseUrl, now)],
    meeting.title,
  );
}
