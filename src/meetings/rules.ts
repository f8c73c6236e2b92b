/**
 * The meeting and deadline rules as plain functions: validation of dates, status transitions,
 * due instants and lateness. No I/O; the routes call these inside their transactions.
 */
import { type MeetingKind, type MeetingStatus, PROFILE, STATUS_LABELS } from "./profile.js";
import { addDays, isDay, startOfDay } from "./zones.js";

export interface FieldProblem {
  field: string;
  message: string;
}

export interface MeetingDays {
  firstDay: string;
  lastDay: string;
  daysWithoutSessions: readonly string[];
}

export function checkMeetingDays(m: MeetingDays): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!isDay(m.firstDay)) out.push({ field: "firstDay", message: "a date as YYYY-MM-DD" });
  if (!isDay(m.lastDay)) out.push({ field: "lastDay", message: "a date as YYYY-MM-DD" });
  if (out.length) return out;
  if (m.lastDay < m.firstDay) {
    out.push({
      field: "lastDay",
      message: `${m.lastDay} is before the first day ${m.firstDay}: give a last day on or after the first`,
    });
    return out;
  }
  m.daysWithoutSessions.forEach((d, i) => {
    if (!isDay(d)) out.push({ field: `daysWithoutSessions.${i}`, message: "a date as YYYY-MM-DD" });
    else if (d < m.firstDay || d > m.lastDay)
      out.push({
        field: `daysWithoutSessions.${i}`,
        message: `${d} is outside the meeting (${m.firstDay} to ${m.lastDay}): give a day within it`,
      });
  });
  return out;
}

/** Only experts meetings are held in conjunction with a meeting, and only with a Plenary. */
export function checkConjunction(kind: MeetingKind, withKind: MeetingKind | null): FieldProblem | null {
  if (withKind === null) return null;
  if (withKind !== "plenary")
    return {
      field: "conjunctionWithId",
      message: `meetings are held in conjunction with a Plenary, and that meeting is a ${PROFILE.kinds[withKind].label}`,
    };
  if (!PROFILE.kinds[kind].experts)
    return {
      field: "conjunctionWithId",
      message: `a ${PROFILE.kinds[kind].label} is not held in conjunction with a Plenary; only experts meetings (TEM, IE, LEEM, working groups) are`,
    };
  return null;
}

const TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  proposed: ["provisionally_agreed", "confirmed", "cancelled"],
  provisionally_agreed: ["proposed", "confirmed", "cancelled"],
  confirmed: ["provisionally_agreed", "held", "cancelled"],
  held: [],
  cancelled: ["proposed"],
};

export function allowedNext(from: MeetingStatus): readonly MeetingStatus[] {
  return TRANSITIONS[from];
}

/**
 * Whether a meeting may move from one status to another on `today` (in the host's time zone).
 * A meeting is marked held only once it has begun.
 */
export function checkTransition(
  from: MeetingStatus,
  to: MeetingStatus,
  firstDay: string,
  today: string,
): FieldProblem | null {
  if (from === to) return null;
  const next = TRANSITIONS[from];
  if (!next.includes(to)) {
    return {
      field: "status",
      message: `a ${STATUS_LABELS[from]} meeting cannot become ${STATUS_LABELS[to]}; ${
        next.length ? `it can become ${next.map((s) => STATUS_LABELS[s]).join(", ")}` : "its status is final"
      }`,
    };
  }
  if (to === "held" && today < firstDay)
    return { field: "status", message: `the meeting begins on ${firstDay}: it cannot be held before then` };
  return null;
}

export interface RuleTerms {
  anchorKind: MeetingKind;
  anchorMeetingId: number | null;
  anchorDay: "first" | "last";
  offsetAmount: number | null;
  offsetUnit: "weeks" | "days" | null;
  fixedDay: string | null;
}

export interface AnchorMeeting {
  id: number;
  kind: MeetingKind;
  firstDay: string;
  lastDay: string;
  timeZone: string;
  status: MeetingStatus;
}

export function ruleApplies(rule: RuleTerms, meeting: AnchorMeeting): boolean {
  if (meeting.status === "cancelled") return false;
  return rule.anchorMeetingId !== null
    ? rule.anchorMeetingId === meeting.id
    : rule.anchorKind === meeting.kind;
}

export interface Due {
  /** The last moment a submission is on time: the start of a day in the anchor meeting's time zone. */
  dueAt: Date;
  /** The day that instant begins, in the anchor meeting's time zone. */
  dueDay: string;
  timeZone: string;
}

/**
 * "At least 4 weeks before the Plenary" is due at 00:00 on the day 28 days before the Plenary's
 * first day, Canberra time; "by 30 June" is due as 1 July begins in the anchor meeting's zone.
 */
export function dueOf(rule: RuleTerms, meeting: AnchorMeeting): Due {
  let dueDay: string;
  if (rule.fixedDay) dueDay = addDays(rule.fixedDay, 1);
  else {
    const anchor = rule.anchorDay === "first" ? meeting.firstDay : meeting.lastDay;
    const days = (rule.offsetAmount ?? 0) * (rule.offsetUnit === "weeks" ? 7 : 1);
    dueDay = addDays(anchor, -days);
  }
  return { dueAt: startOfDay(dueDay, meeting.timeZone), dueDay, timeZone: meeting.timeZone };
}

export function checkRuleTerms(rule: RuleTerms): FieldProblem[] {
  const out: FieldProblem[] = [];
  const hasOffset = rule.offsetAmount !== null || rule.offsetUnit !== null;
  if (hasOffset && rule.fixedDay !== null)
    out.push({ field: "fixedDay", message: "give either an offset or a fixed day, not both" });
  if (!hasOffset && rule.fixedDay === null)
    out.push({ field: "offset", message: "give an offset (weeks or days before) or a fixed day" });
  if (hasOffset && (rule.offsetAmount === null || rule.offsetUnit === null))
    out.push({ field: "offset", message: "give both the amount and the unit (weeks or days)" });
  if (rule.fixedDay !== null && !isDay(rule.fixedDay))
    out.push({ field: "fixedDay", message: "a date as YYYY-MM-DD" });
  if (rule.fixedDay !== null && rule.anchorMeetingId === null)
    out.push({
      field: "anchorMeetingId",
      message: "a rule with a fixed day belongs to one meeting: give its id",
    });
  return out;
}

export interface Lateness {
  late: boolean;
  seconds: number;
  text: string;
}

export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  const parts: string[] = [];
  if (days) parts.push(plural(days, "day"));
  if (hours) parts.push(plural(hours, "hour"));
  if (!days && minutes) parts.push(plural(minutes, "minute"));
  return parts.join(" ") || "less than a minute";
}

/** A submission is never refused for being late: it is marked late by how much. */
/** The one lateness of anything submitted against a deadline: whole seconds after the due instant. */
export function latenessOf(dueAt: Date, submittedAt: Date): Lateness {
  const seconds = Math.max(0, Math.floor((submittedAt.getTime() - dueAt.getTime()) / 1000));
  return { late: seconds > 0, seconds, text: lateText(seconds) };
}

/** "2 days 3 hours late", or "on time": the words every page and answer uses for a lateness. */
export function lateText(seconds: number): string {
  return seconds > 0 ? `${durationText(seconds)} late` : "on time";
}

export function deadlineKey(ruleId: number, meetingId: number): string {
  return `${ruleId}-${meetingId}`;
}

export interface DueTerms {
  offset: { amount: number; unit: "weeks" | "days" } | null;
  fixedDay: string | null;
}

/**
 * A rule's due terms after a change: an offset and a fixed day exclude each other, so setting one
 * clears the other unless the change gives both; what the change leaves out stays as it was.
 */
export function changedDueTerms(
  before: { offsetAmount: number | null; offsetUnit: "weeks" | "days" | null; fixedDay: string | null },
  patch: { offset?: DueTerms["offset"] | undefined; fixedDay?: string | null | undefined },
): DueTerms {
  const kept =
    before.offsetAmount === null || before.offsetUnit === null
      ? null
      : { amount: before.offsetAmount, unit: before.offsetUnit };
  let offset = kept;
  if (patch.offset !== undefined) offset = patch.offset;
  else if (patch.fixedDay) offset = null;
  let fixedDay = before.fixedDay;
  if (patch.fixedDay !== undefined) fixedDay = patch.fixedDay;
  else if (patch.offset) fixedDay = null;
  return { offset, fixedDay };
}
