import type { ErrorTable } from "../core/errors.js";

export const GUIDANCE_ERRORS = {
  /** A step the guidance's state does not allow: releasing a draft, editing what was released. */
  "guidance.wrong_state": 409,
  /** A save over a newer version than the one edited. */
  "guidance.stale_version": 409,
} as const satisfies ErrorTable;

type GuidanceErrors = typeof GUIDANCE_ERRORS;
declare module "../core/errors.js" {
  interface ErrorCodes extends GuidanceErrors {}
}
