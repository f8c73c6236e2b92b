import type { ErrorTable } from "../core/errors.js";

export const MEETINGS_ERRORS = {
  "deadline_rule.exists": 409,
  "deadline_rule.in_use": 409,
  "deadline.already_waived": 409,
  "calendar.failed": 500,
} as const satisfies ErrorTable;

type MeetingsErrors = typeof MEETINGS_ERRORS;
declare module "../core/errors.js" {
  interface ErrorCodes extends MeetingsErrors {}
}
