import { type SQL, sql } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import { type Queryable, rowsOf } from "../core/db/index.js";
import { invalid } from "../core/errors.js";
import {
  SEARCH_CONFIG,
  type SearchFilter,
  type SearchHit,
  type SearchMatch,
  type SearchSource,
} from "../core/search-source.js";

import type { SearchQueryInput } from "./contract.js";
import { type ParsedQuery, parseQuery } from "./query.js";

export type { SearchFilter, SearchHit };

/** Each source's type and what the page calls its records: the search's kinds, by label. */
export function kindsOf(sources: readonly SearchSource[]): { type: string; label: string }[] {
  return sources
    .map((s) => ({ type: s.type, label: s.label ?? `${s.type.replace(/_/g, " ")}s` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The search as the API and the page ask it: a `type` must be one a source registered (the
 * contract can only check its spelling), then every source is searched.
 */
export function searchFor(
  db: Queryable,
  reader: Reader,
  sources: readonly SearchSource[],
  q: SearchQueryInput,
  pageSize: number,
): Promise<SearchResult> {
  const words = parseQuery(q.q);
  if ("problem" in words) throw invalid("q", words.problem);
  const type = q.type ?? words.type;
  if (type && !sources.some((s) => s.type === type))
    throw invalid(q.type ? "type" : "q", `give one of ${sources.map((s) => s.type).join(", ")}`);
  return search(db, reader, sources, {
    ...q,
    type,
    originator: q.originator ?? words.from,
    marking: q.marking ?? words.marking,
    from: q.from ?? (words.year ? `${words.year}-01-01` : undefined),
    to: q.to ?? (words.year ? `${words.year}-12-31` : undefined),
    tags: words.tags,
    meetingId: q.meeting,
    limit: q.limit ?? pageSize,
    offset: q.offset ?? 0,
  });
}

/** The words as one tsquery: the web-search syntax's words and phrases, and every prefix, all required. */
export function tsqueryOf(words: ParsedQuery): SQL {
  const parts: SQL[] = [];
  if (words.text) parts.push(sql`websearch_to_tsquery(${SEARCH_CONFIG}, ${words.text})`);
  for (const p of words.prefixes) parts.push(sql`to_tsquery(${SEARCH_CONFIG}, ${`'${p}':*`})`);
  return parts.length === 0 ? sql`''::tsquery` : sql`(${sql.join(parts, sql` && `)})`;
}

export interface SearchResult {
  total: number;
  /** Matches per record type, of every source (0 where none). */
  facets: Record<string, number>;
  /** Matches per year of their date, newest first (those without a date not counted). */
  years: { year: number; count: number }[];
  hits: SearchHit[];
}

/**
 * The records of every source matching `q`, as far as the reader may see them. Each source puts
 * the reader's access in its own matches; one statement ranks them all, counts them by type and
 * takes the page, and each source then presents its part of the page.
 */
export async function search(
  db: Queryable,
  reader: Reader,
  sources: readonly SearchSource[],
  f: SearchFilter,
): Promise<SearchResult> {
  const words = parseQuery(f.q);
  if ("problem" in words) throw invalid("q", words.problem);
  const query = tsqueryOf(words);
  const facets: Record<string, number> = Object.fromEntries(sources.map((s) => [s.type, 0]));
  const parts: SQL[] = [];
  for (const s of sources) {
    if (f.type && f.type !== s.type) continue;
    if (f.tags?.length && !s.fields?.includes("tags")) continue;
    const m = s.matches(reader, query, f);
    if (m) parts.push(sql`select ${s.type}::text as type, h.id, h.at, h.score from (${m}) h`);
  }
  if (parts.length === 0) return { total: 0, facets, years: [], hits: [] };
  const rows = await rowsOf<{
    type: string;
    id: number;
    at: string | Date | null;
    score: number;
    n: number;
    year: number | null;
  }>(
    db,
    sql`with hits as (${sql.join(parts, sql` union all `)}),
      counts as (select type, count(*)::int as n from hits group by type),
      years as (select extract(year from at at time zone 'UTC')::int as year, count(*)::int as n
        from hits where at is not null group by 1),
      page as (select * from hits order by score desc, at desc nulls last, type, id desc limit ${f.limit} offset ${f.offset})
    select page.type, page.id, page.at, page.score, null::int as n, null::int as year from page
    union all select counts.type, null, null, null, counts.n, null from counts
    union all select 'year', null, null, null, years.n, years.year from years`,
  );
  // The union keeps no order: the page is sorted again by the same keys.
  const page = rows.filter((r) => r.id !== null).sort(byRank);
  const years = rows
    .filter((r) => r.id === null && r.year !== null)
    .map((r) => ({ year: Number(r.year), count: Number(r.n) }))
    .sort((a, b) => b.year - a.year);
  for (const r of rows) if (r.id === null && r.year === null) facets[r.type] = r.n;
  const byType = new Map<string, SearchMatch[]>();
  for (const r of page) {
    const list = byType.get(r.type) ?? [];
    list.push({ id: Number(r.id), at: r.at, score: Number(r.score) });
    byType.set(r.type, list);
  }
  const presented = new Map<string, SearchHit>();
  for (const s of sources) {
    const matches = byType.get(s.type);
    if (!matches) continue;
    for (const hit of await s.present(db, reader, query, matches)) presented.set(`${s.type}:${hit.id}`, hit);
  }
  const hits = page.flatMap((r) => presented.get(`${r.type}:${r.id}`) ?? []);
  const total = Object.values(facets).reduce((a, b) => a + b, 0);
  return { total, facets, years, hits };
}

const time = (at: string | Date | null) => (at === null ? -Infinity : new Date(at).getTime());

function byRank(
  a: { type: string; id: number; at: string | Date | null; score: number },
  b: { type: string; id: number; at: string | Date | null; score: number },
): number {
  return (
    Number(b.score) - Number(a.score) ||
    time(b.at) - time(a.at) ||
    a.type.localeCompare(b.type) ||
    Number(b.id) - Number(a.id)
  );
}
