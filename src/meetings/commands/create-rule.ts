import { eq } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { invalidateAgenda } from "../../core/agenda.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, invalidFields, one } from "../../core/errors.js";
import type { NewRule } from "../contract.js";
import { manageRules } from "../policy.js";
import { type MeetingKind, PROFILE } from "../profile.js";
import { meetingFor, type RuleRow } from "../queries.js";
import { checkRuleTerms } from "../rules.js";
import { deadlineRules } from "../schema.js";

/**
 * The kind of meeting a rule hangs on: the one given, or that of its one anchor meeting (which
 * the one acting must see, and whose kind must agree with the one given).
 */
export async function anchorKindOf(
  tx: Tx,
  who: Acting,
  input: { anchorKind?: MeetingKind | undefined; anchorMeetingId: number | null },
): Promise<MeetingKind> {
  const given = input.anchorKind ?? null;
  if (input.anchorMeetingId === null) {
    if (given) return given;
    throw invalidFields([
      { field: "anchorKind", message: "give the kind of meeting the rule hangs on, or anchorMeetingId" },
    ]);
  }
  const anchor = await meetingFor(tx, who, input.anchorMeetingId);
  if (!anchor)
    throw invalidFields([
      {
        field: "anchorMeetingId",
        message: `no meeting ${input.anchorMeetingId} that you may see: give the id of a meeting from GET /meetings`,
      },
    ]);
  if (given && given !== anchor.kind)
    throw invalidFields([
      {
        field: "anchorKind",
        message: `meeting ${anchor.id} is a ${PROFILE.kinds[anchor.kind].label}, not a ${PROFILE.kinds[given].label}`,
      },
    ]);
  return anchor.kind;
}

/** Makes a deadline rule; its code is unique ("tem-proposals"). */
export async function createRule(tx: Tx, who: Acting, input: NewRule): Promise<RuleRow> {
  authorize(who, manageRules);
  const anchorKind = await anchorKindOf(tx, who, input);
  const terms = {
    anchorKind,
    anchorMeetingId: input.anchorMeetingId,
    anchorDay: input.anchorDay,
    offsetAmount: input.offset?.amount ?? null,
    offsetUnit: input.offset?.unit ?? null,
    fixedDay: input.fixedDay,
  };
  const problems = checkRuleTerms(terms);
  if (problems.length) throw invalidFields(problems);
  const [dup] = await tx.select().from(deadlineRules).where(eq(deadlineRules.code, input.code));
  if (dup)
    throw conflict(
      "deadline_rule.exists",
      `A deadline rule coded ${input.code} exists: choose another code.`,
    );
  const row = one(
    await tx
      .insert(deadlineRules)
      .values({
        space: REGIME_SPACE,
        code: input.code,
        documentKind: input.documentKind,
        ...terms,
        firm: input.firm,
        wording: input.wording,
        createdAt: who.now,
      })
      .returning(),
  );
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "deadline_rule.create",
    targetKind: "deadline_rule",
    targetId: row.id,
    space: REGIME_SPACE,
    details: { code: row.code, anchorKind, anchorMeetingId: row.anchorMeetingId },
  });
  return row;
}
