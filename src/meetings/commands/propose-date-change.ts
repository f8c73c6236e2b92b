import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import { type Acting, readerOfActing } from "../../core/acting.js";
import { invalidateAgenda } from "../../core/agenda.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { invalidFields, notFound, one } from "../../core/errors.js";
import type { NewDateChange } from "../contract.js";
import { schedule } from "../policy.js";
import { PROFILE } from "../profile.js";
import { meetingFor } from "../queries.js";
import { checkMeetingDays } from "../rules.js";
import { meetingDateChanges } from "../schema.js";
import { localDay } from "../zones.js";

/**
 * Proposes new dates for a meeting, for the Partners' agreement; the meeting keeps its dates until
 * they agree (`decideDateChange`). Returns the proposal's id.
 */
export async function proposeDateChange(
  tx: Tx,
  who: Acting,
  meetingId: number,
  input: NewDateChange,
): Promise<number> {
  const m = await meetingFor(tx, who, meetingId);
  if (!m) throw notFound("meeting");
  authorize(who, schedule, m.kind);
  const problems = checkMeetingDays({
    firstDay: input.firstDay,
    lastDay: input.lastDay,
    daysWithoutSessions: [],
  });
  if (problems.length) throw invalidFields(problems);
  if (input.firstDay === m.firstDay && input.lastDay === m.lastDay)
    throw invalidFields([
      { field: "firstDay", message: "these are the meeting's dates already: give different dates" },
    ]);
  const row = one(
    await tx
      .insert(meetingDateChanges)
      .values({
        meetingId,
        fromFirstDay: m.firstDay,
        fromLastDay: m.lastDay,
        toFirstDay: input.firstDay,
        toLastDay: input.lastDay,
        proposedBy: input.proposedBy,
        proposedByUserId: readerOfActing(who)?.userId ?? null,
        proposedOn: localDay(who.now, PROFILE.pointOfContactTimeZone),
        agreement: "requested",
        note: input.note,
        createdAt: who.now,
        updatedAt: who.now,
      })
      .returning({ id: meetingDateChanges.id }),
  );
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "meeting.date_change.propose",
    targetKind: "meeting",
    targetId: meetingId,
    space: REGIME_SPACE,
    details: {
      change: row.id,
      firstDay: input.firstDay,
      lastDay: input.lastDay,
      proposedBy: input.proposedBy,
    },
  });
  return row.id;
}
