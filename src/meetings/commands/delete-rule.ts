import { count, eq } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { invalidateAgenda } from "../../core/agenda.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, notFound } from "../../core/errors.js";
import { manageRules } from "../policy.js";
import { ruleFor } from "../queries.js";
import { deadlineRules, deadlineSubmissions, deadlineWaivers, reminders } from "../schema.js";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Deletes a deadline rule made by mistake. A rule something has happened under — a submission,
 * a waiver, a reminder (sent, or tried and skipped or failed) — is part of the record and is refused, saying what holds it; change
 * its wording or terms instead.
 */
export async function deleteRule(tx: Tx, who: Acting, id: number): Promise<void> {
  await tx.select({ id: deadlineRules.id }).from(deadlineRules).where(eq(deadlineRules.id, id)).for("update");
  const rule = await ruleFor(tx, who, id);
  if (!rule) throw notFound("deadline rule");
  authorize(who, manageRules);
  const tally = async (table: typeof deadlineSubmissions | typeof deadlineWaivers | typeof reminders) =>
    (await tx.select({ n: count() }).from(table).where(eq(table.ruleId, id)))[0]?.n ?? 0;
  const held = [
    [await tally(deadlineSubmissions), "submission", "submissions"],
    [await tally(deadlineWaivers), "waiver", "waivers"],
    [await tally(reminders), "reminder", "reminders"],
  ] as const;
  const holding = held.filter(([n]) => n > 0).map(([n, a, b]) => plural(n, a, b));
  if (holding.length)
    throw conflict(
      "deadline_rule.in_use",
      `The deadline rule ${rule.code} has ${holding.join(", ")} on record, so it stays: change its wording or terms instead.`,
    );
  await tx.delete(deadlineRules).where(eq(deadlineRules.id, id));
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "deadline_rule.delete",
    targetKind: "deadline_rule",
    targetId: id,
    space: REGIME_SPACE,
    details: { code: rule.code },
  });
}
