import { allowedMarkings, type Ladder, rankOf } from "../core/access/markings.js";
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
