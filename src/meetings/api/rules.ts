import { createRoute } from "@hono/zod-openapi";
import type { Api } from "../../core/http/api.js";
import { commonErrors, ErrorSchema, json, security } from "../../core/http/api.js";
import { actingOf, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { changeRule } from "../commands/change-rule.js";
import { createRule } from "../commands/create-rule.js";
import { deleteRule } from "../commands/delete-rule.js";
import { NewRuleInput, RuleList, RuleOut, RulePatchInput } from "../contract.js";
import { presentRule } from "../present.js";
import { visibleRules } from "../queries.js";
import { MeetingParams, TAGS } from "./params.js";

/** The regime's deadline rules. */
export function registerRuleRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/deadline-rules",
      operationId: "listDeadlineRules",
      tags: TAGS,
      summary: "The regime's deadline rules",
      security,
      responses: { 200: json(RuleList, "Rules"), ...commonErrors },
    }),
    async (c) => {
      const rules = (await visibleRules(c.get("deps").db, readerOf(c))).map(presentRule);
      return respond(c, RuleList, { rules }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/deadline-rules",
      operationId: "createDeadlineRule",
      tags: TAGS,
      summary: "Make a deadline rule (Point of Contact)",
      security,
      request: { body: { content: { "application/json": { schema: NewRuleInput } }, required: true } },
      responses: {
        201: json(RuleOut, "The new rule"),
        409: json(ErrorSchema, "It exists already"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const row = await c.get("deps").db.transaction((tx) => createRule(tx, who, c.req.valid("json")));
      return respond(c, RuleOut, presentRule(row), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/deadline-rules/{id}",
      operationId: "updateDeadlineRule",
      tags: TAGS,
      summary: "Change a deadline rule's terms or wording (Point of Contact)",
      description:
        "Absent fields keep their value; the code stays. Submissions already made keep the due instant they were recorded with.",
      security,
      request: {
        params: MeetingParams,
        body: { content: { "application/json": { schema: RulePatchInput } }, required: true },
      },
      responses: { 200: json(RuleOut, "The rule as changed"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { id } = c.req.valid("param");
      const row = await c.get("deps").db.transaction((tx) => changeRule(tx, who, id, c.req.valid("json")));
      return respond(c, RuleOut, presentRule(row), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/deadline-rules/{id}",
      operationId: "deleteDeadlineRule",
      tags: TAGS,
      summary: "Delete a deadline rule nothing has happened under (Point of Contact)",
      security,
      request: { params: MeetingParams },
      responses: {
        204: { description: "Deleted" },
        409: json(ErrorSchema, "Submissions, waivers or reminders are on record under it"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const { id } = c.req.valid("param");
      await c.get("deps").db.transaction((tx) => deleteRule(tx, who, id));
      return c.body(null, 204);
    },
  );
}
