import { eq } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { invalidateAgenda } from "../../core/agenda.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { invalidFields, notFound, one } from "../../core/errors.js";
import type { RulePatch } from "../contract.js";
import { manageRules } from "../policy.js";
import { type RuleRow, ruleFor } from "../queries.js";
import { changedDueTerms, checkRuleTerms } from "../rules.js";
import { deadlineRules } from "../schema.js";
import { anchorKindOf } from "./create-rule.js";

/**
 * Changes a deadline rule's terms or wording; its code stays. Submissions already made keep the
 * due instant and lateness they were recorded with; deadlines, reminders and calendar feeds follow
 * the new terms from now on. A rule the one acting may not see does not exist for them.
 */
export async function changeRule(tx: Tx, who: Acting, id: number, patch: RulePatch): Promise<RuleRow> {
  await tx.select({ id: deadlineRules.id }).from(deadlineRules).where(eq(deadlineRules.id, id)).for("update");
  const before = await ruleFor(tx, who, id);
  if (!before) throw notFound("deadline rule");
  authorize(who, manageRules);
  const anchorMeetingId =
    patch.anchorMeetingId === undefined ? before.anchorMeetingId : patch.anchorMeetingId;
  const anchorKind = await anchorKindOf(tx, who, {
    anchorKind: patch.anchorKind ?? (patch.anchorMeetingId === undefined ? before.anchorKind : undefined),
    anchorMeetingId,
  });
  const { offset, fixedDay } = changedDueTerms(before, patch);
  const terms = {
    anchorKind,
    anchorMeetingId,
    anchorDay: patch.anchorDay ?? before.anchorDay,
    offsetAmount: offset?.amount ?? null,
    offsetUnit: offset?.unit ?? null,
    fixedDay,
  };
  const problems = checkRuleTerms(terms);
  if (problems.length) throw invalidFields(problems);
  const after = one(
    await tx
      .update(deadlineRules)
      .set({
        ...terms,
        documentKind: patch.documentKind ?? before.documentKind,
        firm: patch.firm ?? before.firm,
        wording: patch.wording ?? before.wording,
      })
      .where(eq(deadlineRules.id, id))
      .returning(),
  );
  const changed = Object.keys(after).filter(
    (k) => JSON.stringify(after[k as keyof RuleRow]) !== JSON.stringify(before[k as keyof RuleRow]),
  );
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "deadline_rule.change",
    targetKind: "deadline_rule",
    targetId: id,
    space: REGIME_SPACE,
    details: { code: after.code, changed },
  });
  return after;
}
