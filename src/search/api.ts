import { createRoute } from "@hono/zod-openapi";
import type { Api } from "../core/http/api.js";
import { commonErrors, json, security } from "../core/http/api.js";
import { readerOf } from "../core/http/env.js";
import { respond } from "../core/http/respond.js";
import { SearchOut, SearchQuery } from "./contract.js";
import { searchFor } from "./search.js";

export function registerSearchApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/search",
      operationId: "search",
      tags: ["Search"],
      summary: "Search papers and telegrams, as far as the caller may see them",
      description:
        "Records outside the caller's spaces and portions above the caller's clearance take no part: not in results, counts, facets or snippets.",
      security,
      request: { query: SearchQuery },
      responses: { 200: json(SearchOut, "Matches, best first"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const result = await searchFor(
        c.get("deps").db,
        reader,
        c.get("site").search,
        c.req.valid("query"),
        20,
      );
      return respond(c, SearchOut, result, 200);
    },
  );
}
