import { and, eq } from "drizzle-orm";
import { authorize } from "../../core/access/rules.js";
import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import type { DecisionInput } from "../contract.js";
import { mayDecide } from "../policy.js";
import { visibleCall } from "../queries.js";
import { contributions } from "../schema.js";

/** The chair accepts or declines a contribution, and gives an accepted one its place on the agenda. */
export async function decideContribution(
  tx: Tx,
  who: ReaderActing,
  callId: number,
  contributionId: number,
  input: DecisionInput,
) {
  await visibleCall(tx, who.reader, callId);
  authorize(who, mayDecide);
  const [row] = await tx
    .update(contributions)
    .set({ state: input.state, position: input.state === "accepted" ? (input.position ?? null) : null })
    .where(and(eq(contributions.id, contributionId), eq(contributions.callId, callId)))
    .returning();
  if (!row) throw notFound("contribution");
  await appendAudit(tx, who.now, who.actor, {
    action: "call.decide",
    space: row.governmentCode,
    targetKind: "contribution",
    targetId: contributionId,
    details: { state: input.state, position: input.position ?? null },
  });
  return row;
}
