/**
 * What a decision does once it is taken: an adopted (or provisionally agreed) change of a
 * meeting's dates moves the meeting — its deadlines follow, its calendar event gets a higher
 * SEQUENCE — and the record of decision is issued as the register's next paper, circulated.
 */
import { eq } from "drizzle-orm";
import { levelAt, REGIME_LADDER } from "../../core/access/markings.js";
import { type Acting, actingAsSystem } from "../../core/acting.js";
import type { Tx } from "../../core/db/index.js";
import { one } from "../../core/errors.js";
import { decideDateChange, instantText, meetingDateChanges, PROFILE } from "../../meetings/index.js";
import { issueRecordPaper } from "../../papers/index.js";
import { currentPositions, type ProposalRow, partnersOn } from "../queries.js";
import { POSITION_LABELS, standingPositions } from "../rules.js";
import { proposals } from "../schema.js";

const code = (rank: number) => levelAt(REGIME_LADDER, rank).code;

/** The sentence a record of decision opens with. */
export function outcomeSentence(row: ProposalRow): string {
  const zone = PROFILE.pointOfContactTimeZone;
  const at = row.closedAt ?? row.updatedAt;
  if (row.state === "adopted" && row.procedure === "silence" && row.silenceDeadline)
    return `Adopted by silence procedure: silence closed at ${instantText(row.silenceDeadline, zone)} Paris time and no Partner broke it.`;
  if (row.state === "adopted") return `Adopted by consensus on ${instantText(at, zone)} Paris time.`;
  const until = row.finalOn ? ` It becomes final at the end of ${row.finalOn} unless a Partner objects.` : "";
  return `Provisionally agreed on ${instantText(at, zone)} Paris time.${until}`;
}

export async function actOnOutcome(tx: Tx, who: Acting, row: ProposalRow): Promise<ProposalRow> {
  if (row.state !== "adopted" && row.state !== "provisionally_agreed") return row;
  const system = actingAsSystem(who.now, `decision ${row.id}`);
  if (row.dateChangeId) {
    const [ch] = await tx
      .select()
      .from(meetingDateChanges)
      .where(eq(meetingDateChanges.id, row.dateChangeId));
    if (ch)
      await decideDateChange(tx, system, ch.meetingId, ch.id, {
        agreement: row.state === "adopted" ? "agreed" : "provisionally_agreed",
      });
  }
  if (row.recordPaper || row.state !== "adopted") return row;
  const day = (row.closedAt ?? who.now).toISOString().slice(0, 10);
  const partners = new Set((await partnersOn(tx, day)).map((p) => p.code));
  const standing = [
    ...standingPositions(
      (await currentPositions(tx, row.id)).map((p) => ({ ...p, seq: p.id })),
      (c) => partners.has(c),
    ).values(),
  ].sort((a, b) => a.governmentCode.localeCompare(b.governmentCode));
  const positions = standing.length
    ? standing
        .map((p) => `${p.governmentCode}: ${POSITION_LABELS[p.position]}${p.reason ? ` (${p.reason})` : ""}`)
        .join("\n")
    : "No Partner stated a position.";
  const paper = await issueRecordPaper(tx, system, {
    title: { text: `Record of decision: ${row.title}`, marking: code(row.titleRank) },
    summary: { text: `${outcomeSentence(row)} Proposed by ${row.proposer}.`, marking: "PUBLIC" },
    sections: [
      ...row.portions.map((p, i) => ({
        heading: i === 0 ? "The decision" : null,
        text: p.text,
        marking: code(p.rank),
      })),
      { heading: "Positions stated", text: positions, marking: "RR" },
      ...(row.outcomeNote ? [{ heading: "Note", text: row.outcomeNote, marking: "RR" }] : []),
    ],
    meetingId: row.meetingId,
    agendaItem: null,
  });
  return one(
    await tx
      .update(proposals)
      .set({ recordPaper: paper.number, updatedAt: who.now })
      .where(eq(proposals.id, row.id))
      .returning(),
  );
}
