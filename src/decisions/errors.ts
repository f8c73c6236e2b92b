import type { ErrorTable } from "../core/errors.js";

export const DECISION_ERRORS = {
  /** An event the proposal's state does not allow (circulating twice, an outcome over a block). */
  "decision.wrong_state": 409,
  /** A position after the procedure closed: the answer names the instant it closed. */
  "decision.closed": 409,
  /** A position for a government that is not a Partner on the day. */
  "decision.not_a_partner": 403,
} as const satisfies ErrorTable;

type DecisionErrors = typeof DECISION_ERRORS;
declare module "../core/errors.js" {
  interface ErrorCodes extends DecisionErrors {}
}
