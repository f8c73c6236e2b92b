import { createRoute, z } from "@hono/zod-openapi";
import { invalid } from "../core/errors.js";
import type { Api } from "../core/http/api.js";
import { commonErrors, json, security, WholeNumber } from "../core/http/api.js";
import { readerOf } from "../core/http/env.js";
import { respond } from "../core/http/respond.js";
import { search } from "./search.js";

const Day = z.iso.date("a date as YYYY-MM-DD");

export const SearchQuery = z.object({
  q: z.string().trim().min(1, "give words to search for").max(200),
  type: z
    .string()
    .regex(/^[a-z_]{1,40}$/, "a record type such as paper or telegram")
    .optional()
    .describe("one kind of record: paper, telegram, …"),
  kind: z.string().max(40).optional().describe("a paper kind, e.g. ie_paper"),
  meeting: WholeNumber.optional(),
  originator: z
    .string()
    .max(80)
    .optional()
    .describe("a government code for papers; part of the originator for telegrams"),
  from: Day.optional(),
  to: Day.optional(),
  marking: z.string().max(20).optional().describe("the record's banner marking, e.g. RR or C"),
  limit: WholeNumber.pipe(z.number().min(1).max(100)).optional(),
  offset: WholeNumber.optional(),
});

const Hit = z
  .object({
    type: z.string().describe("the kind of record: paper, telegram, …"),
    id: z.number(),
    ref: z.string(),
    href: z.string(),
    title: z.string().nullable().describe("null when withheld"),
    titleWithheld: z.boolean(),
    kind: z.string().nullable(),
    originator: z.string().nullable(),
    date: z.string().nullable(),
    marking: z.string(),
    score: z.number(),
    snippet: z
      .string()
      .nullable()
      .describe("matched words between « and », only from portions the caller may see"),
  })
  .openapi("SearchHit");

const SearchOut = z.object({
  total: z.number(),
  facets: z.record(z.string(), z.number()).describe("matches per kind of record"),
  hits: z.array(Hit),
});

export function registerSearchApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/search",
      tags: ["Search"],
      summary: "Search papers and telegrams, as far as the caller may see them",
      description:
        "Records outside the caller's spaces and portions above the caller's clearance take no part: not in results, counts, facets or snippets.",
      security,
      request: { query: SearchQuery },
      responses: {
        200: json(SearchOut, "Matches, best first"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const sources = c.get("site").search;
      if (q.type && !sources.some((s) => s.type === q.type))
        throw invalid("type", `give one of ${sources.map((s) => s.type).join(", ")}`);
      const result = await search(c.get("deps").db, readerOf(c), sources, {
        ...q,
        meetingId: q.meeting,
        limit: q.limit ?? 20,
        offset: q.offset ?? 0,
      });
      return respond(c, SearchOut, result, 200);
    },
  );
}
