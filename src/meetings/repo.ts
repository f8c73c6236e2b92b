import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import { withheldText } from "../core/access/redaction.js";
import { inReaderSpaces } from "../core/access/sql.js";
import type { Queryable } from "../core/db/index.js";
import { governments } from "../directory/schema.js";
import { paperLabel } from "../papers/rules.js";
import { papers } from "../papers/schema.js";
import { visiblePapers } from "../papers/visibility.js";
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
 * Deadlines as the reader sees them, with waivers and submissions. A submission that is a paper
 * is listed only to readers who may see the paper, under the paper's current title, withheld
 * above the reader's clearance.
 */
export async function presentDeadlines(db: Queryable, reader: Reader, deadlines: Deadline[], now: Date) {
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
  const submissions = ruleIds.length
    ? await db
        .select({
          s: deadlineSubmissions,
          paperNumber: papers.number,
          titleRank: papers.titleRank,
          paperTitle: sql<string | null>`(select pp.body from paper_portions pp
            where pp.paper_id = "papers"."id" and pp.part = 'title' limit 1)`,
        })
        .from(deadlineSubmissions)
        .leftJoin(papers, eq(papers.id, deadlineSubmissions.paperId))
        .where(
          and(
            inArray(deadlineSubmissions.ruleId, ruleIds),
            inArray(deadlineSubmissions.meetingId, meetingIds),
            or(isNull(deadlineSubmissions.paperId), visiblePapers(reader)),
          ),
        )
        .orderBy(asc(deadlineSubmissions.submittedAt), asc(deadlineSubmissions.id))
    : [];
  const titleOf = (row: (typeof submissions)[number]) => {
    if (row.s.paperId === null || row.paperNumber === null || row.titleRank === null) return row.s.title;
    const title =
      row.titleRank > reader.regimeClearance
        ? withheldText(levelAt(REGIME_LADDER, row.titleRank).code)
        : (row.paperTitle ?? "");
    return `${paperLabel(row.paperNumber)}: ${title}`;
  };
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
      .map((row) => {
        const { s } = row;
        const l = latenessOf(s.dueAt, s.submittedAt);
        return {
          government: gov(s.governmentCode),
          title: titleOf(row),
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
