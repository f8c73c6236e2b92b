/**
 * iCalendar output. Meetings are all-day events on the host's calendar days (DATE values carry no
 * time zone, as the days are the host's); deadlines are instants written in UTC. UIDs are stable
 * and SEQUENCE follows the meeting's revision, so a calendar replaces an event when it changes;
 * a cancelled meeting and its deadlines are sent with STATUS:CANCELLED.
 */
import { createEvents, type DateArray, type EventAttributes } from "ics";
import { AppError } from "../core/errors.js";
import { DOCUMENT_LABELS, kindLabel, STATUS_LABELS } from "./profile.js";
import type { Deadline, MeetingRow } from "./queries.js";
import { addDays, instantText, rangeText } from "./zones.js";

function dayArray(day: string): DateArray {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

const STATUS = {
  proposed: "TENTATIVE",
  provisionally_agreed: "TENTATIVE",
  confirmed: "CONFIRMED",
  held: "CONFIRMED",
  cancelled: "CANCELLED",
} as const;

export function meetingEvent(m: MeetingRow, hostName: string, baseUrl: string, now: Date): EventAttributes {
  const lines = [
    `${kindLabel(m.kind, m.conjunctionWithId !== null)}, ${rangeText(m.firstDay, m.lastDay)}, hosted by ${hostName}.`,
    `Status: ${STATUS_LABELS[m.status]}.`,
  ];
  if (m.daysWithoutSessions.length) lines.push(`No formal sessions on ${m.daysWithoutSessions.join(", ")}.`);
  if (m.chair) lines.push(`Chair: ${m.chair}.`);
  const event = {
    uid: m.uid,
    sequence: m.revision,
    title: m.status === "cancelled" ? `Cancelled: ${m.title}` : m.title,
    description: lines.join("\n"),
    location: `${m.city}, ${hostName}`,
    start: dayArray(m.firstDay),
    end: dayArray(addDays(m.lastDay, 1)),
    status: STATUS[m.status],
    categories: ["Meeting"],
    url: `${baseUrl}/meetings/${m.id}`,
    timestamp: now.getTime(),
  };
  return event as EventAttributes;
}

export function deadlineEvent(d: Deadline, baseUrl: string, now: Date): EventAttributes {
  const start = d.dueAt.getTime();
  const event = {
    uid: `deadline-${d.rule.id}-${d.meeting.id}@plenary`,
    sequence: d.meeting.revision,
    title: `${d.meeting.status === "cancelled" ? "Cancelled: " : ""}Due: ${d.rule.wording.length < 60 ? d.rule.wording : DOCUMENT_LABELS[d.rule.documentKind]} (${d.meeting.title})`,
    description: `${d.rule.wording}\nDue ${instantText(d.dueAt, d.meeting.timeZone)}, ${d.meeting.city} time (${d.rule.firm ? "firm" : "advisory"}).`,
    start,
    startInputType: "utc",
    startOutputType: "utc",
    end: start,
    endInputType: "utc",
    endOutputType: "utc",
    status: d.meeting.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    transp: "TRANSPARENT",
    categories: ["Deadline"],
    url: `${baseUrl}/meetings/${d.meeting.id}#deadlines`,
    timestamp: now.getTime(),
  };
  return event as EventAttributes;
}

export function calendarText(events: EventAttributes[], name: string): string {
  const { error, value } = createEvents(events, {
    productId: "-//Plenary//Meetings//EN",
    method: "PUBLISH",
    calName: name,
  });
  if (error || !value)
    throw new AppError("calendar.failed", 500, `The calendar could not be written: ${error?.message}`);
  return value;
}
