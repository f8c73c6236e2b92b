/**
 * What a capability gives the one search for each kind of record it keeps. Access is the
 * source's to put in its SQL: a record outside the reader's spaces, or a portion above their
 * clearance, never matches, counts or appears in a snippet.
 */
import type { SQL } from "drizzle-orm";
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
   * The reader's matches of `query` (a tsquery) as SQL selecting `id`, `at` and `score`, with the
   * reader's access in its `where`; null when the filter rules this type out.
   */
  matches(reader: Reader, query: SQL, filter: SearchFilter): SQL | null;
  /** The page's matches of this type as hits: titles withheld above the reader, snippets from what they may see. */
  present(db: Queryable, reader: Reader, query: SQL, page: readonly SearchMatch[]): Promise<SearchHit[]>;
}

/** The `q` of a search as a tsquery: one rule, shared by every source. */
export const SEARCH_CONFIG = "english";
