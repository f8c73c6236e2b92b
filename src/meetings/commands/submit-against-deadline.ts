import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { invalidateAgenda } from "../../core/agenda.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { invalid, notFound, one } from "../../core/errors.js";
import { submit } from "../policy.js";
import { deadlineOf, isWaived } from "../queries.js";
import { latenessOf } from "../rules.js";
import { deadlineSubmissions } from "../schema.js";

export interface Submission {
  meetingId: number;
  ruleId: number;
  title: string;
  /** Another capability's record the submission stands for ("paper"): its title is then that capability's to show. */
  source?: string | null;
  /** For the system only: whose submission it is (a reader submits for their own government). */
  governmentCode?: string;
}

/**
 * The one path by which anything is submitted against a deadline: accepted whenever it comes,
 * marked late by how much (not late when the deadline is waived for the government), listed on
 * the meeting's deadline and audited.
 */
export async function submitAgainstDeadline(tx: Tx, who: Acting, s: Submission) {
  const d = await deadlineOf(tx, who, s.meetingId, s.ruleId);
  if (!d) throw notFound("deadline");
  authorize(who, submit);
  const government = who.kind === "reader" ? who.reader.government.code : s.governmentCode;
  if (!government) throw invalid("governmentCode", "say whose submission it is");
  const { rule, meeting, dueAt } = d;
  const waived = await isWaived(tx, rule.id, meeting.id, government);
  const late = waived ? latenessOf(dueAt, dueAt) : latenessOf(dueAt, who.now);
  const row = one(
    await tx
      .insert(deadlineSubmissions)
      .values({
        ruleId: rule.id,
        meetingId: meeting.id,
        governmentCode: government,
        source: s.source ?? null,
        title: s.title,
        submittedBy: who.kind === "reader" ? who.reader.userId : null,
        submittedAt: who.now,
        dueAt,
        lateSeconds: late.seconds,
      })
      .returning({ id: deadlineSubmissions.id }),
  );
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "deadline.submit",
    targetKind: "deadline",
    targetId: `${rule.id}-${meeting.id}`,
    // A record another capability owns is audited there, in its own space; the title of one
    // recorded by title alone is the regime's.
    space: s.source ? government : REGIME_SPACE,
    details: {
      government,
      lateSeconds: late.seconds,
      ...(s.source ? { source: s.source } : { title: s.title }),
    },
  });
  return {
    id: row.id,
    submittedAt: who.now.toISOString(),
    dueAt: dueAt.toISOString(),
    waived,
    ...late,
  };
}
