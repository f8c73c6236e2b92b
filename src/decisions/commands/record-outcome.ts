import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { invalidFields, notFound } from "../../core/errors.js";
import { meetingFor } from "../../meetings/index.js";
import type { RecordOutcomeInput } from "../contract.js";
import { manageDecisions } from "../policy.js";
import { currentPositions, type ProposalRow, partnersOn, proposalFor } from "../queries.js";
import { standingPositions } from "../rules.js";
import { actOnOutcome } from "./consequences.js";
import { applyEvent } from "./step.js";

/** The positions that stand now, of the governments that are Partners on the day. */
export async function standingNow(tx: Tx, proposalId: number, now: Date) {
  const partners = new Set((await partnersOn(tx, now.toISOString().slice(0, 10))).map((p) => p.code));
  return standingPositions(
    (await currentPositions(tx, proposalId)).map((p) => ({ ...p, seq: p.id })),
    (c) => partners.has(c),
  );
}

/**
 * Records a meeting's outcome: adopted, provisionally agreed (final by a day or a meeting unless a
 * Partner objects) or not agreed — never adoption while a Partner's objection or reserve stands.
 */
export async function recordOutcome(
  tx: Tx,
  who: Acting,
  id: number,
  input: RecordOutcomeInput,
): Promise<ProposalRow> {
  const row = await proposalFor(tx, who, id, { lock: true });
  if (!row) throw notFound("proposal");
  authorize(who, manageDecisions);
  const provisional = input.outcome === "provisionally_agreed";
  if (provisional && !input.finalOn && !input.finalAtMeetingId)
    throw invalidFields([
      { field: "finalOn", message: "say by which day (or meeting) it becomes final if no Partner objects" },
    ]);
  if (!provisional && (input.finalOn || input.finalAtMeetingId))
    throw invalidFields([
      { field: "finalOn", message: "only a provisional agreement has a day it becomes final" },
    ]);
  if (input.finalOn && input.finalOn < who.now.toISOString().slice(0, 10))
    throw invalidFields([{ field: "finalOn", message: "the day it becomes final has to lie ahead" }]);
  if (input.finalAtMeetingId && !(await meetingFor(tx, who, input.finalAtMeetingId)))
    throw invalidFields([
      { field: "finalAtMeetingId", message: `no meeting has the id ${input.finalAtMeetingId}` },
    ]);
  const standing = await standingNow(tx, row.id, who.now);
  let out = await applyEvent(
    tx,
    who,
    row,
    { kind: "record", outcome: input.outcome, standing },
    {
      closedAt: provisional ? null : who.now,
      finalOn: input.finalOn ?? null,
      finalAtMeetingId: input.finalAtMeetingId ?? null,
      outcomeNote: input.note ?? null,
    },
    input.note ?? null,
  );
  out = await actOnOutcome(tx, who, out);
  await appendAudit(tx, who.now, who.actor, {
    action: "decision.record_outcome",
    targetKind: "proposal",
    targetId: row.id,
    space: REGIME_SPACE,
    details: { outcome: input.outcome, recordPaper: out.recordPaper },
  });
  return out;
}
