import { type Ladder, levelAt, mayRead } from "./markings.js";

/** One portion of a text (title, paragraph, bullet, summary) with its marking rank on its space's ladder. */
export interface Portion<T> {
  marking: number;
  content: T;
}

export type RedactedPortion<T> =
  | { withheld: false; marking: string; content: T }
  | { withheld: true; marking: string; content: null };

/**
 * What a reader with `clearance` may see of a portion. A withheld portion keeps its place and
 * names its marking, so the reader knows something is there and why they cannot see it.
 */
export function redactPortion<T>(ladder: Ladder, clearance: number, portion: Portion<T>): RedactedPortion<T> {
  const marking = levelAt(ladder, portion.marking).code;
  return mayRead(clearance, portion.marking)
    ? { withheld: false, marking, content: portion.content }
    : { withheld: true, marking, content: null };
}

export function redactPortions<T>(
  ladder: Ladder,
  clearance: number,
  portions: readonly Portion<T>[],
): RedactedPortion<T>[] {
  return portions.map((p) => redactPortion(ladder, clearance, p));
}

/** The words shown in place of a withheld portion. */
export function withheldText(marking: string): string {
  return `[withheld: (${marking})]`;
}
