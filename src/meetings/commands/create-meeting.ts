import { randomUUID } from "node:crypto";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { invalidateAgenda } from "../../core/agenda.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { invalidFields, one } from "../../core/errors.js";
import type { NewMeeting } from "../contract.js";
import { schedule } from "../policy.js";
import { type MeetingKind, PROFILE } from "../profile.js";
import type { MeetingRow } from "../queries.js";
import { checkTransition } from "../rules.js";
import { meetings } from "../schema.js";
import { localDay } from "../zones.js";
import { checkMeeting } from "./check-meeting.js";
import { setAgenda } from "./set-agenda.js";

/** "2008 Canberra Plenary": the title a meeting gets when none is given. */
export function defaultTitle(kind: MeetingKind, city: string, firstDay: string): string {
  return `${firstDay.slice(0, 4)} ${city} ${PROFILE.kinds[kind].short}`;
}

/**
 * Schedules a meeting. Only a meeting that has begun may be recorded as held. `uid` is for the
 * scenario, whose meetings keep the UIDs calendars know them by.
 */
export async function createMeeting(
  tx: Tx,
  who: Acting,
  input: NewMeeting,
  opts: { uid?: string } = {},
): Promise<MeetingRow> {
  authorize(who, schedule, input.kind);
  const zone = await checkMeeting(tx, who, input, null);
  if (input.status === "held") {
    const p = checkTransition("confirmed", "held", input.firstDay, localDay(who.now, zone));
    if (p) throw invalidFields([p]);
  }
  const row = one(
    await tx
      .insert(meetings)
      .values({
        space: REGIME_SPACE,
        kind: input.kind,
        title: input.title ?? defaultTitle(input.kind, input.city, input.firstDay),
        hostCode: input.host.toUpperCase(),
        city: input.city,
        timeZone: zone,
        firstDay: input.firstDay,
        lastDay: input.lastDay,
        daysWithoutSessions: [...new Set(input.daysWithoutSessions)].sort(),
        conjunctionWithId: input.conjunctionWithId,
        chair: input.chair,
        status: input.status,
        notes: input.notes,
        uid: opts.uid ?? `meeting-${randomUUID()}@plenary`,
        revision: 0,
        createdAt: who.now,
        updatedAt: who.now,
      })
      .returning(),
  );
  const agenda = await setAgenda(tx, who, row, input.agenda);
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "meeting.create",
    targetKind: "meeting",
    targetId: row.id,
    space: REGIME_SPACE,
    details: {
      kind: row.kind,
      title: row.title,
      firstDay: row.firstDay,
      lastDay: row.lastDay,
      agendaItems: agenda.added,
    },
  });
  return row;
}
