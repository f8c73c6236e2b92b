import { and, eq, isNull } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { AppError, conflict, invalidFields, notFound, one } from "../../core/errors.js";
import { governmentByCode, standingOn } from "../../directory/index.js";
import { instantText, PROFILE } from "../../meetings/index.js";
import type { NewPositionInput } from "../contract.js";
import { statePosition } from "../policy.js";
import { type PositionRow, type ProposalRow, proposalFor } from "../queries.js";
import { BREAKING, FINAL, positionProblem, STATE_LABELS } from "../rules.js";
import { proposalPositions } from "../schema.js";
import { closesAt } from "./closing.js";
import { actOnOutcome } from "./consequences.js";
import { applyEvent } from "./step.js";

const paris = (d: Date) => `${instantText(d, PROFILE.pointOfContactTimeZone)} Paris time`;

/** Why no position can be stated now, or null: not yet open, or closed (naming the instant it closed). */
async function closedProblem(tx: Tx, row: ProposalRow, now: Date): Promise<AppError | null> {
  if (row.state === "draft" || row.state === "circulated")
    return conflict(
      "decision.wrong_state",
      "The proposal is not yet put to a decision: no position can be stated on it yet.",
    );
  if (FINAL.includes(row.state)) {
    const when = row.closedAt ? ` on ${paris(row.closedAt)}` : "";
    return conflict(
      "decision.closed",
      `The proposal closed${when} (${STATE_LABELS[row.state].toLowerCase()}): no position can be stated after it.`,
    );
  }
  const closes = await closesAt(tx, row);
  if (closes && now.getTime() >= closes.getTime())
    return conflict(
      "decision.closed",
      `The ${row.state === "under_silence" ? "silence procedure" : "provisional agreement"} closed on ${paris(closes)}: no position can be stated after it.`,
    );
  return null;
}

/**
 * States a Partner's position, through one of its delegates. The proposal row is locked first, so
 * two delegates of one Partner stating at once follow each other: the later stands, both are
 * history. An objection or an amendment breaks silence (or undoes a provisional agreement) at once.
 */
export async function statePositionOf(
  tx: Tx,
  who: Acting,
  id: number,
  input: NewPositionInput,
): Promise<{ proposal: ProposalRow; position: PositionRow }> {
  const row = await proposalFor(tx, who, id, { lock: true });
  if (!row) throw notFound("proposal");
  const governmentCode = input.governmentCode ?? (who.kind === "reader" ? who.reader.government.code : "");
  authorize(who, statePosition, governmentCode);
  const gov = await governmentByCode(tx, governmentCode);
  const day = who.now.toISOString().slice(0, 10);
  if (!gov || standingOn(gov, day) !== "partner")
    throw new AppError(
      "decision.not_a_partner",
      403,
      `${governmentCode} is not a Partner on ${day}: it has no position.`,
    );
  const closed = await closedProblem(tx, row, who.now);
  if (closed) throw closed;
  const problem = positionProblem(input.position, input.reason, input.amendment);
  if (problem) throw invalidFields([problem]);
  const current = and(
    eq(proposalPositions.proposalId, row.id),
    eq(proposalPositions.governmentCode, gov.code),
    isNull(proposalPositions.replacedAt),
  );
  const [previous] = await tx.select().from(proposalPositions).where(current).for("update");
  if (previous)
    await tx
      .update(proposalPositions)
      .set({ replacedAt: who.now })
      .where(eq(proposalPositions.id, previous.id));
  const position = one(
    await tx
      .insert(proposalPositions)
      .values({
        proposalId: row.id,
        governmentCode: gov.code,
        position: input.position,
        reason: input.reason || null,
        amendment: input.position === "amend" ? input.amendment || null : null,
        statedBy: who.kind === "reader" ? who.reader.userId : null,
        stater:
          who.kind === "reader" ? `${who.reader.displayName} (${who.reader.username})` : who.actor.label,
        statedAt: who.now,
      })
      .returning(),
  );
  const breaks = BREAKING.includes(input.position);
  let proposal = await applyEvent(
    tx,
    who,
    row,
    { kind: "position", position: input.position },
    breaks && (row.state === "under_silence" || row.state === "provisionally_agreed")
      ? { closedAt: who.now }
      : {},
    breaks && row.state === "under_silence"
      ? `${gov.name} broke silence.`
      : breaks && row.state === "provisionally_agreed"
        ? `${gov.name} objected to the provisional agreement.`
        : null,
  );
  proposal = await actOnOutcome(tx, who, proposal);
  await appendAudit(tx, who.now, who.actor, {
    action: previous ? "decision.position.replace" : "decision.position",
    targetKind: "proposal",
    targetId: row.id,
    space: REGIME_SPACE,
    details: { government: gov.code, position: input.position, state: proposal.state },
  });
  return { proposal, position };
}
