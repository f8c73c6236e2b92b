import { authorize } from "../../core/access/rules.js";
import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { invalidFields, notFound, one } from "../../core/errors.js";
import type { DraftPositionInput } from "../contract.js";
import { prepareDraft } from "../policy.js";
import { type DraftRow, proposalFor } from "../queries.js";
import { positionProblem } from "../rules.js";
import { positionDrafts } from "../schema.js";

/**
 * A capital's draft position for its delegate, kept in its national space: its own government
 * sees it, nobody else learns it exists. Preparing again replaces it. A delegate states it.
 */
export async function prepareDraftPosition(
  tx: Tx,
  who: ReaderActing,
  id: number,
  input: DraftPositionInput,
): Promise<DraftRow> {
  const row = await proposalFor(tx, who, id);
  if (!row) throw notFound("proposal");
  authorize(who, prepareDraft);
  const problem = positionProblem(input.position, input.reason, input.amendment);
  if (problem) throw invalidFields([problem]);
  const space = who.reader.government.code;
  const values = {
    position: input.position,
    reason: input.reason || null,
    amendment: input.position === "amend" ? input.amendment || null : null,
    preparedBy: who.reader.userId,
    preparer: `${who.reader.displayName} (${who.reader.username})`,
    preparedAt: who.now,
  };
  const draft = one(
    await tx
      .insert(positionDrafts)
      .values({ space, proposalId: row.id, ...values })
      .onConflictDoUpdate({ target: [positionDrafts.space, positionDrafts.proposalId], set: values })
      .returning(),
  );
  await appendAudit(tx, who.now, who.actor, {
    action: "decision.draft_position",
    targetKind: "proposal",
    targetId: row.id,
    space,
    details: { position: input.position },
  });
  return draft;
}
