import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { invalid, notFound } from "../../core/errors.js";
import { meetingFor } from "../../meetings/index.js";
import { manageDecisions, withdrawProposal } from "../policy.js";
import { type ProposalRow, proposalFor } from "../queries.js";
import { silenceDeadlineProblem } from "../rules.js";
import { applyEvent } from "./step.js";

async function locked(tx: Tx, who: Acting, id: number): Promise<ProposalRow> {
  const row = await proposalFor(tx, who, id, { lock: true });
  if (!row) throw notFound("proposal");
  return row;
}

async function audit(
  tx: Tx,
  who: Acting,
  row: ProposalRow,
  action: `decision.${string}`,
  details: Record<string, unknown> = {},
) {
  await appendAudit(tx, who.now, who.actor, {
    action,
    targetKind: "proposal",
    targetId: row.id,
    space: REGIME_SPACE,
    details: { state: row.state, ...details },
  });
}

/** Circulates a draft to every Partner (the Point of Contact or a chair). */
export async function circulateProposal(tx: Tx, who: Acting, id: number): Promise<ProposalRow> {
  const row = await locked(tx, who, id);
  authorize(who, manageDecisions);
  const out = await applyEvent(tx, who, row, { kind: "circulate" });
  await audit(tx, who, out, "decision.circulate");
  return out;
}

/**
 * Puts a proposal under silence procedure until `deadline`: adopted then unless a Partner breaks
 * silence. The deadline must lie ahead. The Partners are told (notices.ts).
 */
export async function openSilence(tx: Tx, who: Acting, id: number, deadline: Date): Promise<ProposalRow> {
  const row = await locked(tx, who, id);
  authorize(who, manageDecisions);
  const problem = silenceDeadlineProblem(deadline, who.now);
  if (problem) throw invalid("deadline", problem);
  const out = await applyEvent(
    tx,
    who,
    row,
    { kind: "open_silence" },
    { procedure: "silence", silenceDeadline: deadline, openedAt: who.now },
    `Under silence until ${deadline.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
  );
  await audit(tx, who, out, "decision.open_silence", { deadline: deadline.toISOString() });
  return out;
}

/** Puts a proposal to a decision at a meeting: its own, or the one given. */
export async function putToMeeting(
  tx: Tx,
  who: Acting,
  id: number,
  meetingId?: number | null,
): Promise<ProposalRow> {
  const row = await locked(tx, who, id);
  authorize(who, manageDecisions);
  const at = meetingId ?? row.meetingId;
  if (!at) throw invalid("meetingId", "name the meeting that decides it");
  const meeting = await meetingFor(tx, who, at);
  if (!meeting) throw invalid("meetingId", `no meeting has the id ${at}`);
  const out = await applyEvent(
    tx,
    who,
    row,
    { kind: "put_to_meeting" },
    { procedure: "meeting", meetingId: at, openedAt: who.now },
    `Put to the ${meeting.title}.`,
  );
  await audit(tx, who, out, "decision.put_to_meeting", { meeting: at });
  return out;
}

/** Withdraws a proposal not yet decided: its government, the Point of Contact or a chair. */
export async function withdrawProposalOf(
  tx: Tx,
  who: Acting,
  id: number,
  note: string | null = null,
): Promise<ProposalRow> {
  const row = await locked(tx, who, id);
  authorize(who, withdrawProposal, row.governmentCode);
  const out = await applyEvent(
    tx,
    who,
    row,
    { kind: "withdraw" },
    { closedAt: row.openedAt ? who.now : null },
    note,
  );
  await audit(tx, who, out, "decision.withdraw");
  return out;
}
