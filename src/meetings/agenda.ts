/** The home page's "next meetings and deadlines": what the reader may see, from the clock on. */
import type { AgendaSource } from "../core/capability.js";
import { DOCUMENT_LABELS } from "./profile.js";
import { visibleDeadlines, visibleMeetings } from "./queries.js";
import { instantText, localDay, rangeText } from "./zones.js";

const HORIZON_DAYS = 200;
const MAX_ITEMS = 12;

export const meetingsAgenda: AgendaSource = async (deps, reader, now) => {
  const today = now.toISOString().slice(0, 10);
  const until = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
  const rows = (
    await visibleMeetings(deps.db, reader, { from: today, to: until.toISOString().slice(0, 10) })
  ).filter((m) => m.status !== "cancelled");
  const deadlines = await visibleDeadlines(deps.db, reader, { from: now, to: until });
  return [
    ...rows.map((m) => ({
      kind: "meeting" as const,
      title: m.title,
      when: m.firstDay,
      day: m.firstDay,
      href: `/meetings/${m.id}`,
      note: `${rangeText(m.firstDay, m.lastDay)}, ${m.city}`,
    })),
    ...deadlines.map((d) => ({
      kind: "deadline" as const,
      title: `${DOCUMENT_LABELS[d.rule.documentKind]} for the ${d.meeting.title}`,
      when: d.dueAt.toISOString(),
      day: localDay(d.dueAt, d.meeting.timeZone),
      href: `/meetings/${d.meeting.id}#deadlines`,
      note: `due ${instantText(d.dueAt, d.meeting.timeZone)} ${d.meeting.city} time${d.rule.firm ? "" : "; advisory"}`,
    })),
  ]
    .sort((a, b) => a.when.localeCompare(b.when))
    .slice(0, MAX_ITEMS);
};
