/**
 * The reference scenario's decisions, 2008 (STATE 070895, 1C and 1E):
 * 1. the Canberra TEM extended by two days: provisionally agreed at the 10 April RPOC in Paris,
 *    final when the TEM opens unless a Partner objects;
 * 2. after the June Bonn TEM, the TEM Chair's request to begin it on 30 October, under silence
 *    until 30 June: adopted, the meeting moved, its record of decision circulated;
 * 3. the draft agenda of the Canberra LEEM (POC DOC 90), under silence until 7 July 2008 12:00
 *    Paris time: open on 2 July, for a user to act on (the US desk has a draft position ready);
 * 4. a US draft proposal, seen only by the US and the Point of Contact;
 * 5. the 2009 Plenary's venue, put to the Canberra Plenary; 6. the Chair's outreach programme, circulated.
 * Each step acts as the system at the instant it happened. Idempotent: nothing is added twice.
 */
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { actingAs, actingAsSystem } from "../core/acting.js";
import type { Clock } from "../core/clock.js";
import type { Db, Tx } from "../core/db/index.js";
import { loadReader, userByUsername } from "../directory/index.js";
import { meetingDateChanges, meetings } from "../meetings/index.js";
import { closeDue } from "./commands/close-due.js";
import { createProposal } from "./commands/create-proposal.js";
import { circulateProposal, openSilence, putToMeeting } from "./commands/move-proposal.js";
import { prepareDraftPosition } from "./commands/prepare-draft.js";
import { recordOutcome } from "./commands/record-outcome.js";
import { statePositionOf } from "./commands/state-position.js";
import type { NewProposalInput } from "./contract.js";
import type { Position } from "./rules.js";
import { proposals } from "./schema.js";

const at = (iso: string) => new Date(iso);

async function meetingId(tx: Tx, uid: string): Promise<number> {
  const [m] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.uid, uid));
  if (!m) throw new Error(`the scenario has no meeting ${uid}`);
  return m.id;
}

async function propose(
  tx: Tx,
  when: string,
  gov: string,
  input: Omit<NewProposalInput, "papers"> & { papers?: number[] },
) {
  return createProposal(
    tx,
    actingAsSystem(at(when), "Point of Contact"),
    { papers: [], ...input },
    { governmentCode: gov },
  );
}

async function states(tx: Tx, id: number, list: [string, string, Position, string?][]) {
  for (const [when, gov, position, reason] of list)
    await statePositionOf(tx, actingAsSystem(at(when), `${gov} delegation`), id, {
      governmentCode: gov,
      position,
      reason: reason ?? null,
      amendment: null,
    });
}

const pocAt = (when: string) => actingAsSystem(at(when), "Point of Contact");

export async function seedDecisions(db: Db, clock: Clock): Promise<void> {
  const [have] = await db.select({ n: sql<number>`count(*)::int` }).from(proposals);
  if ((have?.n ?? 0) > 0) return;
  const agendaId = await db.transaction(async (tx) => {
    const rpoc = await meetingId(tx, "mtcr-2008-rpoc-12@plenary");
    const tem = await meetingId(tx, "mtcr-2008-canberra-tem@plenary");
    const leem = await meetingId(tx, "mtcr-2008-canberra-leem@plenary");
    const plenary = await meetingId(tx, "mtcr-2008-canberra-plenary@plenary");
    const [change] = await tx.select().from(meetingDateChanges).where(eq(meetingDateChanges.meetingId, tem));

    // 1. The RPOC's provisional agreement.
    const extend = await propose(tx, "2008-04-03T09:00:00Z", "FR", {
      title: { text: "Extend the Canberra TEM by two days", marking: "RR" },
      text: [
        {
          text: "The Technical Experts Meeting held in conjunction with the 2008 Canberra Plenary is extended by two days, to begin on 30 October 2008.",
          marking: "RR",
        },
        {
          text: "The extension becomes final when the TEM Chair confirms the need for it after the intersessional TEM in Bonn, unless a Partner objects.",
          marking: "RR",
        },
      ],
      proposer: "the TEM Chair",
      meetingId: rpoc,
    });
    await circulateProposal(tx, pocAt("2008-04-03T10:00:00Z"), extend.id);
    await putToMeeting(tx, pocAt("2008-04-10T07:30:00Z"), extend.id, rpoc);
    await states(tx, extend.id, [
      ["2008-04-10T09:10:00Z", "US", "support"],
      ["2008-04-10T09:15:00Z", "DE", "support"],
      ["2008-04-10T09:20:00Z", "GB", "no_objection"],
      ["2008-04-10T09:25:00Z", "AU", "support"],
    ]);
    await recordOutcome(tx, pocAt("2008-04-10T15:00:00Z"), extend.id, {
      outcome: "provisionally_agreed",
      finalAtMeetingId: tem,
      note: "Provisional agreement at the 12th Reinforced POC meeting, Paris, 10 April 2008.",
    });

    // 2. The TEM Chair's request after Bonn, under silence, adopted.
    const begin = await propose(tx, "2008-06-20T08:00:00Z", "FR", {
      title: { text: "Begin the Canberra TEM on 30 October 2008", marking: "RR" },
      text: [
        {
          text: "Following the intersessional TEM in Bonn, the TEM Chair has determined that there is sufficient need to extend the Canberra TEM by two days and requests Partner agreement to begin it on 30 October 2008.",
          marking: "RR",
        },
        {
          text: "There will be no TEM-chaired sessions on Saturday and Sunday, 1–2 November 2008.",
          marking: "PUBLIC",
        },
      ],
      proposer: "the TEM Chair",
      meetingId: tem,
      dateChangeId: change?.id ?? null,
    });
    await circulateProposal(tx, pocAt("2008-06-20T09:00:00Z"), begin.id);
    await openSilence(tx, pocAt("2008-06-20T09:05:00Z"), begin.id, at("2008-06-30T15:00:00Z"));
    await states(tx, begin.id, [
      ["2008-06-23T14:00:00Z", "US", "support"],
      ["2008-06-24T08:30:00Z", "DE", "no_objection"],
    ]);

    // 3. The LEEM's draft agenda, under silence on 2 July.
    const agenda = await propose(tx, "2008-06-27T08:00:00Z", "FR", {
      title: { text: "Adopt the draft agenda of the Canberra LEEM (POC DOC 90)", marking: "RR" },
      text: [
        {
          text: "The LEEM Permanent Co-Chair proposes that Partners adopt the draft agenda of the Canberra LEEM circulated as POC DOC 90.",
          marking: "RR",
        },
        {
          text: "Partners are encouraged to circulate their presentations well in advance of the Canberra Plenary.",
          marking: "PUBLIC",
        },
      ],
      proposer: "the LEEM Permanent Co-Chair",
      meetingId: leem,
      papers: [90],
    });
    await circulateProposal(tx, pocAt("2008-06-30T08:00:00Z"), agenda.id);
    await openSilence(tx, pocAt("2008-06-30T08:05:00Z"), agenda.id, at("2008-07-07T10:00:00Z"));
    await states(tx, agenda.id, [["2008-07-01T13:00:00Z", "DE", "no_objection"]]);

    // 4. A US draft, not yet submitted to the Point of Contact's circulation.
    await propose(tx, "2008-07-01T15:00:00Z", "US", {
      title: { text: "Submit TEM proposals at least eight weeks in advance", marking: "RR" },
      text: [
        {
          text: "Partners submit any new proposals for discussion by the TEM at least eight weeks before it meets, in accordance with established practice, so that Partners have sufficient time to prepare.",
          marking: "RR",
        },
      ],
      proposer: "United States",
      meetingId: tem,
    });

    // 5. The 2009 Plenary's venue, for the Canberra Plenary.
    const venue = await propose(tx, "2008-06-16T09:00:00Z", "BR", {
      title: { text: "Hold the 2009 Plenary in Rio de Janeiro", marking: "RR" },
      text: [{ text: "Brazil offers to host the 2009 Plenary meeting in Rio de Janeiro.", marking: "RR" }],
      proposer: "Brazil",
      meetingId: plenary,
    });
    await circulateProposal(tx, pocAt("2008-06-18T09:00:00Z"), venue.id);
    await putToMeeting(tx, pocAt("2008-06-18T09:05:00Z"), venue.id, plenary);

    // 6. The Chair's outreach programme, circulated.
    const outreach = await propose(tx, "2008-06-25T09:00:00Z", "AU", {
      title: { text: "The Chair's outreach programme, 2008–2009", marking: "RR" },
      text: [
        {
          text: "Outreach visits by the Chair inform the host country about the Regime, encourage controls consistent with the Guidelines and the Annex, and learn about its missile-related export controls.",
          marking: "RR",
        },
        { text: "A visit implies no acceptance of the host country as a Partner.", marking: "PUBLIC" },
      ],
      proposer: "the MTCR Chair",
      meetingId: plenary,
    });
    await circulateProposal(tx, pocAt("2008-06-26T09:00:00Z"), outreach.id);

    // The silence on the TEM's first day closed on 30 June.
    await closeDue(tx as unknown as Db, at("2008-06-30T15:00:00Z"));
    // Everyone was told at the time: nothing of the past waits to be sent.
    await tx.update(proposals).set({ openNoticeAt: proposals.openedAt }).where(isNotNull(proposals.openedAt));
    await tx
      .update(proposals)
      .set({ closeNoticeAt: proposals.closedAt })
      .where(and(isNotNull(proposals.closedAt)));
    return agenda.id;
  });
  // The US desk's draft position on the LEEM agenda, for the delegate to state.
  const desk = await userByUsername(db, "us.desk");
  const reader = desk ? await loadReader(db, desk.id, clock.now()) : null;
  if (reader)
    await db.transaction((tx) =>
      prepareDraftPosition(tx, actingAs(reader, at("2008-07-01T16:00:00Z")), agendaId, {
        position: "support",
        reason: "The agenda covers the topics the United States intends to present.",
        amendment: null,
      }),
    );
}
