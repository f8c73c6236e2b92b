/**
 * Reads of meetings, rules and deadlines, with the reader's access in their `where`: a reader
 * outside the regime's space gets nothing, whatever the filter. There is no unfiltered read for
 * pages or the API; the system (the seed, a job) reads through the `…For(who)` functions.
 */
import { and, asc, eq, gte, inArray, isNull, lte, type SQL } from "drizzle-orm";
import { REGIME_SPACE, type Reader } from "../core/access/reader.js";
import { inReaderSpaces } from "../core/access/sql.js";
import type { Acting } from "../core/acting.js";
import type { Queryable } from "../core/db/index.js";
import { governments } from "../directory/index.js";
import type { DocumentKind } from "./profile.js";
import { deadlineKey, dueOf, ruleApplies } from "./rules.js";
import { agendaItems, deadlineRules, deadlineWaivers, meetingDateChanges, meetings } from "./schema.js";

export type MeetingRow = typeof meetings.$inferSelect;
export type RuleRow = typeof deadlineRules.$inferSelect;
export type DateChangeRow = typeof meetingDateChanges.$inferSelect;

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

/**
 * The regime's meetings for the operator's command line, which reads as the system does: every
 * meeting of the regime's space, held (in part) in `year` when given.
 */
export async function regimeMeetings(db: Queryable, opts: { year?: string } = {}): Promise<MeetingRow[]> {
  const where: SQL[] = [eq(meetings.space, REGIME_SPACE)];
  if (opts.year)
    where.push(gte(meetings.lastDay, `${opts.year}-01-01`), lte(meetings.firstDay, `${opts.year}-12-31`));
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

export async function ruleById(db: Queryable, reader: Reader, id: number): Promise<RuleRow | null> {
  const [r] = await db
    .select()
    .from(deadlineRules)
    .where(and(inReaderSpaces(reader, deadlineRules.space), eq(deadlineRules.id, id)));
  return r ?? null;
}

/**
 * The meeting, if the one acting may see it; the system sees every meeting. A writer that writes
 * the row back passes `lock`: the row is locked first, then read as last committed, so two
 * changes at once follow each other instead of one overwriting the other.
 */
export async function meetingFor(
  db: Queryable,
  who: Acting,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<MeetingRow | null> {
  if (opts.lock) await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id)).for("update");
  if (who.kind === "reader") return visibleMeeting(db, who.reader, id);
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row ?? null;
}

/** The rule, if the one acting may see it; the system sees every rule. */
export async function ruleFor(db: Queryable, who: Acting, id: number): Promise<RuleRow | null> {
  if (who.kind === "reader") return ruleById(db, who.reader, id);
  const [row] = await db.select().from(deadlineRules).where(eq(deadlineRules.id, id));
  return row ?? null;
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

export interface Deadline {
  key: string;
  rule: RuleRow;
  meeting: MeetingRow;
  dueAt: Date;
  dueDay: string;
}

/** Every (rule, meeting) pair that makes a deadline, due instants computed. Pure. */
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

/** The deadline a rule makes for a meeting, if both exist for the one acting and the rule applies. */
export async function deadlineOf(
  db: Queryable,
  who: Acting,
  meetingId: number,
  ruleId: number,
): Promise<Deadline | null> {
  const meeting = await meetingFor(db, who, meetingId);
  const rule = meeting ? await ruleFor(db, who, ruleId) : null;
  if (!meeting || !rule || !ruleApplies(rule, meeting)) return null;
  const due = dueOf(rule, meeting);
  return { key: deadlineKey(rule.id, meeting.id), rule, meeting, dueAt: due.dueAt, dueDay: due.dueDay };
}

/** The titles of the meetings the reader may see, by id (others are absent). */
export async function meetingTitles(
  db: Queryable,
  reader: Reader,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await visibleMeetings(db, reader, { ids: [...new Set(ids)] });
  return new Map(rows.map((m) => [m.id, m.title]));
}

/** A deadline a submission answers, for one government: when it is due, and whether it is waived. */
export interface DeadlineFor {
  ruleId: number;
  meetingId: number;
  dueAt: Date;
  waived: boolean;
}

/**
 * The deadline that a submission of `documentKind` for `meetingId` answers: a rule anchored on
 * that meeting or on the Plenary it is held in conjunction with ("IE papers 4 weeks before the
 * Plenary"), as the reader may see them. A waiver for the government is reported, not hidden.
 */
export async function deadlineFor(
  db: Queryable,
  reader: Reader,
  q: { documentKind: DocumentKind; meetingId: number; governmentCode: string },
): Promise<DeadlineFor | null> {
  const meeting = await visibleMeeting(db, reader, q.meetingId);
  if (!meeting) return null;
  const anchors = [meeting.id, ...(meeting.conjunctionWithId ? [meeting.conjunctionWithId] : [])];
  const [d] = (await visibleDeadlines(db, reader, { meetingIds: anchors })).filter(
    (x) => x.rule.documentKind === q.documentKind,
  );
  if (!d) return null;
  return {
    ruleId: d.rule.id,
    meetingId: d.meeting.id,
    dueAt: d.dueAt,
    waived: await isWaived(db, d.rule.id, d.meeting.id, q.governmentCode),
  };
}

/** Whether a deadline is waived for a government. */
export async function isWaived(
  db: Queryable,
  ruleId: number,
  meetingId: number,
  governmentCode: string,
): Promise<boolean> {
  const [waiver] = await db
    .select({ id: deadlineWaivers.id })
    .from(deadlineWaivers)
    .where(
      and(
        eq(deadlineWaivers.ruleId, ruleId),
        eq(deadlineWaivers.meetingId, meetingId),
        eq(deadlineWaivers.governmentCode, governmentCode),
      ),
    );
  return waiver !== undefined;
}

export type AgendaItemRow = typeof agendaItems.$inferSelect;

/**
 * The items on the agendas of the meetings the reader may see, in order (removed items left
 * out). Titles above the reader's clearance are withheld by the presenters, not here.
 */
export async function visibleAgendaItems(
  db: Queryable,
  reader: Reader,
  meetingIds: readonly number[],
): Promise<AgendaItemRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .select()
    .from(agendaItems)
    .where(
      and(
        inReaderSpaces(reader, agendaItems.space),
        inArray(agendaItems.meetingId, [...meetingIds]),
        isNull(agendaItems.removedAt),
      ),
    )
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position), asc(agendaItems.id));
}

/**
 * Agenda items by id, as what links to them resolves them: those of meetings the reader may see,
 * removed ones included (they say so by `removedAt`).
 */
export async function visibleAgendaItemsById(
  db: Queryable,
  reader: Reader,
  ids: readonly number[],
): Promise<AgendaItemRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(agendaItems)
    .where(and(inReaderSpaces(reader, agendaItems.space), inArray(agendaItems.id, [...ids])))
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position), asc(agendaItems.id));
}

/** The items on a meeting's agenda as the one acting may see them; the system sees all. */
export async function agendaItemsFor(
  db: Queryable,
  who: Acting,
  meetingId: number,
): Promise<AgendaItemRow[]> {
  if (who.kind === "reader") return visibleAgendaItems(db, who.reader, [meetingId]);
  return db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.removedAt)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
}
