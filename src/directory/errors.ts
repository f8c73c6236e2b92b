import type { ErrorTable } from "../core/errors.js";

export const DIRECTORY_ERRORS = {
  "user.exists": 409,
  "government.exists": 409,
  "directory.ladder_missing": 500,
  /** Admitting a government that is a Partner already on the day. */
  "directory.already_partner": 409,
} as const satisfies ErrorTable;

type DirectoryErrors = typeof DIRECTORY_ERRORS;
declare module "../core/errors.js" {
  interface ErrorCodes extends DirectoryErrors {}
}
