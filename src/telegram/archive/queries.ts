/**
 * The archive's reads. The reader's national space is in every `where`, and text is searched and
 * shown only from the portions their clearance reaches. Reading a marked telegram is audited in
 * the transaction that reads it, so these take a `Tx`.
 */
import { and, arrayContains, desc, eq, gte, ilike, lte, type SQL, sql } from "drizzle-orm";
import { authorize } from "../../core/access/rules.js";
import { inReaderSpaces, withinClearance } from "../../core/access/sql.js";
import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import { HEADLINE_OPTIONS } from "../../core/db/columns.js";
import type { Tx } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import type { Diagnostic, Repair } from "../diagnostics.js";
import { readTelegram } from "../read.js";
import { redactTelegram } from "../redact.js";
import { renderTelegram } from "../render.js";
import { telegramClearance } from "./clearance.js";
import { readRaw } from "./policy.js";
import {
  type ListedTelegram,
  presentSummary,
  presentTelegram,
  subjectShown,
  type TelegramSummary,
  type TelegramView,
} from "./present.js";
import { telegrams, telegramTexts } from "./schema.js";
import { rawOf } from "./store.js";

export type { TelegramSummary, TelegramView };

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

const like = (s: string) => `%${s.replace(/[%_\\]/g, "\\$&")}%`;

/**
 * Telegrams the reader may see, filtered. The text search runs over the texts the reader's
 * clearance reaches, so a withheld portion neither matches nor shows in a snippet.
 */
export async function listTelegrams(
  tx: Tx,
  who: ReaderActing,
  f: TelegramFilter,
): Promise<{ total: number; telegrams: TelegramSummary[] }> {
  const { reader } = who;
  const ladder = reader.government.ladder;
  const conds: SQL[] = [inReaderSpaces(reader, telegrams.space)];
  if (f.from) conds.push(gte(telegrams.sentAt, new Date(`${f.from.slice(0, 10)}T00:00:00Z`)));
  if (f.to) conds.push(lte(telegrams.sentAt, new Date(`${f.to.slice(0, 10)}T23:59:59.999Z`)));
  if (f.origin) conds.push(ilike(telegrams.originator, like(f.origin)));
  if (f.tag) conds.push(arrayContains(telegrams.tags, [f.tag.toUpperCase()]));
  const classification = f.classification?.toUpperCase();
  if (classification)
    conds.push(
      eq(
        telegrams.banner,
        ladder.levels.findIndex((l) => l.code === classification),
      ),
    );
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
  const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(telegrams).where(where);
  const rows: ListedTelegram[] = await tx
    .select({
      id: telegrams.id,
      messageRef: telegrams.messageRef,
      sentAt: telegrams.sentAt,
      originator: telegrams.originator,
      banner: telegrams.banner,
      subject: telegrams.subject,
      subjectRank: telegrams.subjectRank,
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
  const marked = rows.filter((r) => r.banner > 0 && subjectShown(reader, r));
  if (marked.length > 0) {
    // Subjects of marked telegrams were shown: that is a read of them. The entry is marked as the
    // highest of them, so its details — the words searched for among them — are withheld from
    // those not cleared for it, as the telegrams' own reads are.
    const top = Math.max(...marked.map((r) => r.banner));
    await appendAudit(tx, who.now, who.actor, {
      action: "telegram.list",
      targetKind: "telegram",
      space: reader.government.code,
      marking: ladder.levels[top]?.code ?? null,
      details: { ids: marked.map((r) => r.id), filter: { ...f, limit: undefined, offset: undefined } },
    });
  }
  return { total: count?.n ?? 0, telegrams: rows.map((r) => presentSummary(r, reader)) };
}

/** The diagnostics and repairs the reader recorded when it read the telegram as imported. */
export interface ImportNotes {
  diagnostics: Diagnostic[];
  repairs: Repair[];
}

async function telegramRow(tx: Tx, who: ReaderActing, id: number) {
  const [row] = await tx
    .select()
    .from(telegrams)
    .where(and(eq(telegrams.id, id), inReaderSpaces(who.reader, telegrams.space)));
  if (!row) throw notFound("telegram");
  return row;
}

/** One telegram, redacted for the reader; reading a marked telegram is audited. */
export async function readTelegramRecord(
  tx: Tx,
  who: ReaderActing,
  id: number,
): Promise<TelegramView & { notes: ImportNotes | null }> {
  const row = await telegramRow(tx, who, id);
  const clearance = telegramClearance(who.reader.government.ladder, who.reader.nationalClearance);
  const read = readTelegram(rawOf(row));
  const model = redactTelegram(read.model, clearance);
  const text = renderTelegram(model);
  // What the reader changed and noticed at import quotes the text: only for a reader cleared for all of it.
  const notes = readRaw.allows(who.reader, row)
    ? { diagnostics: read.diagnostics, repairs: read.repairs }
    : null;
  if (row.banner > 0) {
    await appendAudit(tx, who.now, who.actor, {
      action: "telegram.read",
      targetKind: "telegram",
      targetId: row.id,
      space: row.space,
      marking: row.classification,
      details: { messageRef: row.messageRef, clearance },
    });
  }
  return { ...presentTelegram(row, { model, text }, who.reader), notes };
}

/** The bytes as imported, for a reader cleared to the telegram's banner; audited. */
export async function rawTelegram(tx: Tx, who: ReaderActing, id: number) {
  const row = await telegramRow(tx, who, id);
  authorize(who, readRaw, row);
  await appendAudit(tx, who.now, who.actor, {
    action: "telegram.read_raw",
    targetKind: "telegram",
    targetId: id,
    space: row.space,
    marking: row.classification,
  });
  return { raw: rawOf(row), messageRef: row.messageRef };
}
