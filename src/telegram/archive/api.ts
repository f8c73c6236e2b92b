import { createRoute, z } from "@hono/zod-openapi";
import type { Api } from "../../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../../core/http/api.js";
import { actingOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { TelegramOut, TelegramQuery, TelegramsOut } from "./contract.js";
import { listTelegrams, readTelegramRecord } from "./queries.js";

export function registerTelegramApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/telegrams",
      operationId: "listTelegrams",
      tags: ["Telegrams"],
      summary: "Telegrams of the caller's national space, filtered and searched",
      description:
        "Only telegrams of the caller's own government exist for the caller. Search and snippets cover only the portions within the caller's clearance.",
      security,
      request: { query: TelegramQuery },
      responses: { 200: json(TelegramsOut, "Matching telegrams"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const q = c.req.valid("query");
      const filter = { ...q, limit: q.limit ?? 50, offset: q.offset ?? 0 };
      const result = await c.get("deps").db.transaction((tx) => listTelegrams(tx, who, filter));
      return respond(c, TelegramsOut, result, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/telegrams/{id}",
      operationId: "getTelegram",
      tags: ["Telegrams"],
      summary: "One telegram, redacted for the caller",
      security,
      request: { params: z.object({ id: IdParam }) },
      responses: { 200: json(TelegramOut, "The telegram"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { id } = c.req.valid("param");
      const view = await c.get("deps").db.transaction((tx) => readTelegramRecord(tx, who, id));
      return respond(c, TelegramOut, { ...view, telegram: { ...view.telegram } }, 200);
    },
  );
}
