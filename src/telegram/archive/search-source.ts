import { and, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { levelAt } from "../../core/access/markings.js";
import type { Reader } from "../../core/access/reader.js";
import { inReaderSpaces, withinClearance } from "../../core/access/sql.js";
import { HEADLINE_OPTIONS } from "../../core/db/columns.js";
import { rowsOf } from "../../core/db/index.js";
import {
  markingCode,
  SEARCH_CONFIG,
  type SearchFilter,
  type SearchSource,
} from "../../core/search-source.js";
import { telegrams, telegramTexts } from "./schema.js";

const day = (d: string, end: boolean) => new Date(`${d}T${end ? "23:59:59.999" : "00:00:00"}Z`);

/** Telegrams are matched in their texts, one per marking, within the reader's national space. */
function matches(reader: Reader, query: SQL, f: SearchFilter): SQL | null {
  // Telegrams have no meeting or paper kind: those filters leave them out.
  if (f.kind || f.meetingId) return null;
  const conds: SQL[] = [inReaderSpaces(reader, telegrams.space)];
  if (f.originator)
    conds.push(sql`${telegrams.originator} ilike ${`%${f.originator.replace(/[%_\\]/g, "\\$&")}%`}`);
  if (f.tags?.length)
    conds.push(
      sql`${telegrams.tags} @> array[${sql.join(
        f.tags.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`,
    );
  if (f.from) conds.push(gte(telegrams.sentAt, day(f.from, false)));
  if (f.to) conds.push(lte(telegrams.sentAt, day(f.to, true)));
  if (f.marking) {
    const code = f.marking.toUpperCase();
    conds.push(
      eq(
        telegrams.banner,
        reader.government.ladder.levels.findIndex((l) => l.code === code),
      ),
    );
  }
  // A telegram matches once, however many of its texts do: the texts are tested in a semi-join.
  const texts = sql`exists (select 1 from ${telegramTexts} where ${telegramTexts.telegramId} = ${telegrams.id}
    and ${withinClearance(reader, telegramTexts.space, telegramTexts.rank)} and ${telegramTexts.search} @@ ${query})`;
  return sql`select ${telegrams.id} as id, ${telegrams.sentAt} as at, null::real as score,
      ${telegrams.originator} as originator,
      ${markingCode(
        reader.government.ladder.levels.map((l) => l.code),
        telegrams.banner,
      )} as marking, null::int as meeting
    from ${telegrams} where ${and(...conds, texts)}`;
}

/** The candidates' rank: their best text the reader may see. */
function rank(reader: Reader, query: SQL, ids: SQL): SQL {
  return sql`select ${telegramTexts.telegramId} as id, max(ts_rank_cd(${telegramTexts.search}, ${query})) as score
    from ${telegramTexts}
    where ${telegramTexts.telegramId} in (${ids})
      and ${withinClearance(reader, telegramTexts.space, telegramTexts.rank)} and ${telegramTexts.search} @@ ${query}
    group by ${telegramTexts.telegramId}`;
}

export const telegramSearch: SearchSource = {
  fields: ["tags"],
  type: "telegram",
  label: "telegrams",
  matches,
  rank,
  async present(db, reader, query, page) {
    const ids = page.map((m) => m.id);
    const clearance = withinClearance(reader, telegramTexts.space, telegramTexts.rank);
    const rows = await rowsOf<{
      id: number;
      ref: string;
      originator: string | null;
      banner: number;
      subject_rank: number;
      subject: string | null;
      snippet: string | null;
    }>(
      db,
      sql`select t.id, coalesce(t.message_ref, t.id::text) as ref, t.originator, t.banner, t.subject_rank, t.subject,
          (select ts_headline(${SEARCH_CONFIG}, ${telegramTexts.body}, ${query}, ${HEADLINE_OPTIONS})
            from ${telegramTexts} where ${telegramTexts.telegramId} = t.id and ${clearance} and ${telegramTexts.search} @@ ${query}
            order by ts_rank_cd(${telegramTexts.search}, ${query}) desc limit 1) as snippet
        from ${telegrams} t where ${inArray(sql`t.id`, ids)} and ${inReaderSpaces(reader, sql`t.space`)}`,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return page.flatMap((m) => {
      const r = byId.get(m.id);
      if (!r) return [];
      const withheld = r.subject_rank > reader.nationalClearance;
      return [
        {
          type: "telegram",
          id: m.id,
          ref: r.ref,
          href: `/telegrams/${m.id}`,
          title: withheld ? null : r.subject,
          titleWithheld: withheld,
          kind: null,
          originator: r.originator,
          date: m.at ? new Date(m.at).toISOString() : null,
          marking: levelAt(reader.government.ladder, r.banner).code,
          score: m.score,
          snippet: r.snippet,
        },
      ];
    });
  },
};
