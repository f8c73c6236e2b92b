import { and, asc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import { inReaderSpaces } from "../core/access/sql.js";
import type { Ports } from "../core/capability.js";
import type { Queryable } from "../core/db/index.js";
import { governments } from "../directory/schema.js";
import { DOCUMENT_LABELS, kindLabel, type MeetingKind } from "./profile.js";
import { deadlineKey, dueOf, latenessOf, ruleApplies } from "./rules.js";
import {
  deadlineRules,
  deadlineSubmissions,
  deadlineWaivers,
  meetingDateChanges,
  meetings,
} from "./schema.js";
import { instantText } from "./zones.js";

export type MeetingRow = typeof meetings.$inferSelect;
export type RuleRow = typeof deadlineRules.$inferSelect;
export type DateChangeRow = typeof meetingDateChanges.$inferSelect;

/**
 * Who may see meetings: a reader outside the regime's space gets nothing, whatever the filter.
 * Every query here takes the reader; there is no unfiltered read for pages or the API.
 */
export async function visibleMeetings(
  db: Queryable,
  reader: Reader,
  opts: { from?: string; to?: string; ids?: number[] } = {},
): Promise<MeetingRow[]> {
  const where: (SQL | undefined)[] = [inReaderSpaces(reader, meetings.space)];
  // Overlap with [from, to]: the meeting ends on or after `from` and begins on or before `to`.
  if (opts.from) where.push(gte(meetings.lastDay, opts.from));
  if (opts.to) where.push(lte(meetings.firstDay, opts.to));
  if (opts.ids) where.push(inArray(meetings.id, opts.ids.length ? opts.ids : [-1]));
  return db
    .select()
    .from(meetings)
    .where(and(...where))
    .orderBy(asc(meetings.firstDay), asc(meetings.id));
}

export async function visibleMeeting(db: Queryable, reader: Reader, id: number): Promise<MeetingRow | null> {
  const [row] = await visibleMeetings(db, reader, { ids: [id] });
  return row ?? null;
}

export async function visibleRules(db: Queryable, reader: Reader): Promise<RuleRow[]> {
  return db
    .select()
    .from(deadlineRules)
    .where(inReaderSpaces(reader, deadlineRules.space))
    .orderBy(asc(deadlineRules.id));
}

export async function governmentNames(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.select({ code: governments.code, name: governments.name }).from(governments);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function dateChangesOf(db: Queryable, ids: number[]): Promise<DateChangeRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(meetingDateChanges)
    .where(inArray(meetingDateChanges.meetingId, ids))
    .orderBy(asc(meetingDateChanges.id));
}

export function presentMeeting(
  m: MeetingRow,
  names: Map<string, string>,
  byId: Map<number, MeetingRow>,
  changes: DateChangeRow[],
) {
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
    agenda: m.agenda,
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
export type MeetingView = ReturnType<typeof presentMeeting>;

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
  return rows.map((r) => presentMeeting(r, names, byId, changes));
}

export interface Deadline {
  key: string;
  rule: RuleRow;
  meeting: MeetingRow;
  dueAt: Date;
  dueDay: string;
}

/** Every (rule, meeting) pair that makes a deadline, due instants computed. */
export function computeDeadlines(rules: RuleRow[], rows: MeetingRow[]): Deadline[] {
  const out: Deadline[] = [];
  for (const m of rows)
    for (const r of rules) {
      if (!ruleApplies(r, m)) continue;
      const due = dueOf(r, m);
      out.push({ key: deadlineKey(r.id, m.id), rule: r, meeting: m, dueAt: due.dueAt, dueDay: due.dueDay });
    }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key));
}

export async function visibleDeadlines(
  db: Queryable,
  reader: Reader,
  opts: { meetingIds?: number[]; from?: Date; to?: Date } = {},
): Promise<Deadline[]> {
  const rules = await visibleRules(db, reader);
  if (rules.length === 0) return [];
  const anchors = await visibleMeetings(db, reader, opts.meetingIds ? { ids: opts.meetingIds } : {});
  return computeDeadlines(rules, anchors).filter(
    (d) =>
      (!opts.from || d.dueAt.getTime() >= opts.from.getTime()) &&
      (!opts.to || d.dueAt.getTime() < opts.to.getTime()),
  );
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
) {
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
export type DeadlineView = Awaited<ReturnType<typeof presentDeadlines>>[number];

export function presentRule(r: RuleRow) {
  return {
    id: r.id,
    code: r.code,
    documentKind: r.documentKind,
    anchorKind: r.anchorKind as MeetingKind,
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

export async function ruleById(db: Queryable, reader: Reader, id: number): Promise<RuleRow | null> {
  const [r] = await db
    .select()
    .from(deadlineRules)
    .where(and(inReaderSpaces(reader, deadlineRules.space), eq(deadlineRules.id, id)));
  return r ?? null;
}
