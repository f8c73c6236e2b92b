import { and, eq, inArray, lte, or } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { actingAsSystem } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Db, Tx } from "../../core/db/index.js";
import { proposalFor } from "../queries.js";
import type { ProposalState } from "../rules.js";
import { proposals } from "../schema.js";
import { closesAt } from "./closing.js";
import { actOnOutcome } from "./consequences.js";
import { standingNow } from "./record-outcome.js";
import { applyEvent } from "./step.js";

export interface Closed {
  id: number;
  state: ProposalState;
  recordPaper: number | null;
}

/**
 * Closes one procedure that is due, once: the row is locked and its state read again, so a second
 * runner (or a restart) finds it closed and does nothing. It closes as of its own instant (the
 * silence deadline), counting the positions that stand of the Partners on that day.
 */
async function closeOne(tx: Tx, id: number, now: Date): Promise<Closed | null> {
  const who = actingAsSystem(now, "silence procedure");
  const row = await proposalFor(tx, who, id, { lock: true });
  if (!row) return null;
  const at = await closesAt(tx, row);
  if (!at || at.getTime() > now.getTime()) return null;
  const standing = await standingNow(tx, row.id, at);
  let out = await applyEvent(tx, who, row, { kind: "close", standing }, { closedAt: at }, null);
  out = await actOnOutcome(tx, who, out);
  await appendAudit(tx, now, who.actor, {
    action: "decision.close",
    targetKind: "proposal",
    targetId: row.id,
    space: REGIME_SPACE,
    details: { state: out.state, closedAt: at.toISOString(), recordPaper: out.recordPaper },
  });
  return { id: out.id, state: out.state, recordPaper: out.recordPaper };
}

/** Closes every procedure due by `now`, each in its own transaction. Restart-safe: driven by the clock. */
export async function closeDue(db: Db, now: Date): Promise<Closed[]> {
  const due = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(
      or(
        and(eq(proposals.state, "under_silence"), lte(proposals.silenceDeadline, now)),
        inArray(proposals.state, ["provisionally_agreed"]),
      ),
    )
    .orderBy(proposals.id);
  const closed: Closed[] = [];
  for (const { id } of due) {
    const c = await db.transaction((tx) => closeOne(tx, id, now));
    if (c) closed.push(c);
  }
  return closed;
}
