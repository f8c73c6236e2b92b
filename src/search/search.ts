import { and, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import { inReaderSpaces, withinClearance } from "../core/access/sql.js";
import { HEADLINE_OPTIONS } from "../core/db/columns.js";
import type { Queryable } from "../core/db/index.js";
import { rowsOf } from "../core/db/index.js";
import { visiblePaperPortions } from "../papers/register.js";
import { paperLabel } from "../papers/rules.js";
import { paperPortions, papers } from "../papers/schema.js";
import { telegrams, telegramTexts } from "../telegram/archive/schema.js";

export type SearchType = "paper" | "telegram";

export interface SearchFilter {
  q: string;
  type?: SearchType | undefined;
  kind?: string | undefined;
  meetingId?: number | undefined;
  originator?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only records whose banner is this marking (regime ladder for papers, the reader's for telegrams). */
  marking?: string | undefined;
  limit: number;
  offset: number;
}

export interface SearchHit {
  type: SearchType;
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

/**
 * Papers and telegrams matching `q`, as far as the reader may see them. Access is part of the
 * query: a record outside the reader's spaces, and a portion above the reader's clearance, never
 * matches, counts or appears in a snippet.
 */
export async function search(db: Queryable, reader: Reader, f: SearchFilter) {
  const query = sql`websearch_to_tsquery('english', ${f.q})`;
  const day = (d: string, end: boolean) => new Date(`${d}T${end ? "23:59:59.999" : "00:00:00"}Z`);

  // Papers are matched in their portions alone: each portion carries copies of its paper's
  // access columns (kept by a trigger), so the register is read only for the page shown and for
  // the filters that need it.
  const paperConds: SQL[] = [
    visiblePaperPortions(reader),
    withinClearance(reader, paperPortions.space, paperPortions.rank),
    sql`${paperPortions.search} @@ ${query}`,
  ];
  const registerConds: SQL[] = [];
  if (f.kind) registerConds.push(eq(papers.kind, f.kind as never));
  if (f.meetingId) registerConds.push(eq(papers.meetingId, f.meetingId));
  if (f.marking) {
    const r = REGIME_LADDER.levels.findIndex((l) => l.code === f.marking!.toUpperCase());
    registerConds.push(eq(papers.banner, r));
  }
  if (registerConds.length > 0)
    paperConds.push(
      sql`${paperPortions.paperId} in (select ${papers.id} from ${papers} where ${and(...registerConds)})`,
    );
  if (f.originator) paperConds.push(eq(paperPortions.paperGovernment, f.originator.toUpperCase()));
  if (f.from) paperConds.push(gte(paperPortions.paperCreatedAt, day(f.from, false)));
  if (f.to) paperConds.push(lte(paperPortions.paperCreatedAt, day(f.to, true)));

  const telConds: SQL[] = [
    inReaderSpaces(reader, telegrams.space),
    withinClearance(reader, telegramTexts.space, telegramTexts.rank),
    sql`${telegramTexts.search} @@ ${query}`,
  ];
  if (f.originator)
    telConds.push(sql`${telegrams.originator} ilike ${`%${f.originator.replace(/[%_\\]/g, "\\$&")}%`}`);
  if (f.from) telConds.push(gte(telegrams.sentAt, day(f.from, false)));
  if (f.to) telConds.push(lte(telegrams.sentAt, day(f.to, true)));
  if (f.marking) {
    const r = reader.government.ladder.levels.findIndex((l) => l.code === f.marking!.toUpperCase());
    telConds.push(eq(telegrams.banner, r));
  }
  const wantPapers = f.type !== "telegram";
  // Telegrams have no meeting or paper kind: those filters leave them out.
  const wantTelegrams = f.type !== "paper" && !f.kind && !f.meetingId;

  const paperHits = sql`select 'paper' as type, ${paperPortions.paperId} as id, max(${paperPortions.paperCreatedAt}) as at,
      max(ts_rank_cd(${paperPortions.search}, ${query})) as score
    from ${paperPortions}
    where ${and(...paperConds)}
    group by ${paperPortions.paperId}`;
  const telegramHits = sql`select 'telegram' as type, ${telegrams.id} as id, ${telegrams.sentAt} as at,
      max(ts_rank_cd(${telegramTexts.search}, ${query})) as score
    from ${telegrams} join ${telegramTexts} on ${telegramTexts.telegramId} = ${telegrams.id}
    where ${and(...telConds)}
    group by ${telegrams.id}`;
  const parts = [wantPapers ? paperHits : null, wantTelegrams ? telegramHits : null].filter(
    (p): p is SQL => p !== null,
  );
  if (parts.length === 0) return { total: 0, facets: { paper: 0, telegram: 0 }, hits: [] as SearchHit[] };
  const hits = sql.join(parts, sql` union all `);

  const paperClearance = withinClearance(reader, paperPortions.space, paperPortions.rank);
  const telegramClearance = withinClearance(reader, telegramTexts.space, telegramTexts.rank);
  // One statement: the hits, their counts by type, and for the page alone the title and the best
  // snippet, each drawn only from portions the reader may see.
  const rows = await rowsOf<{
    type: SearchType;
    id: number;
    ref: string;
    kind: string | null;
    originator: string | null;
    at: string | Date | null;
    banner: number;
    title_rank: number;
    score: number;
    papers_n: number;
    telegrams_n: number;
    title: string | null;
    snippet: string | null;
  }>(
    db,
    sql`with hits as (${hits}),
      page as (select * from hits order by score desc, at desc nulls last, id desc limit ${f.limit} offset ${f.offset})
    select page.type, page.id, page.at, page.score,
      case when page.type = 'paper' then p.number::text else coalesce(t.message_ref, t.id::text) end as ref,
      p.kind::text as kind,
      case when page.type = 'paper' then p.government_code else t.originator end as originator,
      case when page.type = 'paper' then p.banner else t.banner end as banner,
      case when page.type = 'paper' then p.title_rank else t.subject_rank end as title_rank,
      (select count(*)::int from hits where type = 'paper') as papers_n,
      (select count(*)::int from hits where type = 'telegram') as telegrams_n,
      case when page.type = 'paper'
        then (select ${paperPortions.body} from ${paperPortions} where ${paperPortions.paperId} = page.id and ${paperPortions.part} = 'title' limit 1)
        else t.subject end as title,
      case when page.type = 'paper'
        then (select ts_headline('english', coalesce(${paperPortions.heading} || ' ', '') || ${paperPortions.body}, ${query}, ${HEADLINE_OPTIONS})
                from ${paperPortions} where ${paperPortions.paperId} = page.id and ${paperClearance} and ${paperPortions.search} @@ ${query}
                order by ts_rank_cd(${paperPortions.search}, ${query}) desc limit 1)
        else (select ts_headline('english', ${telegramTexts.body}, ${query}, ${HEADLINE_OPTIONS})
                from ${telegramTexts} where ${telegramTexts.telegramId} = page.id and ${telegramClearance} and ${telegramTexts.search} @@ ${query}
                order by ts_rank_cd(${telegramTexts.search}, ${query}) desc limit 1) end as snippet
    from page
      left join ${papers} p on page.type = 'paper' and p.id = page.id
      left join ${telegrams} t on page.type = 'telegram' and t.id = page.id
    order by page.score desc, page.at desc nulls last, page.id desc`,
  );
  let facets = { paper: 0, telegram: 0 };
  if (rows[0]) facets = { paper: rows[0].papers_n, telegram: rows[0].telegrams_n };
  else if (f.offset > 0) {
    // Past the last page: the counts still say how many there are.
    const counts = await rowsOf<{ type: SearchType; n: number }>(
      db,
      sql`select type, count(*)::int as n from (${hits}) h group by type`,
    );
    for (const c of counts) facets[c.type] = c.n;
  }
  const out: SearchHit[] = rows.map((h) => {
    const clearance = h.type === "paper" ? reader.regimeClearance : reader.nationalClearance;
    const ladder = h.type === "paper" ? REGIME_LADDER : reader.government.ladder;
    const withheld = h.title_rank > clearance;
    return {
      type: h.type,
      id: h.id,
      ref: h.type === "paper" ? paperLabel(Number(h.ref)) : h.ref,
      href: h.type === "paper" ? `/papers/${h.ref}` : `/telegrams/${h.id}`,
      title: withheld ? null : h.title,
      titleWithheld: withheld,
      kind: h.kind,
      originator: h.originator,
      date: h.at ? new Date(h.at).toISOString() : null,
      marking: levelAt(ladder, h.banner).code,
      score: Number(h.score),
      snippet: h.snippet,
    };
  });
  return { total: facets.paper + facets.telegram, facets, hits: out };
}
