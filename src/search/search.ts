import { type SQL, sql } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import { inReaderSpaces } from "../core/access/sql.js";
import { type Queryable, rowsOf } from "../core/db/index.js";
import { invalid } from "../core/errors.js";
import {
  type FacetCount,
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

/**
 * How many of the newest matches are ranked by relevance (decision 0019): the first pages hold
 * them, best first; the matches beyond follow, newest first. Ranking reads each candidate's text,
 * so its cost is bounded by this and not by how common the words are.
 */
export const RANKED = 1000;

export interface SearchResult {
  total: number;
  /** Matches per record type, of every source (0 where none). */
  facets: Record<string, number>;
  /** Matches per year of their date, newest first (those without a date not counted). */
  years: { year: number; count: number }[];
  /** Matches by meeting, by originator (the commonest ten of each) and by banner marking. */
  meetings: FacetCount[];
  originators: FacetCount[];
  markings: FacetCount[];
  /** How many of the newest matches were ranked by relevance; those past them are newest first. */
  ranked: number;
  hits: SearchHit[];
}

type Row = {
  facet: string;
  type: string | null;
  id: number | null;
  at: string | Date | null;
  score: number | null;
  value: string | null;
  label: string | null;
  n: number | null;
};

/**
 * The records of every source matching `q`, as far as the reader may see them. Each source puts
 * the reader's access in its own matches; one statement counts them by type, year, meeting,
 * originator and marking, ranks the newest `RANKED` of them and takes the page, and each source
 * then presents its part of the page.
 */
export async function search(
  db: Queryable,
  reader: Reader,
  sources: readonly SearchSource[],
  f: SearchFilter & { ranked?: number },
): Promise<SearchResult> {
  const words = parseQuery(f.q);
  if ("problem" in words) throw invalid("q", words.problem);
  const query = tsqueryOf(words);
  const ranked = f.ranked ?? RANKED;
  const facets: Record<string, number> = Object.fromEntries(sources.map((s) => [s.type, 0]));
  const parts: SQL[] = [];
  const ranks: SQL[] = [];
  for (const s of sources) {
    if (f.type && f.type !== s.type) continue;
    if (f.tags?.length && !s.fields?.includes("tags")) continue;
    const m = s.matches(reader, query, f);
    if (!m) continue;
    parts.push(
      sql`select ${s.type}::text as type, h.id, h.at, h.score::real as score, h.originator::text as originator,
        h.marking::text as marking, h.meeting::int as meeting from (${m}) h`,
    );
    const ids = sql`select c.id from cands c where c.type = ${s.type}`;
    ranks.push(
      s.rank
        ? sql`select ${s.type}::text as type, r.id, r.score::real as score from (${s.rank(reader, query, ids)}) r`
        : sql`select h.type, h.id, h.score from hits h where h.type = ${s.type} and h.id in (${ids})`,
    );
  }
  const empty = {
    total: 0,
    facets,
    years: [],
    meetings: [],
    originators: [],
    markings: [],
    ranked: 0,
    hits: [],
  };
  if (parts.length === 0) return empty;
  // Within the candidates the page is in order of rank; past them, in order of date. Which of the
  // two a page needs is known before asking, so a page of candidates never sorts every match.
  const order = sql`order by score desc nulls last, at desc nulls last, type, id desc`;
  const past = Math.max(0, f.offset - ranked);
  const page =
    f.offset + f.limit <= ranked
      ? sql`select c.type, c.id, c.at, coalesce(r.score, 0)::real as score from cands c left join ranked r on r.type = c.type and r.id = c.id
          ${order} limit ${f.limit} offset ${f.offset}`
      : sql`(select c.type, c.id, c.at, coalesce(r.score, 0)::real as score from cands c left join ranked r on r.type = c.type and r.id = c.id
            ${order} offset ${f.offset})
          union all
          (select h.type, h.id, h.at, null::real as score from hits h
            where not exists (select 1 from cands c where c.type = h.type and c.id = h.id)
            order by h.at desc nulls last, h.type, h.id desc limit ${f.offset + f.limit - Math.max(f.offset, ranked)} offset ${past})`;
  const rows = await rowsOf<Row>(
    db,
    sql`with hits as materialized (${sql.join(parts, sql` union all `)}),
      cands as (select type, id, at from hits order by at desc nulls last, type, id desc limit ${ranked}),
      ranked as (${sql.join(ranks, sql` union all `)}),
      page as (${page})
    select 'hit' as facet, page.type, page.id, page.at, page.score, null::text as value, null::text as label, null::int as n
      from (select * from page limit ${f.limit}) page
    union all select 'type', type, null, null, null, null, null, count(*)::int from hits group by type
    union all select 'year', null, null, null, null, extract(year from at at time zone 'UTC')::int::text, null, count(*)::int
      from hits where at is not null group by 6
    union all (select 'originator', null, null, null, null, originator, null, count(*)::int
      from hits where originator is not null group by originator order by 8 desc, 6 limit 10)
    union all select 'marking', null, null, null, null, marking, null, count(*)::int
      from hits where marking is not null group by marking
    union all (select 'meeting', null, null, null, null, m.id::text, m.title, count(*)::int
      from hits h join meetings m on m.id = h.meeting and ${inReaderSpaces(reader, sql`m.space`)}
      group by m.id, m.title order by 8 desc, 6 limit 10)`,
  );
  const of = (facet: string) => rows.filter((r) => r.facet === facet);
  const counts = (facet: string): FacetCount[] =>
    of(facet)
      .map((r) => ({ value: String(r.value), ...(r.label ? { label: r.label } : {}), count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  for (const r of of("type")) facets[String(r.type)] = Number(r.n);
  const years = of("year")
    .map((r) => ({ year: Number(r.value), count: Number(r.n) }))
    .sort((a, b) => b.year - a.year);
  // The union keeps no order: the page is sorted again by the same keys.
  const hitRows = of("hit").sort(byRank);
  const byType = new Map<string, SearchMatch[]>();
  for (const r of hitRows) {
    const list = byType.get(String(r.type)) ?? [];
    list.push({ id: Number(r.id), at: r.at, score: Number(r.score ?? 0) });
    byType.set(String(r.type), list);
  }
  const presented = new Map<string, SearchHit>();
  for (const s of sources) {
    const matches = byType.get(s.type);
    if (!matches) continue;
    for (const hit of await s.present(db, reader, query, matches)) presented.set(`${s.type}:${hit.id}`, hit);
  }
  const hits = hitRows.flatMap((r) => presented.get(`${r.type}:${r.id}`) ?? []);
  const total = Object.values(facets).reduce((a, b) => a + b, 0);
  return {
    total,
    facets,
    years,
    meetings: counts("meeting"),
    originators: counts("originator"),
    markings: counts("marking"),
    ranked: Math.min(total, ranked),
    hits,
  };
}

const time = (at: string | Date | null) => (at === null ? -Infinity : new Date(at).getTime());

/** Candidates (a score) by rank first, then the rest by date: the order the statement pages in. */
function byRank(a: Row, b: Row): number {
  const ranked = (r: Row) => r.score !== null;
  return (
    Number(ranked(b)) - Number(ranked(a)) ||
    Number(b.score ?? 0) - Number(a.score ?? 0) ||
    time(b.at) - time(a.at) ||
    String(a.type).localeCompare(String(b.type)) ||
    Number(b.id) - Number(a.id)
  );
}
