import { and, eq, isNull } from "drizzle-orm";
import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import { newSecret } from "../../core/auth/secrets.js";
import type { Tx } from "../../core/db/index.js";
import { one } from "../../core/errors.js";
import { calendarFeeds } from "../schema.js";

export interface CalendarFeed {
  secret: string;
  createdAt: Date;
}

/** The reader's live calendar address, issued on first use. Only a person has a calendar. */
export async function issueCalendarFeed(tx: Tx, who: ReaderActing): Promise<CalendarFeed> {
  const userId = who.reader.userId;
  const [existing] = await tx
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  if (existing) return existing;
  const row = one(
    await tx
      .insert(calendarFeeds)
      .values({ userId, secret: newSecret(24), createdAt: who.now })
      .returning(),
  );
  await appendAudit(tx, who.now, who.actor, {
    action: "calendar.issue",
    targetKind: "calendar_feed",
    targetId: row.id,
    space: who.reader.government.code,
  });
  return row;
}
