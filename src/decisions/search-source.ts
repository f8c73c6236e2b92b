import { inArray, type SQL, sql } from "drizzle-orm";
import { REGIME_LADDER } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import { HEADLINE_OPTIONS } from "../core/db/columns.js";
import { rowsOf } from "../core/db/index.js";
import {
  markingCode,
  NO_MATCHES,
  SEARCH_CONFIG,
  type SearchFilter,
  type SearchSource,
} from "../core/search-source.js";
import { readDecisions } from "./policy.js";
import { visibleProposals } from "./queries.js";
import { proposals } from "./schema.js";

/**
 * The one search finds proposals by their title, their text and the outcome recorded, for the
 * Partners' people, among the proposals they may see (a draft only by its government and the Point
 * of Contact). A portion above the reader's regime clearance is not in the text searched, so it
 * never matches nor shows in a snippet; a title above it is withheld and not searched.
 */
const doc = (clearance: number) => sql`(
  case when ${proposals.titleRank} <= ${clearance}::int then ${proposals.title} else '' end || ' ' ||
  coalesce((select string_agg(p->>'text', ' ') from jsonb_array_elements(${proposals.portions}) p
    where (p->>'rank')::int <= ${clearance}::int), '') || ' ' ||
  coalesce(${proposals.outcomeNote}, ''))`;

const NONE = NO_MATCHES;

const REGIME_CODES = REGIME_LADDER.levels.map((l) => l.code);

function matches(reader: Reader, query: SQL, f: SearchFilter): SQL | null {
  if (f.kind || f.originator) return null;
  if (!readDecisions.allows(reader)) return NONE;
  const d = doc(reader.regimeClearance);
  const conds: SQL[] = [
    visibleProposals(reader),
    sql`to_tsvector(${SEARCH_CONFIG}::regconfig, ${d}) @@ ${query}`,
  ];
  if (f.meetingId) conds.push(sql`${proposals.meetingId} = ${f.meetingId}`);
  if (f.from) conds.push(sql`${proposals.createdAt} >= ${f.from}::date`);
  if (f.to) conds.push(sql`${proposals.createdAt} < ${f.to}::date + 1`);
  if (f.marking) {
    const rank = REGIME_LADDER.levels.findIndex((l) => l.code === f.marking?.toUpperCase());
    if (rank < 0) return null;
    conds.push(sql`${proposals.banner} = ${rank}`);
  }
  return sql`select ${proposals.id} as id, ${proposals.createdAt} as at,
      ts_rank_cd(to_tsvector(${SEARCH_CONFIG}::regconfig, ${d}), ${query}) as score,
      null::text as originator, ${markingCode(REGIME_CODES, proposals.banner)} as marking,
      ${proposals.meetingId} as meeting
    from ${proposals} where ${sql.join(conds, sql` and `)}`;
}

export const decisionSearch: SearchSource = {
  type: "decision",
  label: "decisions",
  matches,
  async present(db, reader, query, page) {
    if (!readDecisions.allows(reader) || page.length === 0) return [];
    const rows = await rowsOf<{
      id: number;
      title: string | null;
      state: string;
      proposer: string;
      banner: number;
      snippet: string | null;
    }>(
      db,
      sql`select ${proposals.id} as id,
          case when ${proposals.titleRank} <= ${reader.regimeClearance}::int then ${proposals.title} end as title,
          ${proposals.state} as state, ${proposals.proposer} as proposer, ${proposals.banner} as banner,
          ts_headline(${SEARCH_CONFIG}::regconfig, ${doc(reader.regimeClearance)}, ${query}, ${HEADLINE_OPTIONS}) as snippet
        from ${proposals}
        where ${visibleProposals(reader)} and ${inArray(
          proposals.id,
          page.map((m) => m.id),
        )}`,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return page.flatMap((m) => {
      const r = byId.get(m.id);
      if (!r) return [];
      return [
        {
          type: "decision",
          id: m.id,
          ref: `Proposal ${m.id}`,
          href: `/decisions/${m.id}`,
          title: r.title,
          titleWithheld: r.title === null,
          kind: r.state,
          originator: r.proposer,
          date: m.at ? new Date(m.at).toISOString() : null,
          marking: REGIME_LADDER.levels[Number(r.banner)]?.code ?? "RC",
          score: m.score,
          snippet: r.snippet,
        },
      ];
    });
  },
};
