import { eq } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import { type Acting, readerOfActing } from "../../core/acting.js";
import { invalidateAgenda } from "../../core/agenda.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, invalidFields, notFound } from "../../core/errors.js";
import { governments } from "../../directory/index.js";
import type { NewWaiver } from "../contract.js";
import { waive } from "../policy.js";
import { deadlineOf, isWaived } from "../queries.js";
import { deadlineWaivers } from "../schema.js";

/**
 * Waives a deadline for one Partner, with the reason: its submissions are then on time whenever
 * they come. A deadline is waived once for each Partner.
 */
export async function waiveDeadline(
  tx: Tx,
  who: Acting,
  meetingId: number,
  ruleId: number,
  input: NewWaiver,
): Promise<void> {
  const d = await deadlineOf(tx, who, meetingId, ruleId);
  if (!d) throw notFound("deadline");
  authorize(who, waive);
  const code = input.government.toUpperCase();
  const [gov] = await tx.select().from(governments).where(eq(governments.code, code));
  if (gov?.status !== "partner")
    throw invalidFields([
      { field: "government", message: `${code} is not a Partner: a deadline is waived for a Partner` },
    ]);
  if (await isWaived(tx, ruleId, meetingId, code))
    throw conflict("deadline.already_waived", `This deadline is already waived for ${gov.name}.`);
  await tx.insert(deadlineWaivers).values({
    ruleId,
    meetingId,
    governmentCode: code,
    reason: input.reason,
    waivedBy: readerOfActing(who)?.userId ?? null,
    waivedAt: who.now,
  });
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "deadline.waive",
    targetKind: "deadline",
    targetId: `${ruleId}-${meetingId}`,
    space: REGIME_SPACE,
    details: { government: code, reason: input.reason, dueAt: d.dueAt.toISOString() },
  });
}
