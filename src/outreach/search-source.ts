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
import { readOutreach } from "./policy.js";
import { daysText } from "./rules.js";

/**
 * The one search finds outreach visits by host, place, authorities, delegation, aims and the
 * talking points the reader is cleared for, for the Partners' people only. A point above the
 * reader's regime clearance is not in the text searched, so it never matches nor shows in a snippet.
 */
const doc = (clearance: number) => sql`(g.name || ' ' || v.city || ' ' ||
  coalesce((select string_agg(x, ' ') from jsonb_array_elements_text(v.authorities) x), '') || ' ' ||
  coalesce((select string_agg(x, ' ') from jsonb_array_elements_text(v.delegation) x), '') || ' ' ||
  coalesce((select string_agg(a->>'text', ' ') from jsonb_array_elements(v.aims) a), '') || ' ' ||
  coalesce((select string_agg(p->>'text', ' ') from jsonb_array_elements(v.points) p
    where (p->>'rank')::int <= ${clearance}::int), ''))`;

function matches(reader: Reader, query: SQL, f: SearchFilter): SQL | null {
  if (f.kind || f.meetingId || f.originator) return null;
  if (!readOutreach.allows(reader)) return NO_MATCHES;
  const d = doc(reader.regimeClearance);
  const conds: SQL[] = [
    sql`v.space = 'regime'`,
    sql`to_tsvector(${SEARCH_CONFIG}::regconfig, ${d}) @@ ${query}`,
  ];
  if (f.from) conds.push(sql`v.first_day >= ${f.from}::date`);
  if (f.to) conds.push(sql`v.first_day <= ${f.to}::date`);
  if (f.marking) {
    const rank = ["PUBLIC", "RR", "RC"].indexOf(f.marking.toUpperCase());
    conds.push(sql`v.banner = ${rank}`);
  }
  return sql`select v.id as id, v.first_day::timestamptz as at,
      ts_rank_cd(to_tsvector(${SEARCH_CONFIG}::regconfig, ${d}), ${query}) as score,
      null::text as originator, ${markingCode(
        REGIME_LADDER.levels.map((l) => l.code),
        sql`v.banner`,
      )} as marking,
      null::int as meeting
    from outreach_visits v join governments g on g.code = v.government_code
    where ${sql.join(conds, sql` and `)}`;
}

export const outreachSearch: SearchSource = {
  type: "outreach",
  label: "outreach visits",
  matches,
  async present(db, reader, query, page) {
    if (!readOutreach.allows(reader) || page.length === 0) return [];
    const rows = await rowsOf<{
      id: number;
      name: string;
      city: string;
      first_day: string;
      last_day: string;
      banner: number;
      snippet: string | null;
    }>(
      db,
      sql`select v.id, g.name, v.city, v.first_day::text as first_day, v.last_day::text as last_day, v.banner,
          ts_headline(${SEARCH_CONFIG}::regconfig, ${doc(reader.regimeClearance)}, ${query}, ${HEADLINE_OPTIONS}) as snippet
        from outreach_visits v join governments g on g.code = v.government_code
        where v.space = 'regime' and ${inArray(
          sql`v.id`,
          page.map((m) => m.id),
        )}`,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return page.flatMap((m) => {
      const r = byId.get(m.id);
      if (!r) return [];
      return [
        {
          type: "outreach",
          id: m.id,
          ref: `Outreach visit ${m.id}`,
          href: `/outreach/${m.id}`,
          title: `Outreach visit to ${r.name} (${r.city}, ${daysText(r.first_day, r.last_day)})`,
          titleWithheld: false,
          kind: null,
          originator: null,
          date: m.at ? new Date(m.at).toISOString() : null,
          marking: ["PUBLIC", "RR", "RC"][Number(r.banner)] ?? "RR",
          score: m.score,
          snippet: r.snippet,
        },
      ];
    });
  },
};
