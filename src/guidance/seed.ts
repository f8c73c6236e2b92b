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
    // The next guidance, begun: the US desk's draft for the Canberra Plenary (its details fictitious).
    const [plenary] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.uid, CANBERRA_PLENARY));
    if (!plenary) throw new Error(`the scenario has no meeting ${CANBERRA_PLENARY}`);
    const begun = new Date("2008-07-02T12:00:00Z");
    await createGuidance(
      tx,
      actingAs(await readerByUsername(tx, "us.desk", begun), begun),
      { meetingId: plenary.id },
      { content: canberraDraft() },
    );
  });
}

export const CANBERRA_PLENARY = "mtcr-2008-canberra-plenary@plenary";

/** The draft for the Canberra Plenary: addressed as STATE 070895, two items so far. Fictitious. */
function canberraDraft(): GuidanceContent {
  const p = (text: string, marking: string) => ({ text, marking });
  return {
    ...SCENARIO_GUIDANCE,
    to: { name: "AMEMBASSY CANBERRA", precedence: "PRIORITY" },
    attention: null,
    tags: ["MTCRE", "PARM", "MNUC", "KSCA", "TSPA", "ETTC", "AS"],
    subject: p("MISSILE TECHNOLOGY CONTROL REGIME (MTCR): GUIDANCE FOR THE 2008 CANBERRA PLENARY", "C"),
    references: [{ kind: "telegram", text: "STATE 70895", andPrevious: true }],
    actionRequest: p("This is an action request. Embassy Canberra please see paragraph 3.", "U"),
    purpose: p(
      "Guidance for the U.S. delegation to the 2008 MTCR Plenary in Canberra, November 3-7, is provided in paragraph 3.",
      "C",
    ),
    items: [
      {
        agendaItemId: null,
        heading: p("MEMBERSHIP", "C"),
        background: p(
          "Per REF, Partners agreed to examine all pending candidacies at the Canberra Plenary.",
          "C",
        ),
        blocks: [
          {
            mode: "should",
            points: [
              p("Note that U.S. views on membership have not changed since the 2007 Athens Plenary.", "C"),
            ],
          },
        ],
        notes: [],
      },
      {
        agendaItemId: null,
        heading: p("OUTREACH", "SBU"),
        background: null,
        blocks: [
          {
            mode: "as_appropriate",
            points: [p("Support the Chair's programme of outreach visits for 2008-2009.", "SBU")],
          },
        ],
        notes: [],
      },
    ],
  };
}
