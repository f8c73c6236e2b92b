import { createRoute, z } from "@hono/zod-openapi";
import type { Api } from "../../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../../core/http/api.js";
import { actorOf, readerOf } from "../../core/http/env.js";
import { TelegramOut, TelegramQuery, TelegramSummaryOut } from "./contract.js";
import { listTelegrams, readTelegramRecord } from "./queries.js";

export function registerTelegramApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/telegrams",
      tags: ["Telegrams"],
      summary: "Telegrams of the caller's national space, filtered and searched",
      description:
        "Only telegrams of the caller's own government exist for the caller. Search and snippets cover only the portions within the caller's clearance.",
      security,
      request: { query: TelegramQuery },
      responses: {
        200: json(
          z.object({ total: z.number(), telegrams: z.array(TelegramSummaryOut) }),
          "Matching telegrams",
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      const q = c.req.valid("query");
      const { db, clock } = c.get("deps");
      const result = await listTelegrams(
        db,
        reader,
        { ...q, limit: q.limit ?? 50, offset: q.offset ?? 0 },
        actorOf(reader),
        clock,
      );
      return c.json(result, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/telegrams/{id}",
      tags: ["Telegrams"],
      summary: "One telegram, redacted for the caller",
      security,
      request: { params: z.object({ id: IdParam }) },
      responses: { 200: json(TelegramOut, "The telegram"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const view = await readTelegramRecord(db, reader, c.req.valid("param").id, actorOf(reader), clock);
      return c.json({ ...view, telegram: view.telegram as unknown as Record<string, unknown> }, 200);
    },
  );
}
