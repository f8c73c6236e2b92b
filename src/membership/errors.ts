import type { ErrorTable } from "../core/errors.js";

export const MEMBERSHIP_ERRORS = {
  /** A government that has a candidacy already. */
  "candidacy.exists": 409,
} as const satisfies ErrorTable;

type MembershipErrors = typeof MEMBERSHIP_ERRORS;
declare module "../core/errors.js" {
  interface ErrorCodes extends MembershipErrors {}
}
