import { z } from "@hono/zod-openapi";
import { IdParam } from "../../core/http/api.js";

export const TAGS = ["Meetings"];

export const MeetingParams = z.object({ id: IdParam });
export const DeadlineParams = z.object({ id: IdParam, ruleId: IdParam });

export { instantParam } from "../../core/http/api.js";
