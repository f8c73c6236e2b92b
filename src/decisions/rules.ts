/**
 * The rules of consensus: a proposal's states, how they change, and what the Partners' positions
 * allow. Pure functions, no I/O. The party is a Partner: one position per Partner stands (its
 * latest), and one standing objection is enough to prevent adoption, whatever came before it.
 */

export const PROPOSAL_STATES = [
  "draft",
  "circulated",
  "under_decision",
  "under_silence",
  "adopted",
  "provisionally_agreed",
  "not_agreed",
  "broken",
  "withdrawn",
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const STATE_LABELS: Record<ProposalState, string> = {
  draft: "Draft",
  circulated: "Circulated",
  under_decision: "Under decision at a meeting",
  under_silence: "Under silence procedure",
  adopted: "Adopted",
  provisionally_agreed: "Provisionally agreed",
  not_agreed: "Not agreed",
  broken: "Silence broken",
  withdrawn: "Withdrawn",
};

export const POSITIONS = ["support", "no_objection", "reserve", "object", "amend"] as const;
export type Position = (typeof POSITIONS)[number];

export const POSITION_LABELS: Record<Position, string> = {
  support: "Supports",
  no_objection: "No objection",
  reserve: "Reserves its position",
  object: "Objects",
  amend: "Proposes an amendment",
};

/** Positions that must say why (a reserve, an objection) or what (an amendment's text). */
export const NEEDS_REASON: readonly Position[] = ["reserve", "object", "amend"];

/** Positions that stand in the way of consensus when they stand at the close. */
export const BLOCKING: readonly Position[] = ["reserve", "object", "amend"];

/** Positions that break silence, or undo a provisional agreement, the moment they are stated. */
export const BREAKING: readonly Position[] = ["object", "amend"];

export const OUTCOMES = ["adopted", "provisionally_agreed", "not_agreed"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A state from which nothing more changes. */
export const FINAL: readonly ProposalState[] = ["adopted", "not_agreed", "broken", "withdrawn"];

/** States in which Partners state positions. */
export const OPEN: readonly ProposalState[] = ["under_decision", "under_silence", "provisionally_agreed"];

export interface StatedPosition {
  governmentCode: string;
  position: Position;
  /** When it was stated; ties are broken by `seq` (the order of recording). */
  statedAt: Date;
  seq: number;
}

export type Step = { ok: true; state: ProposalState } | { ok: false; message: string };

const refuse = (message: string): Step => ({ ok: false, message });
const to = (state: ProposalState): Step => ({ ok: true, state });

/** The position each Partner holds now: its latest, and only Partners that count. */
export function standingPositions<P extends StatedPosition>(
  history: readonly P[],
  counts: (governmentCode: string) => boolean = () => true,
): Map<string, P> {
  const out = new Map<string, P>();
  for (const p of history) {
    if (!counts(p.governmentCode)) continue;
    const had = out.get(p.governmentCode);
    const later =
      !had ||
      p.statedAt.getTime() > had.statedAt.getTime() ||
      (p.statedAt.getTime() === had.statedAt.getTime() && p.seq > had.seq);
    if (later) out.set(p.governmentCode, p);
  }
  return out;
}

/** The Partners whose standing position blocks consensus, in code order. */
export function blockers(standing: ReadonlyMap<string, StatedPosition>): string[] {
  return [...standing.values()]
    .filter((p) => BLOCKING.includes(p.position))
    .map((p) => p.governmentCode)
    .sort();
}

/** What a meeting may record, given the positions that stand: never adoption over a block. */
export function outcomesAllowed(standing: ReadonlyMap<string, StatedPosition>): Outcome[] {
  const positions = [...standing.values()].map((p) => p.position);
  if (positions.some((p) => p === "object" || p === "amend")) return ["not_agreed"];
  if (positions.includes("reserve")) return ["provisionally_agreed", "not_agreed"];
  return ["adopted", "provisionally_agreed", "not_agreed"];
}

export type ProposalEvent =
  | { kind: "circulate" }
  | { kind: "open_silence" }
  | { kind: "put_to_meeting" }
  | { kind: "withdraw" }
  | { kind: "record"; outcome: Outcome; standing: ReadonlyMap<string, StatedPosition> }
  | { kind: "position"; position: Position }
  | { kind: "close"; standing: ReadonlyMap<string, StatedPosition> };

/** The one place a proposal's state changes: the next state, or why the event is refused. */
export function transition(state: ProposalState, event: ProposalEvent): Step {
  const label = STATE_LABELS[state].toLowerCase();
  switch (event.kind) {
    case "circulate":
      return state === "draft"
        ? to("circulated")
        : refuse(`the proposal is ${label}: only a draft is circulated`);
    case "open_silence":
    case "put_to_meeting":
      if (state !== "draft" && state !== "circulated")
        return refuse(`the proposal is ${label}: only a draft or a circulated proposal is put to a decision`);
      return to(event.kind === "open_silence" ? "under_silence" : "under_decision");
    case "withdraw":
      if (FINAL.includes(state) || state === "provisionally_agreed")
        return refuse(`the proposal is ${label}: it can no longer be withdrawn`);
      return to("withdrawn");
    case "record": {
      if (state !== "under_decision")
        return refuse(
          `the proposal is ${label}: an outcome is recorded only for a proposal under decision at a meeting`,
        );
      if (!outcomesAllowed(event.standing).includes(event.outcome)) {
        const who = blockers(event.standing).join(", ");
        return refuse(
          event.outcome === "adopted"
            ? `it cannot be adopted: the positions of ${who} stand in the way of consensus`
            : `it cannot be provisionally agreed: ${who} object or propose an amendment`,
        );
      }
      return to(event.outcome);
    }
    case "position":
      if (!OPEN.includes(state))
        return refuse(`the proposal is ${label}: no position can be stated on it now`);
      if (BREAKING.includes(event.position)) {
        if (state === "under_silence") return to("broken");
        if (state === "provisionally_agreed") return to("not_agreed");
      }
      return to(state);
    case "close":
      if (state === "under_silence") return to(blockers(event.standing).length ? "broken" : "adopted");
      if (state === "provisionally_agreed")
        return to(blockers(event.standing).length ? "not_agreed" : "adopted");
      return refuse(`the proposal is ${label}: only a silence procedure or a provisional agreement closes`);
  }
}

/** A silence deadline must lie ahead, and not absurdly far (a year at most). */
export function silenceDeadlineProblem(deadline: Date, now: Date): string | null {
  if (deadline.getTime() <= now.getTime())
    return `the deadline has to lie ahead: it is already ${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  if (deadline.getTime() - now.getTime() > 366 * 24 * 3600_000)
    return "the deadline has to lie within a year";
  return null;
}

/** What a position must carry: a reason for a reserve or an objection, a text for an amendment. */
export function positionProblem(
  position: Position,
  reason: string | null | undefined,
  amendment: string | null | undefined,
): { field: string; message: string } | null {
  if (position === "amend" && !amendment?.trim())
    return {
      field: "amendment",
      message: "write the amendment's text: what the proposal should say instead",
    };
  if ((position === "reserve" || position === "object") && !reason?.trim())
    return {
      field: "reason",
      message:
        position === "reserve"
          ? "say why your government needs more time"
          : "say why your government objects",
    };
  return null;
}

/** The summary line of a grid: how many Partners hold each position, and how many are silent. */
export function tally(
  standing: ReadonlyMap<string, StatedPosition>,
  partners: readonly string[],
): Record<Position | "silent", number> {
  const out: Record<Position | "silent", number> = {
    support: 0,
    no_objection: 0,
    reserve: 0,
    object: 0,
    amend: 0,
    silent: 0,
  };
  for (const code of partners) {
    const p = standing.get(code);
    out[p ? p.position : "silent"]++;
  }
  return out;
}

/** "2 days 3 hours", "45 minutes", "closed": the time left until an instant. */
export function countdown(until: Date, now: Date): string {
  const ms = until.getTime() - now.getTime();
  if (ms <= 0) return "closed";
  const minutes = Math.ceil(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const part = (n: number, w: string) => (n ? [`${n} ${w}${n === 1 ? "" : "s"}`] : []);
  if (days) return [...part(days, "day"), ...part(hours, "hour")].join(" ");
  if (hours) return [...part(hours, "hour"), ...part(mins, "minute")].join(" ");
  return part(mins, "minute").join(" ") || "1 minute";
}
