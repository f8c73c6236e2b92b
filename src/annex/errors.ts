import type { ErrorTable } from "../core/errors.js";

export const ANNEX_ERRORS = {
  /** An amendment set whose changes do not fit the version it is applied to: each entry named. */
  "annex.amendment_refused": 409,
  "annex.set_applied": 409,
  "annex.version_exists": 409,
  "annex.set_exists": 409,
  "annex.tree_invalid": 400,
} as const satisfies ErrorTable;

type AnnexErrors = typeof ANNEX_ERRORS;
declare module "../core/errors.js" {
  interface ErrorCodes extends AnnexErrors {}
}
