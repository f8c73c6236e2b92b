import type { Reader } from "../core/access/reader.js";
import type { Queryable } from "../core/db/index.js";

/**
 * The titles a reader sees of submissions that other capabilities' records stand for, by
 * submission id: a submission missing from the answer does not exist for that reader.
 */
export type SubmissionTitles = (
  db: Queryable,
  reader: Reader,
  submissionIds: readonly number[],
) => Promise<Map<number, string>>;

declare module "../core/capability.js" {
  interface Ports {
    /** By source ("paper"): who answers for the titles of the submissions its records made. */
    submissionTitles?: Record<string, SubmissionTitles>;
  }
}
