import { and, eq } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { invalidateAgenda } from "../../core/agenda.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { invalid, notFound, one } from "../../core/errors.js";
import { submit } from "../policy.js";
import { ruleById, visibleMeeting } from "../repo.js";
import { dueOf, latenessOf, ruleApplies } from "../rules.js";
import { deadlineRules, deadlineSubmissions, deadlineWaivers, meetings } from "../schema.js";

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
  const meeting =
    who.kind === "reader"
      ? await visibleMeeting(tx, who.reader, s.meetingId)
      : ((await tx.select().from(meetings).where(eq(meetings.id, s.meetingId)))[0] ?? null);
  const rule =
    meeting && who.kind === "reader"
      ? await ruleById(tx, who.reader, s.ruleId)
      : ((await tx.select().from(deadlineRules).where(eq(deadlineRules.id, s.ruleId)))[0] ?? null);
  if (!meeting || !rule || !ruleApplies(rule, meeting)) throw notFound("deadline");
  authorize(who, submit);
  const government = who.kind === "reader" ? who.reader.government.code : s.governmentCode;
  if (!government) throw invalid("governmentCode", "say whose submission it is");
  const { dueAt } = dueOf(rule, meeting);
  const [waiver] = await tx
    .select({ id: deadlineWaivers.id })
    .from(deadlineWaivers)
    .where(
      and(
        eq(deadlineWaivers.ruleId, rule.id),
        eq(deadlineWaivers.meetingId, meeting.id),
        eq(deadlineWaivers.governmentCode, government),
      ),
    );
  const late = waiver ? latenessOf(dueAt, dueAt) : latenessOf(dueAt, who.now);
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
    waived: waiver !== undefined,
    ...late,
  };
}
