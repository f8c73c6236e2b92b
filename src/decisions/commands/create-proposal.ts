import { eq } from "drizzle-orm";
import { bannerRank, REGIME_LADDER, rankOf } from "../../core/access/markings.js";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { type FieldProblem, invalidFields, one } from "../../core/errors.js";
import { pointOfContactCode } from "../../directory/index.js";
import { meetingDateChanges, meetingFor, visibleAgendaItemsById } from "../../meetings/index.js";
import type { NewProposalInput } from "../contract.js";
import { propose } from "../policy.js";
import type { ProposalRow } from "../queries.js";
import { visiblePaperNumbers } from "../queries.js";
import { proposalEvents, proposals } from "../schema.js";

const markingProblem = (field: string, code: string): FieldProblem | null =>
  rankOf(REGIME_LADDER, code) === null
    ? { field, message: `${code} is not a regime marking: use PUBLIC, RR or RC` }
    : null;

/**
 * A proposal enters as a draft of its government. Everything it names — its meeting, agenda item,
 * change of dates and papers — must exist for the one proposing; every problem is named at once.
 */
export async function createProposal(
  tx: Tx,
  who: Acting,
  input: NewProposalInput,
  opts: { governmentCode?: string } = {},
): Promise<ProposalRow> {
  authorize(who, propose);
  const problems: FieldProblem[] = [];
  const mark = (field: string, code: string) => {
    const p = markingProblem(field, code);
    if (p) problems.push(p);
    return rankOf(REGIME_LADDER, code) ?? 0;
  };
  const titleRank = mark("title.marking", input.title.marking);
  const portions = input.text.map((t, i) => ({ rank: mark(`text.${i}.marking`, t.marking), text: t.text }));
  if (input.meetingId && !(await meetingFor(tx, who, input.meetingId)))
    problems.push({ field: "meetingId", message: `no meeting has the id ${input.meetingId}` });
  if (input.agendaItemId) {
    const item =
      who.kind === "reader"
        ? (await visibleAgendaItemsById(tx, who.reader, [input.agendaItemId]))[0]
        : { meetingId: input.meetingId ?? null };
    if (!item)
      problems.push({ field: "agendaItemId", message: `no agenda item has the id ${input.agendaItemId}` });
    else if (input.meetingId && item.meetingId !== input.meetingId)
      problems.push({ field: "agendaItemId", message: "the agenda item is of another meeting" });
  }
  if (input.dateChangeId) {
    const [ch] = await tx
      .select()
      .from(meetingDateChanges)
      .where(eq(meetingDateChanges.id, input.dateChangeId));
    const seen = ch && (await meetingFor(tx, who, ch.meetingId));
    if (!seen)
      problems.push({
        field: "dateChangeId",
        message: `no change of dates has the id ${input.dateChangeId}`,
      });
    else if (input.meetingId && ch.meetingId !== input.meetingId)
      problems.push({ field: "dateChangeId", message: "the change of dates is of another meeting" });
  }
  const wanted = [...new Set(input.papers)];
  if (who.kind === "reader" && wanted.length) {
    const seen = new Set(await visiblePaperNumbers(tx, who.reader, wanted));
    const missing = wanted.filter((n) => !seen.has(n));
    if (missing.length)
      problems.push({ field: "papers", message: `there is no paper POC DOC ${missing.join(", POC DOC ")}` });
  }
  if (problems.length) throw invalidFields(problems);
  const governmentCode =
    who.kind === "reader"
      ? who.reader.government.code
      : (opts.governmentCode ?? (await pointOfContactCode(tx)));
  const proposer =
    input.proposer ?? (who.kind === "reader" ? who.reader.government.name : "the Point of Contact");
  const row = one(
    await tx
      .insert(proposals)
      .values({
        space: REGIME_SPACE,
        title: input.title.text,
        titleRank,
        portions,
        banner: bannerRank([titleRank, ...portions.map((p) => p.rank)]),
        proposer,
        governmentCode,
        createdBy: who.kind === "reader" ? who.reader.userId : null,
        meetingId: input.meetingId ?? null,
        agendaItemId: input.agendaItemId ?? null,
        dateChangeId: input.dateChangeId ?? null,
        paperNumbers: wanted,
        state: "draft",
        createdAt: who.now,
        updatedAt: who.now,
      })
      .returning(),
  );
  await tx.insert(proposalEvents).values({
    proposalId: row.id,
    at: who.now,
    actor: who.kind === "reader" ? `${who.reader.displayName} (${who.reader.username})` : who.actor.label,
    fromState: null,
    toState: "draft",
    note: `Proposed by ${proposer}.`,
  });
  await appendAudit(tx, who.now, who.actor, {
    action: "decision.propose",
    targetKind: "proposal",
    targetId: row.id,
    // A draft belongs to its government until circulated.
    space: governmentCode,
    details: { meeting: row.meetingId, papers: wanted },
  });
  return row;
}
