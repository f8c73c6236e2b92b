import { eq } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { invalidateAgenda } from "../../core/agenda.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { invalidFields, notFound, one } from "../../core/errors.js";
import type { MeetingChange } from "../contract.js";
import { schedule } from "../policy.js";
import { type MeetingRow, meetingFor } from "../queries.js";
import { checkTransition } from "../rules.js";
import { meetings } from "../schema.js";
import { localDay } from "../zones.js";
import { checkMeeting } from "./check-meeting.js";
import { setAgenda } from "./set-agenda.js";

/**
 * Changes a meeting: what the change names, checked as the whole meeting would be after it. The
 * revision goes up, so calendars replace the event.
 */
export async function changeMeeting(
  tx: Tx,
  who: Acting,
  id: number,
  change: MeetingChange,
): Promise<MeetingRow> {
  const m = await meetingFor(tx, who, id, { lock: true });
  if (!m) throw notFound("meeting");
  authorize(who, schedule, m.kind);
  const next = {
    kind: m.kind,
    host: change.host ?? m.hostCode,
    timeZone: change.timeZone ?? m.timeZone,
    firstDay: change.firstDay ?? m.firstDay,
    lastDay: change.lastDay ?? m.lastDay,
    daysWithoutSessions: change.daysWithoutSessions ?? m.daysWithoutSessions,
    conjunctionWithId:
      change.conjunctionWithId === undefined ? m.conjunctionWithId : change.conjunctionWithId,
  };
  const zone = await checkMeeting(tx, who, next, m.id);
  if (change.status && change.status !== m.status) {
    const p = checkTransition(m.status, change.status, next.firstDay, localDay(who.now, zone));
    if (p) throw invalidFields([p]);
  }
  const changed = Object.keys(change).filter((k) => change[k as keyof MeetingChange] !== undefined);
  const row = one(
    await tx
      .update(meetings)
      .set({
        title: change.title ?? m.title,
        hostCode: next.host.toUpperCase(),
        city: change.city ?? m.city,
        timeZone: zone,
        firstDay: next.firstDay,
        lastDay: next.lastDay,
        daysWithoutSessions: [...new Set(next.daysWithoutSessions)].sort(),
        conjunctionWithId: next.conjunctionWithId,
        chair: change.chair === undefined ? m.chair : change.chair,
        status: change.status ?? m.status,
        notes: change.notes === undefined ? m.notes : change.notes,
        revision: m.revision + 1,
        updatedAt: who.now,
      })
      .where(eq(meetings.id, id))
      .returning(),
  );
  const agenda = change.agenda ? await setAgenda(tx, who, row, change.agenda) : null;
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "meeting.update",
    targetKind: "meeting",
    targetId: id,
    space: REGIME_SPACE,
    details: {
      changed,
      status: row.status,
      firstDay: row.firstDay,
      lastDay: row.lastDay,
      ...(agenda ? { agenda } : {}),
    },
  });
  return row;
}
