/**
 * The reference scenario's candidacy: Kazakhstan's, pending in 2008 (its application date is
 * illustrative). No new member was admitted at Athens in 2007: the candidacies were deferred, and
 * at the 10 April 2008 RPOC the Partners agreed to examine all pending candidacies at Canberra. The
 * United States keeps its own view, unchanged since Athens, in its national space. Idempotent.
 */
import { eq } from "drizzle-orm";
import { actingAs, actingAsSystem } from "../core/acting.js";
import type { Clock } from "../core/clock.js";
import type { Db } from "../core/db/index.js";
import { readerByUsername } from "../directory/index.js";
import { meetings } from "../meetings/index.js";
import { createCandidacy, recordEvent, saveView } from "./commands/record.js";
import { candidacies } from "./schema.js";

export async function seedMembership(db: Db, _clock: Clock): Promise<void> {
  await db.transaction(async (tx) => {
    const [had] = await tx
      .select({ id: candidacies.id })
      .from(candidacies)
      .where(eq(candidacies.governmentCode, "KZ"));
    if (had) return;
    const meetingId = async (uid: string) => {
      const [m] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.uid, uid));
      if (!m) throw new Error(`the scenario has no meeting ${uid}`);
      return m.id;
    };
    const system = (iso: string) => actingAsSystem(new Date(iso));
    const c = await createCandidacy(tx, system("2002-06-01T09:00:00Z"), {
      governmentCode: "KZ",
      appliedOn: "2002-06-01",
      note: "Application date illustrative, for the demonstration.",
    });
    await recordEvent(tx, system("2007-11-09T16:00:00Z"), c.id, {
      kind: "deferred",
      on: "2007-11-09",
      meetingId: await meetingId("mtcr-2007-athens-plenary@plenary"),
      source: "Athens Plenary: no new members were admitted (STATE 070895, paragraph 3G)",
      note: "No new members were admitted at Athens.",
    });
    await recordEvent(tx, system("2008-04-10T16:00:00Z"), c.id, {
      kind: "scheduled",
      on: "2008-04-10",
      meetingId: await meetingId("mtcr-2008-canberra-plenary@plenary"),
      source:
        "12th Reinforced POC meeting, Paris: Partners agreed to examine all pending candidacies at Canberra",
    });
    const at = new Date("2008-07-01T10:00:00Z");
    await saveView(tx, actingAs(await readerByUsername(tx, "us.desk", at), at), c.id, {
      position: "undecided",
      reasoning: "U.S. views on membership have not changed since the 2007 Athens Plenary.",
      instructions:
        "If asked about U.S. views on a particular membership application, note that they have not changed since the Athens Plenary and seek guidance from Washington.",
      marking: "C",
    });
  });
}
