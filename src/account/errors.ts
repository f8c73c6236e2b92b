import type { ErrorTable } from "../core/errors.js";

/** The sign-in form's refusals; the API has no sign-in, so these reach only the page. */
export const ACCOUNT_ERRORS = {
  "session.form_expired": 403,
  "session.no_match": 401,
  "session.throttled": 429,
} as const satisfies ErrorTable;

type AccountErrors = typeof ACCOUNT_ERRORS;
declare module "../core/errors.js" {
  interface ErrorCodes extends AccountErrors {}
}
