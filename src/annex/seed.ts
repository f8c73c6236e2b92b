import { eq } from "drizzle-orm";
import { actingAs, actingAsSystem } from "../core/acting.js";
import type { Clock } from "../core/clock.js";
import type { Db } from "../core/db/index.js";
import { loadReader, userByUsername } from "../directory/index.js";
import { visibleMeetings } from "../meetings/index.js";
import { applyAmendmentSet } from "./commands/apply-amendment-set.js";
import { createAmendmentSet } from "./commands/create-amendment-set.js";
import { createVersion } from "./commands/create-version.js";
import { ANNEX_2006 } from "./data/annex-2006.js";
import { ATHENS_2007_CHANGES } from "./data/athens-2007.js";
import { amendmentSets, annexVersions } from "./schema.js";

export const BASE_LABEL = "Annex 2006";
export const ATHENS_TITLE = "Athens 2007";
export const ATHENS_LABEL = "Annex 2007 (Athens)";

/**
 * The scenario's Annex: the 2006 version, the Athens 2007 amendment set agreed at the Athens
 * Plenary (enactment updates due as the Canberra matrix's deadline says), and the version it made.
 * Recorded by the Point of Contact. Idempotent.
 */
export async function seedAnnex(db: Db, clock: Clock): Promise<void> {
  const poc = await userByUsername(db, "fr.poc");
  const reader = poc ? await loadReader(db, poc.id, clock.now()) : null;
  const who = reader ? actingAs(reader, new Date("2007-11-20T09:00:00Z")) : actingAsSystem(clock.now());
  const meetings = reader ? await visibleMeetings(db, reader) : [];
  const idOf = (uid: string) => meetings.find((m) => m.uid === uid)?.id ?? null;
  await db.transaction(async (tx) => {
    let [base] = await tx.select().from(annexVersions).where(eq(annexVersions.label, BASE_LABEL));
    if (!base)
      base = await createVersion(
        tx,
        { ...who, now: new Date("2006-10-20T09:00:00Z") },
        {
          label: BASE_LABEL,
          asOf: "2006-10-06",
          nodes: ANNEX_2006,
        },
      );
    let [set] = await tx.select().from(amendmentSets).where(eq(amendmentSets.title, ATHENS_TITLE));
    if (!set)
      set = await createAmendmentSet(tx, who, {
        title: ATHENS_TITLE,
        meetingId: idOf("mtcr-2007-athens-plenary@plenary"),
        adoptedOn: "2007-11-09",
        updatesMeetingId: idOf("mtcr-2008-canberra-plenary@plenary"),
        note: "Changes to the Annex agreed at the 22nd Plenary, Athens, 5–9 November 2007.",
        changes: ATHENS_2007_CHANGES,
      });
    const [made] = await tx.select().from(annexVersions).where(eq(annexVersions.amendmentSetId, set.id));
    if (!made)
      await applyAmendmentSet(tx, who, set.id, {
        versionId: base.id,
        label: ATHENS_LABEL,
        asOf: "2007-11-09",
      });
  });
}
