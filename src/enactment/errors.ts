import type { ErrorTable } from "../core/errors.js";

export const ENACTMENT_ERRORS = {
  /** A report for a set adopted before the government was a Partner. */
  "enactment.not_a_partner_then": 409,
  "enactment.export_failed": 500,
} as const satisfies ErrorTable;

type EnactmentErrors = typeof ENACTMENT_ERRORS;
declare module "../core/errors.js" {
  interface ErrorCodes extends EnactmentErrors {}
}
