import { and, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import { withinClearance } from "../core/access/sql.js";
import { HEADLINE_OPTIONS } from "../core/db/columns.js";
import { rowsOf } from "../core/db/index.js";
import { markingCode, SEARCH_CONFIG, type SearchFilter, type SearchSource } from "../core/search-source.js";
import { paperLabel, paperRef } from "./rules.js";
import { paperPortions, papers } from "./schema.js";
import { visiblePaperPortions } from "./visibility.js";

const day = (d: string, end: boolean) => new Date(`${d}T${end ? "23:59:59.999" : "00:00:00"}Z`);

const REGIME_CODES = REGIME_LADDER.levels.map((l) => l.code);

/**
 * Papers are matched in their portions alone: each portion carries copies of its paper's access
 * columns and of those search counts (kept by a trigger, decisions 0008 and 0019), so the register
 * is read only for the page shown. Matching does not rank: `rank` scores the bounded candidates.
 */
function matches(reader: Reader, query: SQL, f: SearchFilter): SQL | null {
  const conds: SQL[] = [
    visiblePaperPortions(reader),
    withinClearance(reader, paperPortions.space, paperPortions.rank),
    sql`${paperPortions.search} @@ ${query}`,
  ];
  if (f.kind)
    conds.push(
      sql`${paperPortions.paperId} in (select ${papers.id} from ${papers} where ${eq(papers.kind, f.kind as never)})`,
    );
  if (f.meetingId) conds.push(eq(paperPortions.paperMeetingId, f.meetingId));
  if (f.marking) conds.push(eq(paperPortions.paperBanner, REGIME_CODES.indexOf(f.marking.toUpperCase())));
  if (f.originator) conds.push(eq(paperPortions.paperGovernment, f.originator.toUpperCase()));
  if (f.from) conds.push(gte(paperPortions.paperCreatedAt, day(f.from, false)));
  if (f.to) conds.push(lte(paperPortions.paperCreatedAt, day(f.to, true)));
  return sql`select ${paperPortions.paperId} as id, max(${paperPortions.paperCreatedAt}) as at,
      null::real as score, max(${paperPortions.paperGovernment}) as originator,
      ${markingCode(REGIME_CODES, sql`max(${paperPortions.paperBanner})`)} as marking,
      max(${paperPortions.paperMeetingId}) as meeting
    from ${paperPortions} where ${and(...conds)} group by ${paperPortions.paperId}`;
}

/** The candidates' rank: their best portion the reader may see. */
function rank(reader: Reader, query: SQL, ids: SQL): SQL {
  return sql`select ${paperPortions.paperId} as id, max(ts_rank_cd(${paperPortions.search}, ${query})) as score
    from ${paperPortions}
    where ${paperPortions.paperId} in (${ids}) and ${visiblePaperPortions(reader)}
      and ${withinClearance(reader, paperPortions.space, paperPortions.rank)} and ${paperPortions.search} @@ ${query}
    group by ${paperPortions.paperId}`;
}

export const paperSearch: SearchSource = {
  type: "paper",
  matches,
  rank,
  async present(db, reader, query, page) {
    const ids = page.map((m) => m.id);
    const clearance = withinClearance(reader, paperPortions.space, paperPortions.rank);
    const rows = await rowsOf<{
      id: number;
      number: number | null;
      kind: string;
      government: string;
      banner: number;
      title_rank: number;
      title: string | null;
      snippet: string | null;
    }>(
      db,
      sql`select p.id, p.number, p.kind::text as kind, p.government_code as government, p.banner,
          p.title_rank,
          (select ${paperPortions.body} from ${paperPortions}
            where ${paperPortions.paperId} = p.id and ${paperPortions.part} = 'title' limit 1) as title,
          (select ts_headline(${SEARCH_CONFIG}, coalesce(${paperPortions.heading} || ' ', '') || ${paperPortions.body}, ${query}, ${HEADLINE_OPTIONS})
            from ${paperPortions} where ${paperPortions.paperId} = p.id and ${clearance} and ${paperPortions.search} @@ ${query}
            order by ts_rank_cd(${paperPortions.search}, ${query}) desc limit 1) as snippet
        from ${papers} p where ${inArray(sql`p.id`, ids)}`,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return page.flatMap((m) => {
      const r = byId.get(m.id);
      if (!r) return [];
      const withheld = r.title_rank > reader.regimeClearance;
      return [
        {
          type: "paper",
          id: m.id,
          ref: paperLabel(r.number),
          href: `/papers/${paperRef({ id: r.id, number: r.number })}`,
          title: withheld ? null : r.title,
          titleWithheld: withheld,
          kind: r.kind,
          originator: r.government,
          date: m.at ? new Date(m.at).toISOString() : null,
          marking: levelAt(REGIME_LADDER, r.banner).code,
          score: m.score,
          snippet: r.snippet,
        },
      ];
    });
  },
};
