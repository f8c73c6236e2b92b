import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { levelAt } from "../core/access/markings.js";
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
import { visibleGuidance, visibleReports } from "./queries.js";
import { guidance, guidanceReports } from "./schema.js";
import { serialText } from "./telegram.js";

/**
 * The one search finds a government's guidance and its representatives' reports, for the
 * government's own people who may read them (`visibleGuidance`, `visibleReports`: at the post only
 * released guidance). Both hold portions marked on the government's national ladder, anywhere in
 * their content: every `{ text, marking }` object is a portion. A portion above the reader's
 * national clearance is not in the text searched, so it never matches nor shows in a snippet; an
 * unmarked portion of a draft counts at the record's banner, as everywhere else.
 */
const NONE = NO_MATCHES;

/** The codes of the reader's national ladder, lowest first. */
const codesOf = (reader: Reader) => reader.government.ladder.levels.map((l) => l.code);

/** The codes of the reader's national ladder up to their clearance. */
function allowedCodes(reader: Reader): string[] {
  return reader.government.ladder.levels.slice(0, reader.nationalClearance + 1).map((l) => l.code);
}

/** The text of the portions the reader may read in `json`, of a record whose banner is `banner`. */
function readable(reader: Reader, json: SQL, banner: SQL): SQL {
  const codes = allowedCodes(reader);
  return sql`coalesce((select string_agg(p->>'text', ' ')
    from jsonb_path_query(${json}, 'strict $.** ? (@.type() == "object" && exists(@.text) && exists(@.marking))') p
    where p->>'marking' in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})
      or (p->>'marking' = '' and ${banner} <= ${reader.nationalClearance}::int)), '')`;
}

const guidanceDoc = (reader: Reader) => readable(reader, sql`${guidance.content}`, sql`${guidance.banner}`);
const reportDoc = (reader: Reader) =>
  readable(
    reader,
    sql`jsonb_build_array(${guidanceReports.summary}, ${guidanceReports.items})`,
    sql`${guidanceReports.banner}`,
  );

function bannerIs(reader: Reader, marking: string, column: SQL): SQL | null {
  const rank = reader.government.ladder.levels.findIndex((l) => l.code === marking.toUpperCase());
  return rank < 0 ? null : sql`${column} = ${rank}`;
}

function dates(f: SearchFilter, column: SQL): SQL[] {
  const conds: SQL[] = [];
  if (f.from) conds.push(sql`${column} >= ${f.from}::date`);
  if (f.to) conds.push(sql`${column} < ${f.to}::date + 1`);
  return conds;
}

function guidanceMatches(reader: Reader, query: SQL, f: SearchFilter): SQL | null {
  if (f.kind || f.originator) return null;
  const visible = visibleGuidance(reader);
  const d = guidanceDoc(reader);
  const conds: SQL[] = [visible, sql`to_tsvector(${SEARCH_CONFIG}::regconfig, ${d}) @@ ${query}`];
  if (f.meetingId) conds.push(sql`${guidance.meetingId} = ${f.meetingId}`);
  conds.push(...dates(f, sql`${guidance.updatedAt}`));
  if (f.marking) {
    const banner = bannerIs(reader, f.marking, sql`${guidance.banner}`);
    if (!banner) return NONE;
    conds.push(banner);
  }
  return sql`select ${guidance.id} as id, ${guidance.updatedAt} as at,
      ts_rank_cd(to_tsvector(${SEARCH_CONFIG}::regconfig, ${d}), ${query}) as score,
      null::text as originator, ${markingCode(codesOf(reader), guidance.banner)} as marking,
      ${guidance.meetingId} as meeting
    from ${guidance} where ${sql.join(conds, sql` and `)}`;
}

function reportMatches(reader: Reader, query: SQL, f: SearchFilter): SQL | null {
  if (f.kind || f.originator) return null;
  const d = reportDoc(reader);
  const conds: SQL[] = [
    visibleReports(reader),
    sql`to_tsvector(${SEARCH_CONFIG}::regconfig, ${d}) @@ ${query}`,
  ];
  if (f.meetingId)
    conds.push(
      sql`${guidanceReports.guidanceId} in (select ${guidance.id} from ${guidance} where ${guidance.meetingId} = ${f.meetingId})`,
    );
  conds.push(...dates(f, sql`${guidanceReports.filedAt}`));
  if (f.marking) {
    const banner = bannerIs(reader, f.marking, sql`${guidanceReports.banner}`);
    if (!banner) return NONE;
    conds.push(banner);
  }
  return sql`select ${guidanceReports.id} as id, ${guidanceReports.filedAt} as at,
      ts_rank_cd(to_tsvector(${SEARCH_CONFIG}::regconfig, ${d}), ${query}) as score,
      null::text as originator, ${markingCode(codesOf(reader), guidanceReports.banner)} as marking,
      (select ${guidance.meetingId} from ${guidance} where ${guidance.id} = ${guidanceReports.guidanceId}) as meeting
    from ${guidanceReports} where ${sql.join(conds, sql` and `)}`;
}

const iso = (at: string | Date | null) => (at ? new Date(at).toISOString() : null);

export const guidanceSearch: SearchSource = {
  type: "guidance",
  label: "guidance",
  matches: guidanceMatches,
  async present(db, reader, query, page) {
    if (page.length === 0) return [];
    const rows = await rowsOf<{
      id: number;
      title: string | null;
      state: string;
      space: string;
      banner: number;
      station: string;
      serial: number | null;
      snippet: string | null;
    }>(
      db,
      sql`select ${guidance.id} as id,
          case when ${guidance.subjectRank} <= ${reader.nationalClearance}::int then ${guidance.content}->'subject'->>'text' end as title,
          ${guidance.state} as state, ${guidance.space} as space, ${guidance.banner} as banner,
          ${guidance.content}->>'station' as station, ${guidance.serial} as serial,
          ts_headline(${SEARCH_CONFIG}::regconfig, ${guidanceDoc(reader)}, ${query}, ${HEADLINE_OPTIONS}) as snippet
        from ${guidance}
        where ${and(
          visibleGuidance(reader),
          inArray(
            guidance.id,
            page.map((m) => m.id),
          ),
        )}`,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return page.flatMap((m) => {
      const r = byId.get(m.id);
      if (!r) return [];
      return [
        {
          type: "guidance",
          id: m.id,
          ref: r.serial === null ? `Guidance ${m.id}` : `${r.station} ${serialText(Number(r.serial))}`,
          href: `/guidance/${m.id}`,
          title: r.title,
          titleWithheld: r.title === null,
          kind: r.state,
          originator: r.space,
          date: iso(m.at),
          marking: levelAt(reader.government.ladder, Number(r.banner)).code,
          score: m.score,
          snippet: r.snippet,
        },
      ];
    });
  },
};

export const reportSearch: SearchSource = {
  type: "report",
  label: "reports",
  matches: reportMatches,
  async present(db, reader, query, page) {
    if (page.length === 0) return [];
    const rows = await rowsOf<{
      id: number;
      title: string | null;
      space: string;
      banner: number;
      messageRef: string | null;
      snippet: string | null;
    }>(
      db,
      sql`select ${guidanceReports.id} as id,
          (select case when ${guidance.subjectRank} <= ${reader.nationalClearance}::int
            then 'Report on ' || (${guidance.content}->'subject'->>'text') end
            from ${guidance} where ${eq(guidance.id, guidanceReports.guidanceId)}) as title,
          ${guidanceReports.space} as space, ${guidanceReports.banner} as banner,
          ${guidanceReports.messageRef} as "messageRef",
          ts_headline(${SEARCH_CONFIG}::regconfig, ${reportDoc(reader)}, ${query}, ${HEADLINE_OPTIONS}) as snippet
        from ${guidanceReports}
        where ${and(
          visibleReports(reader),
          inArray(
            guidanceReports.id,
            page.map((m) => m.id),
          ),
        )}`,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return page.flatMap((m) => {
      const r = byId.get(m.id);
      if (!r) return [];
      return [
        {
          type: "report",
          id: m.id,
          ref: r.messageRef ?? `Report ${m.id}`,
          href: `/reports/${m.id}`,
          title: r.title,
          titleWithheld: r.title === null,
          kind: null,
          originator: r.space,
          date: iso(m.at),
          marking: levelAt(reader.government.ladder, Number(r.banner)).code,
          score: m.score,
          snippet: r.snippet,
        },
      ];
    });
  },
};
