import { and, eq, isNull } from "drizzle-orm";
import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { calendarFeeds } from "../schema.js";

/**
 * Revokes the reader's calendar address: calendars subscribed to it stop updating, and the next
 * look issues a new one. Returns whether there was one to revoke.
 */
export async function revokeCalendarFeed(tx: Tx, who: ReaderActing): Promise<boolean> {
  const [row] = await tx
    .update(calendarFeeds)
    .set({ revokedAt: who.now })
    .where(and(eq(calendarFeeds.userId, who.reader.userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  if (!row) return false;
  await appendAudit(tx, who.now, who.actor, {
    action: "calendar.revoke",
    targetKind: "calendar_feed",
    targetId: row.id,
    space: who.reader.government.code,
  });
  return true;
}
