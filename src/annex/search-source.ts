import { and, inArray, type SQL, sql } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import { inReaderSpaces } from "../core/access/sql.js";
import { HEADLINE_OPTIONS } from "../core/db/columns.js";
import { rowsOf } from "../core/db/index.js";
import {
  NO_FACETS,
  NO_MATCHES,
  SEARCH_CONFIG,
  type SearchFilter,
  type SearchSource,
} from "../core/search-source.js";
import { readAnnex } from "./policy.js";
import { annexEntries, annexVersions } from "./schema.js";

/**
 * The one search finds entries of the latest version of the Annex only (older versions hold the
 * same entries again), for the Partners' people; the Annex is public text (no portion markings).
 */
function matches(reader: Reader, query: SQL, f: SearchFilter): SQL | null {
  if (f.kind || f.meetingId || f.originator || f.marking) return null;
  if (!readAnnex.allows(reader)) return NO_MATCHES;
  const latest = sql`(select ${annexVersions.id} from ${annexVersions} where ${inReaderSpaces(reader, annexVersions.space)}
    order by ${annexVersions.asOf} desc, ${annexVersions.id} desc limit 1)`;
  const conds: SQL[] = [sql`${annexEntries.versionId} = ${latest}`, sql`${annexEntries.search} @@ ${query}`];
  const at = sql`(select ${annexVersions.asOf}::timestamptz from ${annexVersions} where ${annexVersions.id} = ${annexEntries.versionId})`;
  if (f.from) conds.push(sql`${at} >= ${`${f.from}T00:00:00Z`}::timestamptz`);
  if (f.to) conds.push(sql`${at} <= ${`${f.to}T23:59:59Z`}::timestamptz`);
  return sql`select ${annexEntries.id} as id, ${at} as at, ts_rank_cd(${annexEntries.search}, ${query}) as score, ${NO_FACETS}
    from ${annexEntries} where ${and(...conds)}`;
}

export const annexSearch: SearchSource = {
  type: "annex",
  label: "Annex entries",
  matches,
  async present(db, reader, query, page) {
    if (!readAnnex.allows(reader) || page.length === 0) return [];
    const rows = await rowsOf<{
      id: number;
      number: string;
      text: string;
      label: string;
      snippet: string | null;
    }>(
      db,
      sql`select e.id, e.number, e.text, v.label,
          ts_headline(${SEARCH_CONFIG}, e.number || ' ' || e.text, ${query}, ${HEADLINE_OPTIONS}) as snippet
        from ${annexEntries} e join ${annexVersions} v on v.id = e.version_id
        where ${inArray(
          sql`e.id`,
          page.map((m) => m.id),
        )} and ${inReaderSpaces(reader, sql`v.space`)}`,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return page.flatMap((m) => {
      const r = byId.get(m.id);
      if (!r) return [];
      return [
        {
          type: "annex",
          id: m.id,
          ref: r.number,
          href: `/annex/entries/${r.number}`,
          title: `${r.number} ${r.text}`.slice(0, 200),
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
