import { eq } from "drizzle-orm";
import type { Queryable } from "../../core/db/index.js";
import { instantAt, meetings, PROFILE } from "../../meetings/index.js";
import type { ProposalRow } from "../queries.js";

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * When an open procedure closes: a silence procedure at its deadline; a provisional agreement at
 * the end of its final day (Point of Contact time) or as its meeting opens (the meeting's time);
 * null when it does not close by itself.
 */
export async function closesAt(db: Queryable, row: ProposalRow): Promise<Date | null> {
  if (row.state === "under_silence") return row.silenceDeadline;
  if (row.state !== "provisionally_agreed") return null;
  if (row.finalOn) return instantAt(nextDay(row.finalOn), 0, 0, PROFILE.pointOfContactTimeZone);
  if (row.finalAtMeetingId) {
    const [m] = await db
      .select({ firstDay: meetings.firstDay, timeZone: meetings.timeZone })
      .from(meetings)
      .where(eq(meetings.id, row.finalAtMeetingId));
    return m ? instantAt(m.firstDay, 0, 0, m.timeZone) : null;
  }
  return null;
}
