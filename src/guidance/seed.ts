/**
 * The reference scenario's guidance: STATE 070895, the United States' guidance for the 8 July 2008
 * POC meeting, entered as data (`scenario.ts`), its items linked to the meeting's agenda items in
 * order, drafted by the US desk, approved by us.director and released at 2008-07-02T12:02Z as the
 * station's 70,895th telegram of 2008. The archive already holds that telegram (imported from its
 * copy), so the release links to it. Idempotent.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { actingAs } from "../core/acting.js";
import type { Clock } from "../core/clock.js";
import type { Db } from "../core/db/index.js";
import { readerByUsername } from "../directory/index.js";
import { agendaItems, meetings } from "../meetings/index.js";
import { createGuidance } from "./commands/save-guidance.js";
import { approve, release } from "./commands/workflow.js";
import type { GuidanceContent } from "./content.js";
import { SCENARIO_GUIDANCE, SCENARIO_RELEASE } from "./scenario.js";
import { guidance, messageCounters } from "./schema.js";

export const SCENARIO_MEETING = "mtcr-2008-07-08-poc@plenary";

export async function seedGuidance(db: Db, _clock: Clock): Promise<void> {
  await db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.uid, SCENARIO_MEETING));
    if (!meeting) throw new Error(`the scenario has no meeting ${SCENARIO_MEETING}`);
    const [had] = await tx
      .select({ id: guidance.id })
      .from(guidance)
      .where(and(eq(guidance.space, "US"), eq(guidance.meetingId, meeting.id)));
    if (had) return;
    const items = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meeting.id), isNull(agendaItems.removedAt)))
      .orderBy(asc(agendaItems.position));
    const content: GuidanceContent = {
      ...SCENARIO_GUIDANCE,
      items: SCENARIO_GUIDANCE.items.map((item, i) => ({ ...item, agendaItemId: items[i]?.id ?? null })),
    };
    // The station had sent 70,894 telegrams in 2008 before this one.
    await tx
      .insert(messageCounters)
      .values({ space: "US", station: "STATE", year: 2008, last: SCENARIO_RELEASE.serial - 1 })
      .onConflictDoNothing();
    const drafted = new Date("2008-06-30T14:00:00Z");
    const approved = new Date("2008-07-02T11:50:00Z");
    const sent = new Date(SCENARIO_RELEASE.sentAt);
    const desk = actingAs(await readerByUsername(tx, "us.desk", drafted), drafted);
    const row = await createGuidance(tx, desk, { meetingId: meeting.id }, { content });
    const director = await readerByUsername(tx, "us.director", approved);
    await approve(tx, actingAs(director, approved), row.id, {
      title: "ISN/MTR Director",
      reasons: "1.4 (B), (D)",
      years: 25,
      from: "2008-07-08",
    });
    await release(tx, actingAs(director, sent), row.id);
  });
}
