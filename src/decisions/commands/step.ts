import { eq } from "drizzle-orm";
import type { Acting } from "../../core/acting.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, one } from "../../core/errors.js";
import type { ProposalRow } from "../queries.js";
import { type ProposalEvent, transition } from "../rules.js";
import { proposalEvents, proposals } from "../schema.js";

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;

/**
 * Moves a proposal by one event of the rules (`transition`), with the other columns the event
 * sets, and records the change of state in its history. A refused event is a 409 in the rules' words.
 */
export async function applyEvent(
  tx: Tx,
  who: Acting,
  row: ProposalRow,
  event: ProposalEvent,
  patch: Partial<typeof proposals.$inferInsert> = {},
  note: string | null = null,
): Promise<ProposalRow> {
  const step = transition(row.state, event);
  if (!step.ok) throw conflict("decision.wrong_state", sentence(step.message));
  const updated = one(
    await tx
      .update(proposals)
      .set({ ...patch, state: step.state, updatedAt: who.now })
      .where(eq(proposals.id, row.id))
      .returning(),
  );
  if (step.state !== row.state)
    await tx.insert(proposalEvents).values({
      proposalId: row.id,
      at: who.now,
      actor: who.kind === "reader" ? `${who.reader.displayName} (${who.reader.username})` : who.actor.label,
      fromState: row.state,
      toState: step.state,
      note,
    });
  return updated;
}
