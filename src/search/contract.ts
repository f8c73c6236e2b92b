import { z } from "@hono/zod-openapi";
import { WholeNumber } from "../core/http/api.js";

const Day = z.iso.date("a date as YYYY-MM-DD");

/** The search: the API's query, and the search page's form. */
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
export type SearchQueryInput = z.infer<typeof SearchQuery>;

export const SearchHitOut = z
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

const FacetOut = z
  .object({ value: z.string(), label: z.string().optional(), count: z.number() })
  .openapi("SearchFacet");

export const SearchOut = z.object({
  total: z.number(),
  facets: z.record(z.string(), z.number()).describe("matches per kind of record"),
  years: z
    .array(z.object({ year: z.number(), count: z.number() }))
    .describe("matches per year of their date, newest first; narrow with year:YYYY in the words"),
  meetings: z
    .array(FacetOut)
    .describe("matches by meeting, the commonest ten; narrow with meeting=ID (the value)"),
  originators: z
    .array(FacetOut)
    .describe("matches by originator, the commonest ten; narrow with originator=VALUE"),
  markings: z.array(FacetOut).describe("matches by banner marking; narrow with marking=CODE"),
  ranked: z
    .number()
    .describe(
      "how many of the newest matches are in order of relevance; the matches after them are newest first",
    ),
  hits: z.array(SearchHitOut),
});
