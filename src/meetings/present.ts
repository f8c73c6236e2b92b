/**
 * Rows → the shapes the API returns and the pages show (`contract.ts` declares them). Presenting
 * reads what a shape names (governments' names, linked meetings, waivers) but never writes.
 */
import { and, asc, inArray } from "drizzle-orm";
import { REGIME_LADDER } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import { redactPortion } from "../core/access/redaction.js";
import type { Ports } from "../core/capability.js";
import type { Queryable } from "../core/db/index.js";
import { notFound } from "../core/errors.js";
import type { AgendaItemView, DeadlineView, MeetingView, RuleView } from "./contract.js";
import { DOCUMENT_LABELS, kindLabel } from "./profile.js";
import {
  type AgendaItemRow,
  type DateChangeRow,
  type Deadline,
  dateChangesOf,
  governmentNames,
  type MeetingRow,
  type RuleRow,
  visibleAgendaItems,
  visibleDeadlines,
  visibleMeeting,
  visibleMeetings,
} from "./queries.js";
import { latenessOf } from "./rules.js";
import { deadlineSubmissions, deadlineWaivers } from "./schema.js";
import { instantText } from "./zones.js";

/** An agenda item as the reader may see it: its title withheld when marked above their clearance. */
export function presentAgendaItem(reader: Reader, i: AgendaItemRow): AgendaItemView {
  const r = redactPortion(REGIME_LADDER, reader.regimeClearance, { marking: i.rank, content: i.title });
  return { id: i.id, position: i.position, marking: r.marking, withheld: r.withheld, title: r.content };
}

export function presentMeeting(
  m: MeetingRow,
  names: Map<string, string>,
  byId: Map<number, MeetingRow>,
  changes: DateChangeRow[],
  agenda: readonly AgendaItemView[] = [],
): MeetingView {
  const conj = m.conjunctionWithId ? byId.get(m.conjunctionWithId) : undefined;
  return {
    id: m.id,
    kind: m.kind,
    kindLabel: kindLabel(m.kind, m.conjunctionWithId !== null),
    title: m.title,
    host: { code: m.hostCode, name: names.get(m.hostCode) ?? m.hostCode },
    city: m.city,
    timeZone: m.timeZone,
    firstDay: m.firstDay,
    lastDay: m.lastDay,
    daysWithoutSessions: [...m.daysWithoutSessions].sort(),
    conjunctionWith: conj ? { id: conj.id, title: conj.title } : null,
    chair: m.chair,
    status: m.status,
    agenda: [...agenda],
    notes: m.notes,
    uid: m.uid,
    revision: m.revision,
    dateChanges: changes
      .filter((c) => c.meetingId === m.id)
      .map((c) => ({
        id: c.id,
        from: { firstDay: c.fromFirstDay, lastDay: c.fromLastDay },
        to: { firstDay: c.toFirstDay, lastDay: c.toLastDay },
        proposedBy: c.proposedBy,
        proposedOn: c.proposedOn,
        agreement: c.agreement,
        note: c.note,
      })),
  };
}

/** Meetings as the API and pages show them, with the meetings they are held in conjunction with. */
export async function presentMeetings(
  db: Queryable,
  reader: Reader,
  rows: MeetingRow[],
): Promise<MeetingView[]> {
  const names = await governmentNames(db);
  const wanted = [...new Set(rows.map((r) => r.conjunctionWithId).filter((x): x is number => x !== null))];
  const linked = wanted.length ? await visibleMeetings(db, reader, { ids: wanted }) : [];
  const byId = new Map([...rows, ...linked].map((r) => [r.id, r]));
  const changes = await dateChangesOf(
    db,
    rows.map((r) => r.id),
  );
  const items = await visibleAgendaItems(
    db,
    reader,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentMeeting(
      r,
      names,
      byId,
      changes,
      items.filter((i) => i.meetingId === r.id).map((i) => presentAgendaItem(reader, i)),
    ),
  );
}

/** One meeting as the reader sees it; 404 when they may not. */
export async function shownMeeting(db: Queryable, reader: Reader, id: number): Promise<MeetingView> {
  const row = await visibleMeeting(db, reader, id);
  if (!row) throw notFound("meeting");
  const [view] = await presentMeetings(db, reader, [row]);
  if (!view) throw notFound("meeting");
  return view;
}

/**
 * Deadlines as the reader sees them, with waivers and submissions. A submission that another
 * capability's record stands for (a paper) is listed only to readers that capability answers for,
 * under the title it gives them (the `submissionTitles` port); with no such capability, none is.
 */
export async function presentDeadlines(
  db: Queryable,
  reader: Reader,
  deadlines: Deadline[],
  now: Date,
  ports: Ports,
): Promise<DeadlineView[]> {
  const names = await governmentNames(db);
  const ruleIds = [...new Set(deadlines.map((d) => d.rule.id))];
  const meetingIds = [...new Set(deadlines.map((d) => d.meeting.id))];
  const waivers = ruleIds.length
    ? await db
        .select()
        .from(deadlineWaivers)
        .where(and(inArray(deadlineWaivers.ruleId, ruleIds), inArray(deadlineWaivers.meetingId, meetingIds)))
        .orderBy(asc(deadlineWaivers.governmentCode))
    : [];
  const rows = ruleIds.length
    ? await db
        .select()
        .from(deadlineSubmissions)
        .where(
          and(
            inArray(deadlineSubmissions.ruleId, ruleIds),
            inArray(deadlineSubmissions.meetingId, meetingIds),
          ),
        )
        .orderBy(asc(deadlineSubmissions.submittedAt), asc(deadlineSubmissions.id))
    : [];
  const titles = new Map<number, string>();
  for (const source of new Set(rows.flatMap((r) => (r.source ? [r.source] : [])))) {
    const answer = ports.submissionTitles?.[source];
    if (!answer) continue;
    const ids = rows.filter((r) => r.source === source).map((r) => r.id);
    for (const [id, title] of await answer(db, reader, ids)) titles.set(id, title);
  }
  const submissions = rows.flatMap((s) => {
    if (s.source === null) return [{ s, title: s.title }];
    const title = titles.get(s.id);
    return title === undefined ? [] : [{ s, title }];
  });
  const gov = (code: string) => ({ code, name: names.get(code) ?? code });
  return deadlines.map((d) => ({
    key: d.key,
    rule: { id: d.rule.id, code: d.rule.code },
    meeting: { id: d.meeting.id, title: d.meeting.title },
    documentKind: d.rule.documentKind,
    what: DOCUMENT_LABELS[d.rule.documentKind],
    dueAt: d.dueAt.toISOString(),
    dueLocal: `${instantText(d.dueAt, d.meeting.timeZone)} ${d.meeting.city} time`,
    timeZone: d.meeting.timeZone,
    firm: d.rule.firm,
    wording: d.rule.wording,
    passed: now.getTime() >= d.dueAt.getTime(),
    waivers: waivers
      .filter((w) => w.ruleId === d.rule.id && w.meetingId === d.meeting.id)
      .map((w) => ({ government: gov(w.governmentCode), reason: w.reason })),
    submissions: submissions
      .filter(({ s }) => s.ruleId === d.rule.id && s.meetingId === d.meeting.id)
      .map(({ s, title }) => {
        const l = latenessOf(s.dueAt, s.submittedAt);
        return {
          government: gov(s.governmentCode),
          title,
          submittedAt: s.submittedAt.toISOString(),
          late: l.late,
          lateBy: l.text,
          lateSeconds: s.lateSeconds,
        };
      }),
  }));
}

/** The deadlines of one meeting the reader may see, presented; 404 when they may not see the meeting. */
export async function shownDeadlines(
  db: Queryable,
  reader: Reader,
  meetingId: number,
  now: Date,
  ports: Ports,
): Promise<DeadlineView[]> {
  if (!(await visibleMeeting(db, reader, meetingId))) throw notFound("meeting");
  return presentDeadlines(
    db,
    reader,
    await visibleDeadlines(db, reader, { meetingIds: [meetingId] }),
    now,
    ports,
  );
}

/** One deadline the reader may see, presented; 404 when they may not. */
export async function shownDeadline(
  db: Queryable,
  reader: Reader,
  meetingId: number,
  ruleId: number,
  now: Date,
  ports: Ports,
): Promise<DeadlineView> {
  const list = (await visibleDeadlines(db, reader, { meetingIds: [meetingId] })).filter(
    (d) => d.rule.id === ruleId,
  );
  const [view] = await presentDeadlines(db, reader, list, now, ports);
  if (!view) throw notFound("deadline");
  return view;
}

export function presentRule(r: RuleRow): RuleView {
  return {
    id: r.id,
    code: r.code,
    documentKind: r.documentKind,
    anchorKind: r.anchorKind,
    anchorMeetingId: r.anchorMeetingId,
    anchorDay: r.anchorDay,
    offset:
      r.offsetAmount !== null && r.offsetUnit !== null
        ? { amount: r.offsetAmount, unit: r.offsetUnit }
        : null,
    fixedDay: r.fixedDay,
    firm: r.firm,
    wording: r.wording,
  };
}
