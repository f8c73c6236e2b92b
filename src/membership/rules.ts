/**
 * The rules of a candidacy's history, as plain functions: which step may follow which, on what day
 * and at what kind of meeting. No I/O.
 */
export const EVENT_KINDS = ["applied", "examined", "deferred", "scheduled", "admitted", "withdrawn"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_LABELS: Record<EventKind, string> = {
  applied: "Applied",
  examined: "Examined",
  deferred: "Deferred",
  scheduled: "To be examined",
  admitted: "Admitted by consensus",
  withdrawn: "Withdrawn",
};

export const POSITIONS = ["support", "support_with_conditions", "undecided", "oppose"] as const;
export type Position = (typeof POSITIONS)[number];
export const POSITION_LABELS: Record<Position, string> = {
  support: "Support",
  support_with_conditions: "Support, with conditions",
  undecided: "Undecided",
  oppose: "Oppose",
};

export interface Problem {
  field: string;
  message: string;
}

export interface EventCheck {
  kind: EventKind;
  on: string;
  /** The meeting's kind ("plenary", "poc" …) and first and last days, when one is named. */
  meeting: { kind: string; title: string; firstDay: string; lastDay: string } | null;
  /** Whether a record says so (a paper, a proposal, or a source in words). */
  hasRecord: boolean;
}

export interface CandidacyState {
  appliedOn: string;
  state: "pending" | "admitted" | "withdrawn";
  /** The government's standing on the event's day. */
  standingOnDay: "partner" | "candidate" | "non_partner";
}

/** Kinds decided at a Plenary: examination, deferral, admission. "To be examined" names the Plenary to come. */
const AT_PLENARY: readonly EventKind[] = ["examined", "deferred", "admitted", "scheduled"];

/** Every problem with a new step of a candidacy's history, each naming its field. */
export function eventProblems(c: CandidacyState, e: EventCheck): Problem[] {
  const out: Problem[] = [];
  if (c.state !== "pending")
    out.push({
      field: "kind",
      message: `the candidacy was ${c.state} already: nothing follows it`,
    });
  if (e.kind === "applied")
    out.push({ field: "kind", message: "a candidacy has one application, made when it is entered" });
  if (e.on < c.appliedOn)
    out.push({
      field: "on",
      message: `${e.on} is before the application on ${c.appliedOn}: give a later day`,
    });
  if (AT_PLENARY.includes(e.kind)) {
    if (!e.meeting)
      out.push({
        field: "meetingId",
        message: `name the Plenary at which it was ${EVENT_LABELS[e.kind].toLowerCase()}`,
      });
    else if (e.meeting.kind !== "plenary")
      out.push({
        field: "meetingId",
        message: `${e.meeting.title} is not a Plenary: a candidacy is decided at a Plenary`,
      });
    else if (e.kind !== "scheduled" && (e.on < e.meeting.firstDay || e.on > e.meeting.lastDay))
      out.push({
        field: "on",
        message: `${e.on} is not a day of ${e.meeting.title} (${e.meeting.firstDay} to ${e.meeting.lastDay})`,
      });
  }
  if (e.kind === "admitted" && c.standingOnDay === "partner")
    out.push({ field: "kind", message: "the government is a Partner already on that day" });
  if ((e.kind === "admitted" || e.kind === "deferred") && !e.hasRecord)
    out.push({
      field: "source",
      message: "name the record that says so: a paper, a proposal decided by consensus, or a source",
    });
  return out;
}

/** The state a step leaves the candidacy in. */
export function stateAfter(kind: EventKind, before: CandidacyState["state"]): CandidacyState["state"] {
  if (kind === "admitted") return "admitted";
  if (kind === "withdrawn") return "withdrawn";
  return before;
}
