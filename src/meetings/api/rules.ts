import { createRoute } from "@hono/zod-openapi";
import type { Api } from "../../core/http/api.js";
import { commonErrors, ErrorSchema, json, security } from "../../core/http/api.js";
import { actingOf, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { createRule } from "../commands/create-rule.js";
import { NewRuleInput, RuleList, RuleOut } from "../contract.js";
import { presentRule } from "../present.js";
import { visibleRules } from "../queries.js";
import { TAGS } from "./params.js";

/** The regime's deadline rules. */
export function registerRuleRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/deadline-rules",
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
}
