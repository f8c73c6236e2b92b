import type { ErrorTable } from "../core/errors.js";

export const OUTREACH_ERRORS = {
  /** A report for a visit whose last day is still ahead. */
  "outreach.not_held": 409,
  /** A second report for a visit that has one. */
  "outreach.reported": 409,
} as const satisfies ErrorTable;

type OutreachErrors = typeof OUTREACH_ERRORS;
declare module "../core/errors.js" {
  interface ErrorCodes extends OutreachErrors {}
}
