import { and, arrayContains, desc, eq, gte, ilike, lte, type SQL, sql } from "drizzle-orm";
import { levelAt } from "../../core/access/markings.js";
import type { Reader } from "../../core/access/reader.js";
import { inReaderSpaces, withinClearance } from "../../core/access/sql.js";
import { type AuditActor, appendAudit } from "../../core/audit/append.js";
import type { Clock } from "../../core/clock.js";
import { HEADLINE_OPTIONS } from "../../core/db/columns.js";
import type { Db } from "../../core/db/index.js";
import { forbidden, notFound } from "../../core/errors.js";
import type { Telegram } from "../model.js";
import { readTelegram } from "../read.js";
import { redactTelegram } from "../redact.js";
import { renderTelegram } from "../render.js";
import { telegramClearance } from "./clearance.js";
import { telegrams, telegramTexts } from "./schema.js";
import { rawOf } from "./store.js";

export interface TelegramFilter {
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  origin?: string | undefined;
  tag?: string | undefined;
  classification?: string | undefined;
  limit: number;
  offset: number;
}

export interface TelegramSummary {
  id: number;
  messageRef: string | null;
  sentAt: string | null;
  originator: string | null;
  classification: string;
  subject: string | null;
  subjectWithheld: boolean;
  tags: string[];
  snippet: string | null;
}

const like = (s: string) => `%${s.replace(/[%_\\]/g, "\\$&")}%`;

/**
 * Telegrams the reader may see, filtered. The text search runs over the texts the reader's
 * clearance reaches, so a withheld portion neither matches nor shows in a snippet.
 */
export async function listTelegrams(
  db: Db,
  reader: Reader,
  f: TelegramFilter,
  actor: AuditActor,
  clock: Clock,
): Promise<{ total: number; telegrams: TelegramSummary[] }> {
  const conds: SQL[] = [inReaderSpaces(reader, telegrams.space)];
  if (f.from) conds.push(gte(telegrams.sentAt, new Date(`${f.from.slice(0, 10)}T00:00:00Z`)));
  if (f.to) conds.push(lte(telegrams.sentAt, new Date(`${f.to.slice(0, 10)}T23:59:59.999Z`)));
  if (f.origin) conds.push(ilike(telegrams.originator, like(f.origin)));
  if (f.tag) conds.push(arrayContains(telegrams.tags, [f.tag.toUpperCase()]));
  if (f.classification) {
    const r = reader.government.ladder.levels.findIndex((l) => l.code === f.classification!.toUpperCase());
    conds.push(eq(telegrams.banner, r));
  }
  const query = f.q?.trim() ? sql`websearch_to_tsquery('english', ${f.q.trim()})` : null;
  // Written out in full: inside a selected subquery Drizzle leaves column names unqualified.
  const visibleText = and(
    sql`"telegram_texts"."telegram_id" = "telegrams"."id"`,
    withinClearance(reader, telegramTexts.space, telegramTexts.rank),
  );
  if (query) {
    conds.push(
      sql`exists (select 1 from ${telegramTexts} where ${visibleText} and ${telegramTexts.search} @@ ${query})`,
    );
  }
  const where = and(...conds);
  return db.transaction(async (tx) => {
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(telegrams).where(where);
    const rows = await tx
      .select({
        id: telegrams.id,
        messageRef: telegrams.messageRef,
        sentAt: telegrams.sentAt,
        originator: telegrams.originator,
        banner: telegrams.banner,
        subject: telegrams.subject,
        subjectRank: telegrams.subjectRank,
        space: telegrams.space,
        tags: telegrams.tags,
        snippet: query
          ? sql<
              string | null
            >`(select ts_headline('english', ${telegramTexts.body}, ${query}, ${HEADLINE_OPTIONS}) from ${telegramTexts} where ${visibleText} and ${telegramTexts.search} @@ ${query} order by ts_rank(${telegramTexts.search}, ${query}) desc limit 1)`.as(
              "snippet",
            )
          : sql<null>`null`.as("snippet"),
        score: query
          ? sql<number>`(select max(ts_rank(${telegramTexts.search}, ${query})) from ${telegramTexts} where ${visibleText})`.as(
              "score",
            )
          : sql<number>`0`.as("score"),
      })
      .from(telegrams)
      .where(where)
      .orderBy(
        ...(query ? [sql`score desc`, desc(telegrams.sentAt)] : [desc(telegrams.sentAt), desc(telegrams.id)]),
      )
      .limit(f.limit)
      .offset(f.offset);
    const ladder = reader.government.ladder;
    const out = rows.map((r) => {
      const withheld = r.subjectRank > reader.nationalClearance;
      return {
        id: r.id,
        messageRef: r.messageRef,
        sentAt: r.sentAt?.toISOString() ?? null,
        originator: r.originator,
        classification: levelAt(ladder, r.banner).label,
        subject: withheld ? null : r.subject,
        subjectWithheld: withheld,
        tags: r.tags,
        snippet: r.snippet,
      };
    });
    const marked = rows.filter((r) => r.banner > 0 && r.subjectRank <= reader.nationalClearance);
    if (marked.length > 0) {
      // Subjects of marked telegrams were shown: that is a read of them.
      await appendAudit(tx, clock.now(), actor, {
        action: "telegram.list",
        targetKind: "telegram",
        space: reader.government.code,
        details: { ids: marked.map((r) => r.id), filter: { ...f, limit: undefined, offset: undefined } },
      });
    }
    return { total: count?.n ?? 0, telegrams: out };
  });
}

export interface TelegramView {
  id: number;
  messageRef: string | null;
  display: string | null;
  sentAt: string | null;
  originator: string | null;
  classification: string;
  space: string;
  tags: string[];
  format: string;
  importedAt: string;
  diagnostics: number;
  repairs: number;
  /** The model as the reader may see it: portions above the reader's clearance are withheld. */
  telegram: Telegram;
  text: string;
  withheldPortions: number;
  /** Whether the reader may have the raw bytes (cleared for the whole telegram). */
  rawAllowed: boolean;
}

function countWithheld(text: string): number {
  return (text.match(/\[WITHHELD: \(/g) ?? []).length;
}

/** One telegram, redacted for the reader; reading a marked telegram is audited in the same transaction. */
export async function readTelegramRecord(
  db: Db,
  reader: Reader,
  id: number,
  actor: AuditActor,
  clock: Clock,
): Promise<TelegramView> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(telegrams)
      .where(and(eq(telegrams.id, id), inReaderSpaces(reader, telegrams.space)));
    if (!row) throw notFound("telegram");
    const ladder = reader.government.ladder;
    const clearance = telegramClearance(ladder, reader.nationalClearance);
    const model = redactTelegram(readTelegram(rawOf(row)).model, clearance);
    const text = renderTelegram(model);
    if (row.banner > 0) {
      await appendAudit(tx, clock.now(), actor, {
        action: "telegram.read",
        targetKind: "telegram",
        targetId: row.id,
        space: row.space,
        marking: row.classification,
        details: { messageRef: row.messageRef, clearance },
      });
    }
    return {
      id: row.id,
      messageRef: row.messageRef,
      display: model.reference?.display ?? null,
      sentAt: row.sentAt?.toISOString() ?? null,
      originator: row.originator,
      classification: levelAt(ladder, row.banner).label,
      space: row.space,
      tags: row.tags,
      format: row.format,
      importedAt: row.importedAt.toISOString(),
      diagnostics: row.diagnostics,
      repairs: row.repairs,
      telegram: model,
      text,
      withheldPortions: countWithheld(text),
      rawAllowed: reader.nationalClearance >= row.banner,
    };
  });
}

/** The bytes as imported, for a reader cleared to the telegram's banner; audited. */
export async function rawTelegram(db: Db, reader: Reader, id: number, actor: AuditActor, clock: Clock) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        rawText: telegrams.rawText,
        rawBytes: telegrams.rawBytes,
        banner: telegrams.banner,
        space: telegrams.space,
        ref: telegrams.messageRef,
        classification: telegrams.classification,
        name: telegrams.sourceName,
      })
      .from(telegrams)
      .where(and(eq(telegrams.id, id), inReaderSpaces(reader, telegrams.space)));
    if (!row) throw notFound("telegram");
    if (reader.nationalClearance < row.banner) {
      throw forbidden(
        `The telegram as imported holds portions marked up to ${row.classification}, above your clearance: read the redacted telegram instead.`,
      );
    }
    await appendAudit(tx, clock.now(), actor, {
      action: "telegram.read_raw",
      targetKind: "telegram",
      targetId: id,
      space: row.space,
      marking: row.classification,
    });
    return { raw: rawOf(row), messageRef: row.ref };
  });
}
