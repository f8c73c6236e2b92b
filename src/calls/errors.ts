import type { ErrorTable } from "../core/errors.js";

export const CALLS_ERRORS = {
  "call.closed": 409,
  "call.agenda_issued": 409,
} as const satisfies ErrorTable;

type CallsErrors = typeof CALLS_ERRORS;
declare module "../core/errors.js" {
  interface ErrorCodes extends CallsErrors {}
}
