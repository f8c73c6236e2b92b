import { createRoute } from "@hono/zod-openapi";
import type { Api } from "../core/http/api.js";
import { commonErrors, json, security } from "../core/http/api.js";
import { auditRead, shownMarking } from "../core/http/audited.js";
import { type Ctx, readerOf } from "../core/http/env.js";
import { respond } from "../core/http/respond.js";
import { SearchOut, SearchQuery, type SearchQueryInput } from "./contract.js";
import { searchFor } from "./search.js";

/**
 * One entry per search, in the reader's space: the query and its filters. Marked at the reader's
 * regime clearance: the query is theirs. Not how many matches it had: a count of what the searcher
 * may see would tell an administrator of their government, who may see less (another role, a lower
 * national clearance), that records exist beyond their own sight.
 */
export function auditSearch(c: Ctx, q: SearchQueryInput): Promise<void> {
  const { q: query, ...filters } = q;
  return auditRead(c, {
    action: "search.query",
    targetKind: "search",
    marking: shownMarking(readerOf(c), "regime"),
    details: { query, filters },
  });
}

export function registerSearchApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/search",
      operationId: "search",
      tags: ["Search"],
      summary: "Search every kind of record, as far as the caller may see them",
      description:
        "Records outside the caller's spaces and portions above the caller's clearance take no part: not in results, counts, facets or snippets. The newest `ranked` matches come first, best first; the rest follow newest first.",
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
      await auditSearch(c, c.req.valid("query"));
      return respond(c, SearchOut, result, 200);
    },
  );
}
