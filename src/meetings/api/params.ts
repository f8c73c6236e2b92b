import { z } from "@hono/zod-openapi";
import { parseInstant } from "../../core/clock.js";
import { invalid } from "../../core/errors.js";
import { IdParam } from "../../core/http/api.js";

export const TAGS = ["Meetings"];

export const MeetingParams = z.object({ id: IdParam });
export const DeadlineParams = z.object({ id: IdParam, ruleId: IdParam });

/** A query's ISO 8601 date or instant; absent or empty is undefined, anything else a 400 naming it. */
export function instantParam(field: string, text: string | undefined): Date | undefined {
  if (text === undefined || text === "") return undefined;
  const d = parseInstant(text);
  if (!d)
    throw invalid(
      field,
      `${text} is not ISO 8601: give a date (2008-07-01) or an instant (2008-07-01T00:00Z)`,
    );
  return d;
}
