/**
 * Every change to meetings and deadlines: checked, written and audited in the caller's
 * transaction. `reader` is the person acting, or null for the system (the scenario's seed).
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { can } from "../core/access/policy.js";
import { REGIME_SPACE, type Reader } from "../core/access/reader.js";
import { invalidateAgenda } from "../core/agenda.js";
import { type AuditActor, appendAudit } from "../core/audit/append.js";
import type { Tx } from "../core/db/index.js";
import { AppError, conflict, forbidden, notFound } from "../core/errors.js";
import { governments } from "../directory/schema.js";
import type { MeetingChange, NewMeeting, NewRule } from "./contract.js";
import { type AgreementState, type MeetingKind, type MeetingStatus, PROFILE } from "./profile.js";
import { type MeetingRow, type RuleRow, ruleById, visibleMeeting } from "./repo.js";
import {
  checkConjunction,
  checkMeetingDays,
  checkRuleTerms,
  checkTransition,
  type Due,
  dueOf,
  type FieldProblem,
  ruleApplies,
} from "./rules.js";
import { deadlineRules, deadlineWaivers, meetingDateChanges, meetings } from "./schema.js";
import { canonicalTimeZone, localDay } from "./zones.js";

export type DeadlineRow = Due & { rule: RuleRow; meeting: MeetingRow };

export interface Acting {
  reader: Reader | null;
  actor: AuditActor;
  now: Date;
}

function fail(problems: FieldProblem[]): never {
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
  throw new AppError("validation.failed", 400, `Fix these fields: ${summary}`, { fields: problems });
}

/**
 * The meeting, if the acting reader may see it; the system sees every meeting. A writer that
 * writes the row back passes `lock`: the row is locked first, then read as last committed, so two
 * changes at once follow each other instead of one overwriting the other.
 */
async function meetingFor(
  tx: Tx,
  who: Acting,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<MeetingRow | null> {
  if (opts.lock) await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id)).for("update");
  if (who.reader) return visibleMeeting(tx, who.reader, id);
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, id));
  return row ?? null;
}

export function maySchedule(reader: Reader, kind: MeetingKind): boolean {
  return PROFILE.kinds[kind].experts
    ? can(reader, "meetings.schedule_experts")
    : can(reader, "meetings.schedule");
}

function requireSchedule(who: Acting, kind: MeetingKind): void {
  if (who.reader && !maySchedule(who.reader, kind)) {
    throw forbidden(
      PROFILE.kinds[kind].experts
        ? "Only the Point of Contact and the chairs schedule experts meetings."
        : `Only the Point of Contact schedules a ${PROFILE.kinds[kind].label}.`,
    );
  }
}

interface Shape {
  kind: MeetingKind;
  host: string;
  timeZone: string;
  firstDay: string;
  lastDay: string;
  daysWithoutSessions: string[];
  conjunctionWithId: number | null;
}

/** Checks a meeting as it would be; returns the canonical time zone. Throws naming every bad field. */
async function checkShape(tx: Tx, who: Acting, m: Shape, selfId: number | null): Promise<string> {
  const problems: FieldProblem[] = [];
  const [gov] = await tx.select().from(governments).where(eq(governments.code, m.host.toUpperCase()));
  if (!gov)
    problems.push({ field: "host", message: `no government has the code ${m.host}; see the directory` });
  const zone = canonicalTimeZone(m.timeZone);
  if (!zone)
    problems.push({
      field: "timeZone",
      message: `${m.timeZone} is not a time zone: give an IANA name such as Australia/Sydney, Europe/Paris or America/New_York`,
    });
  problems.push(...checkMeetingDays(m));
  if (m.conjunctionWithId !== null) {
    const other = m.conjunctionWithId === selfId ? null : await meetingFor(tx, who, m.conjunctionWithId);
    if (!other)
      problems.push({
        field: "conjunctionWithId",
        message: `no meeting ${m.conjunctionWithId} that you may see: give the id of a Plenary`,
      });
    else {
      const p = checkConjunction(m.kind, other.kind);
      if (p) problems.push(p);
    }
  }
  if (problems.length) fail(problems);
  return zone!;
}

function defaultTitle(kind: MeetingKind, city: string, firstDay: string): string {
  return `${firstDay.slice(0, 4)} ${city} ${PROFILE.kinds[kind].short}`;
}

export async function createMeeting(
  tx: Tx,
  who: Acting,
  input: NewMeeting,
  opts: { uid?: string } = {},
): Promise<MeetingRow> {
  requireSchedule(who, input.kind);
  const zone = await checkShape(tx, who, { ...input, host: input.host }, null);
  if (input.status === "held") {
    const p = checkTransition("confirmed", "held", input.firstDay, localDay(who.now, zone));
    if (p) fail([p]);
  }
  const [row] = await tx
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
      agenda: input.agenda,
      notes: input.notes,
      uid: opts.uid ?? `meeting-${randomUUID()}@plenary`,
      revision: 0,
      createdAt: who.now,
      updatedAt: who.now,
    })
    .returning();
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "meeting.create",
    targetKind: "meeting",
    targetId: row!.id,
    space: REGIME_SPACE,
    details: { kind: row!.kind, title: row!.title, firstDay: row!.firstDay, lastDay: row!.lastDay },
  });
  return row!;
}

export async function updateMeeting(
  tx: Tx,
  who: Acting,
  id: number,
  change: MeetingChange,
): Promise<MeetingRow> {
  const m = await meetingFor(tx, who, id, { lock: true });
  if (!m) throw notFound("meeting");
  requireSchedule(who, m.kind);
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
  const zone = await checkShape(tx, who, next, m.id);
  if (change.status && change.status !== m.status) {
    const p = checkTransition(m.status, change.status, next.firstDay, localDay(who.now, zone));
    if (p) fail([p]);
  }
  const changed = Object.keys(change).filter((k) => change[k as keyof MeetingChange] !== undefined);
  const [row] = await tx
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
      status: (change.status ?? m.status) as MeetingStatus,
      agenda: change.agenda ?? m.agenda,
      notes: change.notes === undefined ? m.notes : change.notes,
      revision: m.revision + 1,
      updatedAt: who.now,
    })
    .where(eq(meetings.id, id))
    .returning();
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "meeting.update",
    targetKind: "meeting",
    targetId: id,
    space: REGIME_SPACE,
    details: { changed, status: row!.status, firstDay: row!.firstDay, lastDay: row!.lastDay },
  });
  return row!;
}

export async function proposeDateChange(
  tx: Tx,
  who: Acting,
  meetingId: number,
  input: { firstDay: string; lastDay: string; proposedBy: string; note: string | null },
): Promise<number> {
  const m = await meetingFor(tx, who, meetingId);
  if (!m) throw notFound("meeting");
  requireSchedule(who, m.kind);
  const problems = checkMeetingDays({
    firstDay: input.firstDay,
    lastDay: input.lastDay,
    daysWithoutSessions: [],
  });
  if (problems.length) fail(problems);
  if (input.firstDay === m.firstDay && input.lastDay === m.lastDay)
    fail([{ field: "firstDay", message: "these are the meeting's dates already: give different dates" }]);
  const [row] = await tx
    .insert(meetingDateChanges)
    .values({
      meetingId,
      fromFirstDay: m.firstDay,
      fromLastDay: m.lastDay,
      toFirstDay: input.firstDay,
      toLastDay: input.lastDay,
      proposedBy: input.proposedBy,
      proposedByUserId: who.reader?.userId ?? null,
      proposedOn: localDay(who.now, PROFILE.pointOfContactTimeZone),
      agreement: "requested",
      note: input.note,
      createdAt: who.now,
      updatedAt: who.now,
    })
    .returning({ id: meetingDateChanges.id });
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "meeting.date_change.propose",
    targetKind: "meeting",
    targetId: meetingId,
    space: REGIME_SPACE,
    details: {
      change: row!.id,
      firstDay: input.firstDay,
      lastDay: input.lastDay,
      proposedBy: input.proposedBy,
    },
  });
  return row!.id;
}

const APPLIES: AgreementState[] = ["provisionally_agreed", "agreed"];

/**
 * Records the Partners' answer to a proposed change. Once (provisionally) agreed the meeting takes
 * the new dates; if the agreement falls away it goes back to the dates it had.
 */
export async function decideDateChange(
  tx: Tx,
  who: Acting,
  meetingId: number,
  changeId: number,
  input: { agreement: AgreementState; note?: string | null },
): Promise<void> {
  const m = await meetingFor(tx, who, meetingId, { lock: true });
  if (!m) throw notFound("meeting");
  const [ch] = await tx
    .select()
    .from(meetingDateChanges)
    .where(and(eq(meetingDateChanges.id, changeId), eq(meetingDateChanges.meetingId, meetingId)));
  if (!ch) throw notFound("date change");
  if (who.reader && !can(who.reader, "meetings.schedule"))
    throw forbidden("Only the Point of Contact records the Partners' agreement.");
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
    await tx
      .update(meetings)
      .set({
        ...dates,
        daysWithoutSessions: m.daysWithoutSessions.filter((d) => d >= dates.firstDay && d <= dates.lastDay),
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

export async function createRule(tx: Tx, who: Acting, input: NewRule): Promise<RuleRow> {
  if (who.reader && !can(who.reader, "deadlines.rules.manage"))
    throw forbidden("Only the Point of Contact makes deadline rules.");
  let anchorKind = input.anchorKind ?? null;
  if (input.anchorMeetingId !== null) {
    const anchor = await meetingFor(tx, who, input.anchorMeetingId);
    if (!anchor)
      fail([
        {
          field: "anchorMeetingId",
          message: `no meeting ${input.anchorMeetingId} that you may see: give the id of a meeting from GET /meetings`,
        },
      ]);
    if (anchorKind && anchorKind !== anchor.kind)
      fail([
        {
          field: "anchorKind",
          message: `meeting ${anchor.id} is a ${PROFILE.kinds[anchor.kind].label}, not a ${PROFILE.kinds[anchorKind].label}`,
        },
      ]);
    anchorKind = anchor.kind;
  }
  if (!anchorKind)
    fail([
      { field: "anchorKind", message: "give the kind of meeting the rule hangs on, or anchorMeetingId" },
    ]);
  const terms = {
    anchorKind,
    anchorMeetingId: input.anchorMeetingId,
    anchorDay: input.anchorDay,
    offsetAmount: input.offset?.amount ?? null,
    offsetUnit: input.offset?.unit ?? null,
    fixedDay: input.fixedDay,
  };
  const problems = checkRuleTerms(terms);
  if (problems.length) fail(problems);
  const [dup] = await tx.select().from(deadlineRules).where(eq(deadlineRules.code, input.code));
  if (dup)
    throw conflict(
      "deadline_rule.exists",
      `A deadline rule coded ${input.code} exists: choose another code.`,
    );
  const [row] = await tx
    .insert(deadlineRules)
    .values({
      space: REGIME_SPACE,
      code: input.code,
      documentKind: input.documentKind,
      ...terms,
      firm: input.firm,
      wording: input.wording,
      createdAt: who.now,
    })
    .returning();
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "deadline_rule.create",
    targetKind: "deadline_rule",
    targetId: row!.id,
    space: REGIME_SPACE,
    details: { code: row!.code, anchorKind, anchorMeetingId: row!.anchorMeetingId },
  });
  return row!;
}

/** The deadline a rule makes for a meeting, if both exist for the actor; 404 otherwise. */
export async function deadlineFor(
  tx: Tx,
  who: Acting,
  meetingId: number,
  ruleId: number,
): Promise<DeadlineRow> {
  const m = await meetingFor(tx, who, meetingId);
  if (!m) throw notFound("deadline");
  const rule = who.reader
    ? await ruleById(tx, who.reader, ruleId)
    : ((await tx.select().from(deadlineRules).where(eq(deadlineRules.id, ruleId)))[0] ?? null);
  if (!rule || !ruleApplies(rule, m)) throw notFound("deadline");
  return { rule, meeting: m, ...dueOf(rule, m) };
}

export async function waiveDeadline(
  tx: Tx,
  who: Acting,
  meetingId: number,
  ruleId: number,
  input: { government: string; reason: string },
): Promise<void> {
  const d = await deadlineFor(tx, who, meetingId, ruleId);
  if (who.reader && !can(who.reader, "deadlines.waive"))
    throw forbidden("Only the Point of Contact waives a deadline.");
  const code = input.government.toUpperCase();
  const [gov] = await tx.select().from(governments).where(eq(governments.code, code));
  if (gov?.status !== "partner")
    fail([{ field: "government", message: `${code} is not a Partner: a deadline is waived for a Partner` }]);
  const [dup] = await tx
    .select()
    .from(deadlineWaivers)
    .where(
      and(
        eq(deadlineWaivers.ruleId, ruleId),
        eq(deadlineWaivers.meetingId, meetingId),
        eq(deadlineWaivers.governmentCode, code),
      ),
    );
  if (dup) throw conflict("deadline.already_waived", `This deadline is already waived for ${gov.name}.`);
  await tx.insert(deadlineWaivers).values({
    ruleId,
    meetingId,
    governmentCode: code,
    reason: input.reason,
    waivedBy: who.reader?.userId ?? null,
    waivedAt: who.now,
  });
  invalidateAgenda();
  await appendAudit(tx, who.now, who.actor, {
    action: "deadline.waive",
    targetKind: "deadline",
    targetId: `${ruleId}-${meetingId}`,
    space: REGIME_SPACE,
    details: { government: code, reason: input.reason, dueAt: d.dueAt.toISOString() },
  });
}
