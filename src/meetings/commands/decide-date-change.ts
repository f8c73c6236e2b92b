import { and, eq } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { invalidateAgenda } from "../../core/agenda.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import type { DateChangeDecision } from "../contract.js";
import { recordAgreement } from "../policy.js";
import type { AgreementState } from "../profile.js";
import { meetingFor } from "../queries.js";
import { meetingDateChanges, meetings } from "../schema.js";

/** The answers under which a proposed change of dates holds. */
const APPLIES: readonly AgreementState[] = ["provisionally_agreed", "agreed"];

/**
 * Records the Partners' answer to a proposed change. Once (provisionally) agreed the meeting takes
 * the new dates; if the agreement falls away it goes back to the dates it had.
 */
export async function decideDateChange(
  tx: Tx,
  who: Acting,
  meetingId: number,
  changeId: number,
  input: DateChangeDecision,
): Promise<void> {
  const m = await meetingFor(tx, who, meetingId, { lock: true });
  if (!m) throw notFound("meeting");
  const [ch] = await tx
    .select()
    .from(meetingDateChanges)
    .where(and(eq(meetingDateChanges.id, changeId), eq(meetingDateChanges.meetingId, meetingId)));
  if (!ch) throw notFound("date change");
  authorize(who, recordAgreement);
  await tx
    .update(meetingDateChanges)
    .set({
      agreement: input.agreement,
      note: input.note === undefined ? ch.note : input.note,
      updatedAt: who.now,
    })
    .where(eq(meetingDateChanges.id, changeId));
  let dates: { firstDay: string; lastDay: string } | null = null;
  const atNew = m.firstDay === ch.toFirstDay && m.lastDay === ch.toLastDay;
  if (APPLIES.includes(input.agreement) && !atNew) dates = { firstDay: ch.toFirstDay, lastDay: ch.toLastDay };
  if (!APPLIES.includes(input.agreement) && input.agreement !== "requested" && atNew)
    dates = { firstDay: ch.fromFirstDay, lastDay: ch.fromLastDay };
  if (dates) {
    const { firstDay, lastDay } = dates;
    await tx
      .update(meetings)
      .set({
        firstDay,
        lastDay,
        daysWithoutSessions: m.daysWithoutSessions.filter((d) => d >= firstDay && d <= lastDay),
        revision: m.revision + 1,
        updatedAt: who.now,
      })
      .where(eq(meetings.id, meetingId));
  }
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "meeting.date_change.decide",
    targetKind: "meeting",
    targetId: meetingId,
    space: REGIME_SPACE,
    details: { change: changeId, agreement: input.agreement, applied: dates },
  });
}
