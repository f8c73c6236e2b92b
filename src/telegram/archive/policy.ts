/**
 * Who may do what with the archive's telegrams. A telegram belongs to one government's national
 * space: that is in every query's `where`, so another government's telegram does not exist for
 * the reader. What is left to a rule is what a reader inside the space may have of one.
 * `policy.test.ts` checks it for every demo reader.
 */
import { rule } from "../../core/access/rules.js";

export interface TelegramMarking {
  /** The banner's rank on the space's ladder. */
  banner: number;
  /** The banner as the telegram's classification line reads it, e.g. "C". */
  classification: string;
}

/**
 * The bytes as imported, unredacted: a reader cleared to the telegram's banner. Anyone below it
 * reads the redacted telegram instead.
 */
export const readRaw = rule<[telegram: TelegramMarking]>(
  (r, t) => r.nationalClearance >= t.banner,
  (t) =>
    `The telegram as imported holds portions marked up to ${t.classification}, above your clearance: read the redacted telegram instead.`,
);
