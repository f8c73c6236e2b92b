/**
 * What a capability gives the one search for each kind of record it keeps. Access is the
 * source's to put in its SQL: a record outside the reader's spaces, or a portion above their
 * clearance, never matches, counts or appears in a snippet.
 */
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { Reader } from "./access/reader.js";
import type { Queryable } from "./db/index.js";

export interface SearchFilter {
  q: string;
  /** Only these kinds of record ("paper", "telegram" …); all when absent. */
  type?: string | undefined;
  /** A kind within the record type, e.g. a paper's kind. */
  kind?: string | undefined;
  meetingId?: number | undefined;
  originator?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only records whose banner is this marking (on the source's own ladder). */
  marking?: string | undefined;
  /** Only records carrying every one of these TAGS (`tags:` in the words): sources that say so in `fields`. */
  tags?: readonly string[] | undefined;
  limit: number;
  offset: number;
}

export interface SearchHit {
  type: string;
  id: number;
  ref: string;
  href: string;
  title: string | null;
  titleWithheld: boolean;
  kind: string | null;
  originator: string | null;
  date: string | null;
  marking: string;
  score: number;
  snippet: string | null;
}

/** Records matching a search, counted by one value of theirs (a meeting, an originator, a marking). */
export interface FacetCount {
  value: string;
  /** What the page calls the value (a meeting's title); the value itself when absent. */
  label?: string | undefined;
  count: number;
}

/** One matching record of a page, as the union of every source's matches orders them. */
export interface SearchMatch {
  id: number;
  at: string | Date | null;
  score: number;
}

export interface SearchSource {
  /** The record type, e.g. "paper": the `type` of its hits and of the search's facet. */
  type: string;
  /** What the search page calls records of this type, plural ("papers"); the type's plural when absent. */
  label?: string;
  /** The fields of the words it can narrow by beyond the common filters: a `tags:` search leaves out sources without "tags". */
  fields?: readonly "tags"[];
  /**
   * The reader's matches of `query` (a tsquery) as SQL selecting `id`, `at`, `score`,
   * `originator`, `marking` and `meeting`, with the reader's access in its `where`; null when the
   * filter rules this type out. `originator` (text), `marking` (a banner's code, text) and
   * `meeting` (a meeting's id) are what the search's facets count: a source gives a value only
   * where its filter by that value keeps the record, and null elsewhere. `score` is the record's
   * rank for the query, or null from a source that ranks through `rank`.
   */
  matches(reader: Reader, query: SQL, filter: SearchFilter): SQL | null;
  /**
   * For a source whose records are many: the rank of the records among `ids` (SQL selecting the
   * ids of this type that the search ranks, a bounded set) as SQL selecting `id` and `score`, from
   * what the reader may see only. Its `matches` then leave `score` null, so that ranking costs the
   * candidates and not every match (decision 0019).
   */
  rank?(reader: Reader, query: SQL, ids: SQL): SQL;
  /** The page's matches of this type as hits: titles withheld above the reader, snippets from what they may see. */
  present(db: Queryable, reader: Reader, query: SQL, page: readonly SearchMatch[]): Promise<SearchHit[]>;
}

/** The `q` of a search as a tsquery: one rule, shared by every source. */
export const SEARCH_CONFIG = "english";

/** A banner's rank as its code on a ladder, in SQL: `codes` are the ladder's codes, lowest first. */
export function markingCode(codes: readonly string[], banner: SQL | AnyColumn): SQL {
  return sql`(array[${sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[])[${banner} + 1]`;
}

/** What a source that never counts in a facet selects for it. */
export const NO_FACETS = sql.raw("null::text as originator, null::text as marking, null::int as meeting");

/** Matches of a source that finds nothing for this reader (as its `matches`, with every column). */
export const NO_MATCHES = sql.raw(
  "select 0 as id, null::timestamptz as at, null::real as score, null::text as originator, null::text as marking, null::int as meeting where false",
);
