import { inArray, type SQL, sql } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import { HEADLINE_OPTIONS } from "../core/db/columns.js";
import { rowsOf } from "../core/db/index.js";
import {
  NO_FACETS,
  NO_MATCHES,
  SEARCH_CONFIG,
  type SearchFilter,
  type SearchSource,
} from "../core/search-source.js";
import { readCandidacies } from "./policy.js";

/**
 * The one search finds candidacies by the government's name and the regime's record of their
 * history (its sources and notes), for the Partners' people. A Partner's own view is never searched
 * here: it is national, and not the regime's record. Candidacies are few: the text is built as read.
 */
const DOC = sql`(g.name || ' ' || coalesce(c.note, '') || ' ' || coalesce((select string_agg(coalesce(e.source, '') || ' ' || coalesce(e.note, ''), ' ') from candidacy_events e where e.candidacy_id = c.id), ''))`;

function matches(reader: Reader, query: SQL, f: SearchFilter): SQL | null {
  if (f.kind || f.meetingId || f.originator || f.marking) return null;
  if (!readCandidacies.allows(reader)) return NO_MATCHES;
  const conds: SQL[] = [
    sql`c.space = 'regime'`,
    sql`to_tsvector(${SEARCH_CONFIG}::regconfig, ${DOC}) @@ ${query}`,
  ];
  if (f.from) conds.push(sql`c.applied_on >= ${f.from}::date`);
  if (f.to) conds.push(sql`c.applied_on <= ${f.to}::date`);
  return sql`select c.id as id, c.applied_on::timestamptz as at,
      ts_rank_cd(to_tsvector(${SEARCH_CONFIG}::regconfig, ${DOC}), ${query}) as score, ${NO_FACETS}
    from candidacies c join governments g on g.code = c.government_code
    where ${sql.join(conds, sql` and `)}`;
}

export const candidacySearch: SearchSource = {
  type: "candidacy",
  label: "candidacies",
  matches,
  async present(db, reader, query, page) {
    if (!readCandidacies.allows(reader) || page.length === 0) return [];
    const rows = await rowsOf<{ id: number; name: string; state: string; snippet: string | null }>(
      db,
      sql`select c.id, g.name, c.state,
          ts_headline(${SEARCH_CONFIG}::regconfig, ${DOC}, ${query}, ${HEADLINE_OPTIONS}) as snippet
        from candidacies c join governments g on g.code = c.government_code
        where c.space = 'regime' and ${inArray(
          sql`c.id`,
          page.map((m) => m.id),
        )}`,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return page.flatMap((m) => {
      const r = byId.get(m.id);
      if (!r) return [];
      return [
        {
          type: "candidacy",
          id: m.id,
          ref: `Candidacy ${m.id}`,
          href: `/candidacies/${m.id}`,
          title: `Candidacy of ${r.name} (${r.state})`,
          titleWithheld: false,
          kind: null,
          originator: null,
          date: m.at ? new Date(m.at).toISOString() : null,
          marking: "PUBLIC",
          score: m.score,
          snippet: r.snippet,
        },
      ];
    });
  },
};
