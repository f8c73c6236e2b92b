/** The regime's record of a candidacy: entering it, and each step of its history; and a Partner's own view. */
import { and, eq } from "drizzle-orm";
import { allowedMarkings, levelAt, rankOf } from "../../core/access/markings.js";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, type FieldProblem, invalid, invalidFields, notFound, one } from "../../core/errors.js";
import { proposalFor } from "../../decisions/index.js";
import { admitGovernment, governmentByCode, ladderOfGovernment, standingOn } from "../../directory/index.js";
import { meetingFor } from "../../meetings/index.js";
import { papers, visiblePapers } from "../../papers/index.js";
import type { NewCandidacyInput, NewEventInput, ViewInput } from "../contract.js";
import { keepView, recordCandidacy } from "../policy.js";
import { type CandidacyRow, candidacyFor } from "../queries.js";
import { type EventKind, eventProblems, stateAfter } from "../rules.js";
import { candidacies, candidacyEvents, candidacyViews } from "../schema.js";

export async function createCandidacy(tx: Tx, who: Acting, input: NewCandidacyInput): Promise<CandidacyRow> {
  authorize(who, recordCandidacy);
  const gov = await governmentByCode(tx, input.governmentCode);
  if (!gov) throw invalid("governmentCode", `no government has the code ${input.governmentCode}`);
  if (standingOn(gov, input.appliedOn) === "partner")
    throw invalid(
      "governmentCode",
      `${gov.name} is a Partner on ${input.appliedOn}: a Partner does not apply`,
    );
  const [had] = await tx
    .select({ id: candidacies.id })
    .from(candidacies)
    .where(eq(candidacies.governmentCode, gov.code));
  if (had) throw conflict("candidacy.exists", `${gov.name} has a candidacy already (candidacy ${had.id}).`);
  const row = one(
    await tx
      .insert(candidacies)
      .values({
        governmentCode: gov.code,
        appliedOn: input.appliedOn,
        state: "pending",
        note: input.note ?? null,
        createdAt: who.now,
        updatedAt: who.now,
      })
      .returning(),
  );
  await tx.insert(candidacyEvents).values({
    candidacyId: row.id,
    kind: "applied",
    on: input.appliedOn,
    recordedBy: who.actor.userId,
    recordedAt: who.now,
  });
  await appendAudit(tx, who.now, who.actor, {
    action: "candidacy.create",
    targetKind: "candidacy",
    targetId: String(row.id),
    space: REGIME_SPACE,
    details: { government: gov.code, appliedOn: input.appliedOn },
  });
  return row;
}

/**
 * A step of the history, with the record that says so. An admission makes the government a
 * Partner from its day (the directory's standing by date), and names the proposal adopted by
 * consensus when there is one.
 */
export async function recordEvent(
  tx: Tx,
  who: Acting,
  id: number,
  input: NewEventInput,
): Promise<CandidacyRow> {
  const c = await candidacyFor(tx, who, id, { lock: true });
  if (!c) throw notFound("candidacy");
  authorize(who, recordCandidacy);
  const kind = input.kind as EventKind;
  const problems: FieldProblem[] = [];
  const meeting = input.meetingId ? await meetingFor(tx, who, input.meetingId) : null;
  if (input.meetingId && !meeting)
    problems.push({ field: "meetingId", message: `no meeting has the id ${input.meetingId}` });
  if (input.paperNumber) {
    const where =
      who.kind === "reader"
        ? and(eq(papers.number, input.paperNumber), visiblePapers(who.reader))
        : eq(papers.number, input.paperNumber);
    const [paper] = await tx.select({ id: papers.id }).from(papers).where(where);
    if (!paper)
      problems.push({
        field: "paperNumber",
        message: `no paper has the number POC DOC ${input.paperNumber}`,
      });
  }
  if (input.proposalId) {
    const p = await proposalFor(tx, who, input.proposalId);
    if (!p) problems.push({ field: "proposalId", message: `no proposal has the id ${input.proposalId}` });
    else if (kind === "admitted" && p.state !== "adopted")
      problems.push({
        field: "proposalId",
        message: `proposal ${p.id} was not adopted: admission is by consensus`,
      });
  }
  const gov = await governmentByCode(tx, c.governmentCode);
  if (!gov) throw notFound("government");
  problems.push(
    ...eventProblems(
      { appliedOn: c.appliedOn, state: c.state, standingOnDay: standingOn(gov, input.on) },
      {
        kind,
        on: input.on,
        meeting: meeting
          ? { kind: meeting.kind, title: meeting.title, firstDay: meeting.firstDay, lastDay: meeting.lastDay }
          : null,
        hasRecord: Boolean(input.paperNumber || input.proposalId || input.source),
      },
      // A meeting named but not found is refused above, once.
    ).filter((p) => !(p.field === "meetingId" && input.meetingId && !meeting)),
  );
  if (problems.length) throw invalidFields(problems);
  await tx.insert(candidacyEvents).values({
    candidacyId: c.id,
    kind,
    on: input.on,
    meetingId: meeting?.id ?? null,
    paperNumber: input.paperNumber ?? null,
    proposalId: input.proposalId ?? null,
    source: input.source ?? null,
    note: input.note ?? null,
    recordedBy: who.actor.userId,
    recordedAt: who.now,
  });
  const state = stateAfter(kind, c.state);
  if (kind === "admitted") await admitGovernment(tx, c.governmentCode, input.on);
  const updated = one(
    await tx
      .update(candidacies)
      .set({ state, admittedOn: kind === "admitted" ? input.on : c.admittedOn, updatedAt: who.now })
      .where(eq(candidacies.id, c.id))
      .returning(),
  );
  await appendAudit(tx, who.now, who.actor, {
    action: `candidacy.${kind}`,
    targetKind: "candidacy",
    targetId: String(c.id),
    space: REGIME_SPACE,
    details: { government: c.governmentCode, on: input.on, meetingId: meeting?.id ?? null },
  });
  return updated;
}

/** The reader's government's own view, kept in its national space and marked on its ladder. */
export async function saveView(tx: Tx, who: Acting, id: number, input: ViewInput): Promise<CandidacyRow> {
  const c = await candidacyFor(tx, who, id, { lock: true });
  if (!c) throw notFound("candidacy");
  if (who.kind !== "reader") throw new Error("a view is a government's: the system keeps none");
  authorize(who, keepView);
  const reader = who.reader;
  const ladder = await ladderOfGovernment(tx, reader.government.code);
  if (!ladder) throw notFound("ladder");
  const rank = rankOf(ladder, input.marking);
  if (rank === null)
    throw invalid(
      "marking",
      `${input.marking} is not a marking on the ${ladder.name} ladder: give one of ${allowedMarkings(ladder)}`,
    );
  if (rank > reader.nationalClearance)
    throw invalid(
      "marking",
      `${input.marking} is above your clearance ${levelAt(ladder, reader.nationalClearance).code}`,
    );
  const values = {
    position: input.position,
    reasoning: input.reasoning,
    instructions: input.instructions ?? null,
    rank,
    updatedBy: who.actor.userId,
    updatedAt: who.now,
  };
  await tx
    .insert(candidacyViews)
    .values({ candidacyId: c.id, space: reader.government.code, ...values })
    .onConflictDoUpdate({ target: [candidacyViews.candidacyId, candidacyViews.space], set: values });
  await appendAudit(tx, who.now, who.actor, {
    action: "candidacy.view",
    targetKind: "candidacy",
    targetId: String(c.id),
    space: reader.government.code,
    details: { position: input.position, marking: input.marking },
  });
  return c;
}
