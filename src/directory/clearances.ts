import { allowedMarkings, type Ladder, levelAt, REGIME_LADDER, rankOf } from "../core/access/markings.js";
import type { Acting } from "../core/acting.js";
import { AppError, type FieldProblem, invalid, invalidFields } from "../core/errors.js";

/** A clearance given by its marking, as its rank on the ladder; a marking not on it is the field's problem. */
export function clearanceRank(ladder: Ladder, field: string, code: string, problems: FieldProblem[]): number {
  const r = rankOf(ladder, code);
  if (r !== null) return r;
  problems.push({
    field,
    message: `${code} is not a marking on the ${ladder.name} ladder; use one of ${allowedMarkings(ladder)}`,
  });
  return 0;
}

/** Refuses with every problem found: one alone reads as that field's own line. */
export function refuseIfAny(problems: readonly FieldProblem[]): void {
  const [first, ...rest] = problems;
  if (!first) return;
  throw rest.length === 0 ? invalid(first.field, first.message) : invalidFields(problems);
}

export const ladderMissing = (code: string): AppError =>
  new AppError("directory.ladder_missing", 500, `Government ${code} has no marking ladder.`);

/** The clearances a change would give a user, as ranks: each only when the change sets it. */
export interface Granted {
  regime?: number;
  national?: number;
}

/**
 * Refuses (403, naming the limit beside each field) a clearance granted above the granter's own:
 * no one gives more than they hold. Keeping or lowering what the user holds (`current`) grants
 * nothing. On another government's ladder (an operator's), the limit is the granter's own rank.
 * The system is not limited.
 */
export function refuseAboveOwn(
  who: Acting,
  ladder: Ladder,
  targetGovernment: string,
  granted: Granted,
  current: Granted = {},
): void {
  if (who.kind === "system") return;
  const r = who.reader;
  const problems: FieldProblem[] = [];
  const above = (rank: number | undefined, own: number, held: number | undefined) =>
    rank !== undefined && rank > own && rank > (held ?? -1);
  if (above(granted.regime, r.regimeClearance, current.regime)) {
    const limit = levelAt(REGIME_LADDER, r.regimeClearance).code;
    problems.push({
      field: "regimeClearance",
      message: `you may grant a regime clearance up to ${limit}, your own`,
    });
  }
  const ownLadder = r.government.code === targetGovernment.toUpperCase();
  const nationalLimit = ownLadder
    ? r.nationalClearance
    : Math.min(r.nationalClearance, ladder.levels.length - 1);
  if (above(granted.national, nationalLimit, current.national)) {
    const limit = levelAt(ladder, nationalLimit).code;
    problems.push({
      field: "nationalClearance",
      message: ownLadder
        ? `you may grant a national clearance up to ${limit}, your own`
        : `you may grant a national clearance on the ${ladder.name} ladder up to ${limit}, the rank of your own`,
    });
  }
  if (problems.length === 0) return;
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
  throw new AppError("forbidden", 403, `No one grants a clearance above their own: ${summary}.`, {
    fields: problems,
  });
}
