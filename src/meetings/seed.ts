/**
 * The reference scenario's meetings of 2007–2008 and the deadline rules of STATE 070895
 * paragraph 3. Idempotent: meetings are known by their UID, rules by their code.
 */
import { eq } from "drizzle-orm";
import { actingAsSystem } from "../core/acting.js";
import type { Clock } from "../core/clock.js";
import type { Db, Queryable } from "../core/db/index.js";
import { changeMeeting } from "./commands/change-meeting.js";
import { createMeeting } from "./commands/create-meeting.js";
import { createRule } from "./commands/create-rule.js";
import { decideDateChange } from "./commands/decide-date-change.js";
import { proposeDateChange } from "./commands/propose-date-change.js";
import type { NewMeeting } from "./contract.js";
import { PROFILE } from "./profile.js";
import { deadlineRules, meetings } from "./schema.js";

type Seed = Omit<NewMeeting, "conjunctionWithId"> & { uid: string; conjunctionWith?: string };

const defaults = {
  daysWithoutSessions: [] as string[],
  chair: null as string | null,
  agenda: [] as string[],
  notes: null as string | null,
};

export const SCENARIO_MEETINGS: Seed[] = [
  {
    ...defaults,
    uid: "mtcr-2007-athens-plenary@plenary",
    kind: "plenary",
    title: "2007 Athens Plenary",
    host: "GR",
    city: "Athens",
    timeZone: "Europe/Athens",
    firstDay: "2007-11-05",
    lastDay: "2007-11-09",
    chair: "Greece",
    status: "held",
    notes: "Annex changes agreed; no new members admitted.",
  },
  {
    ...defaults,
    uid: "mtcr-2008-rpoc-12@plenary",
    kind: "rpoc",
    title: "12th Reinforced POC meeting, Paris",
    host: "FR",
    city: "Paris",
    timeZone: "Europe/Paris",
    firstDay: "2008-04-10",
    lastDay: "2008-04-10",
    chair: "Point of Contact (France)",
    status: "held",
    agenda: [
      "Regional nonproliferation",
      "Outreach to non-MTCR countries",
      "Preparations for the 2008 Canberra Plenary",
    ],
    notes:
      "Provisional agreement to extend the Canberra TEM by two days; pending candidacies to be examined at the 2008 Plenary.",
  },
  {
    ...defaults,
    uid: "mtcr-2008-bonn-tem@plenary",
    kind: "tem",
    title: "2008 Bonn TEM (intersessional)",
    host: "DE",
    city: "Bonn",
    timeZone: "Europe/Berlin",
    // The telegram says only "June 2008": these days are illustrative.
    firstDay: "2008-06-17",
    lastDay: "2008-06-19",
    chair: "TEM Chair",
    status: "held",
  },
  {
    ...defaults,
    uid: "mtcr-2008-07-08-poc@plenary",
    kind: "poc",
    title: "POC meeting, 8 July 2008",
    host: "FR",
    city: "Paris",
    timeZone: "Europe/Paris",
    firstDay: "2008-07-08",
    lastDay: "2008-07-08",
    chair: "Point of Contact (France)",
    status: "confirmed",
    agenda: [
      "Reinforced POC meeting (RPOC)",
      "2008 Canberra MTCR Plenary",
      "Technical Experts Meeting (TEM)",
      "Information Exchange (IE)",
      "Licensing and Enforcement Experts Meeting (LEEM)",
      "Outreach",
      "Membership",
      "National enactment of changes to the MTCR controls",
    ],
  },
  {
    ...defaults,
    uid: "mtcr-2008-canberra-plenary@plenary",
    kind: "plenary",
    title: "2008 Canberra Plenary",
    host: "AU",
    city: "Canberra",
    timeZone: "Australia/Sydney",
    firstDay: "2008-11-03",
    lastDay: "2008-11-07",
    chair: "Australia",
    status: "confirmed",
  },
  {
    ...defaults,
    uid: "mtcr-2008-canberra-tem@plenary",
    kind: "tem",
    title: "2008 Canberra TEM",
    host: "AU",
    city: "Canberra",
    timeZone: "Australia/Sydney",
    // First planned for 3–4 November (illustrative), extended to begin on 30 October.
    firstDay: "2008-11-03",
    lastDay: "2008-11-04",
    conjunctionWith: "mtcr-2008-canberra-plenary@plenary",
    daysWithoutSessions: [],
    chair: "TEM Chair",
    status: "provisionally_agreed",
    notes:
      "No TEM-chaired sessions on Saturday and Sunday, 1–2 November; informal consultations and technical working groups may meet.",
  },
  {
    ...defaults,
    uid: "mtcr-2008-canberra-leem@plenary",
    kind: "leem",
    title: "2008 Canberra LEEM",
    host: "AU",
    city: "Canberra",
    timeZone: "Australia/Sydney",
    // Within the Plenary week; the day is illustrative.
    firstDay: "2008-11-05",
    lastDay: "2008-11-05",
    conjunctionWith: "mtcr-2008-canberra-plenary@plenary",
    chair: "LEEM Permanent Co-Chair",
    status: "confirmed",
    notes: "Draft agenda POC DOC 90; call for papers POC DOC 89.",
  },
  {
    ...defaults,
    uid: "mtcr-2008-canberra-ie@plenary",
    kind: "ie",
    title: "2008 Canberra IE",
    host: "AU",
    city: "Canberra",
    timeZone: "Australia/Sydney",
    // Within the Plenary week; the day is illustrative.
    firstDay: "2008-11-06",
    lastDay: "2008-11-06",
    conjunctionWith: "mtcr-2008-canberra-plenary@plenary",
    chair: "IE Chair",
    status: "confirmed",
    notes: "Draft agenda POC DOC 66.",
  },
];

async function meetingIdByUid(db: Queryable, uid: string): Promise<number | null> {
  const [row] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.uid, uid));
  return row?.id ?? null;
}

export async function seedMeetings(
  db: Db,
  clock: Clock,
): Promise<{ meetingsAdded: number; rulesAdded: number }> {
  const who = actingAsSystem(clock.now());
  let meetingsAdded = 0;
  let rulesAdded = 0;
  await db.transaction(async (tx) => {
    for (const s of SCENARIO_MEETINGS) {
      if (await meetingIdByUid(tx, s.uid)) continue;
      const { uid, conjunctionWith, ...input } = s;
      const conj = conjunctionWith ? await meetingIdByUid(tx, conjunctionWith) : null;
      const row = await createMeeting(tx, who, { ...input, conjunctionWithId: conj }, { uid });
      meetingsAdded++;
      if (uid === "mtcr-2008-canberra-tem@plenary") {
        // STATE 070895 3.C: the TEM Chair's request, provisionally agreed at the 12th RPOC.
        const changeId = await proposeDateChange(
          tx,
          actingAsSystem(new Date("2008-04-10T09:00:00Z")),
          row.id,
          {
            firstDay: "2008-10-30",
            lastDay: "2008-11-04",
            proposedBy: "the TEM Chair",
            note: "Extend the Canberra TEM by two days to begin on 30 October 2008. After the Bonn TEM the TEM Chair asked Partners to agree.",
          },
        );
        await decideDateChange(tx, who, row.id, changeId, {
          agreement: "provisionally_agreed",
          note: "Provisional agreement at the 12th Reinforced POC meeting, Paris, 10 April 2008.",
        });
        await changeMeeting(tx, who, row.id, { daysWithoutSessions: ["2008-11-01", "2008-11-02"] });
      }
    }
    for (const r of PROFILE.rules) {
      const [have] = await tx
        .select({ id: deadlineRules.id })
        .from(deadlineRules)
        .where(eq(deadlineRules.code, r.code));
      if (have) continue;
      await createRule(tx, who, {
        code: r.code,
        documentKind: r.documentKind,
        anchorKind: r.anchorKind,
        anchorMeetingId: null,
        anchorDay: r.anchorDay,
        offset: r.offset,
        fixedDay: r.fixedDay,
        firm: r.firm,
        wording: r.wording,
      });
      rulesAdded++;
    }
    const [enactment] = await tx
      .select({ id: deadlineRules.id })
      .from(deadlineRules)
      .where(eq(deadlineRules.code, "enactment-updates-2008"));
    const canberra = await meetingIdByUid(tx, "mtcr-2008-canberra-plenary@plenary");
    if (!enactment && canberra) {
      // STATE 070895 3.H: the POC urged updates "by June" so a completed matrix is circulated in Canberra.
      await createRule(tx, who, {
        code: "enactment-updates-2008",
        documentKind: "enactment_update",
        anchorMeetingId: canberra,
        anchorDay: "first",
        offset: null,
        fixedDay: "2008-06-30",
        firm: false,
        wording:
          "Send national enactment updates for the matrix (POC DOC 39) by the end of June 2008, so that a completed matrix can be circulated in Canberra.",
      });
      rulesAdded++;
    }
  });
  return { meetingsAdded, rulesAdded };
}
