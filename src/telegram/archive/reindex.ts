// `plenary telegram reindex`: read every stored telegram again from its bytes as imported, so what
// was imported before an upgrade of the reader gets the better reading (subject, classification,
// banner, tags, searchable texts …). A telegram whose reading is unchanged is left alone; one that
// the reader can no longer store is reported and left as it was. Each batch is one transaction
// with one audit entry naming the telegrams re-read.

import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Ladder } from "../../core/access/markings.js";
import type { AuditActor } from "../../core/audit/append.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Clock } from "../../core/clock.js";
import type { Db } from "../../core/db/index.js";
import { ladderOfGovernment } from "../../directory/index.js";
import { telegrams, telegramTexts } from "./schema.js";
import { type Prepared, prepare, rawOf } from "./store.js";
import { SEARCH_CONFIG } from "./vectorizer.js";

export interface ReindexSummary {
  read: number;
  changed: number;
  unchanged: number;
  /** Telegrams the reader now refuses: kept as they were stored. */
  kept: { id: number; reason: string }[];
}

export interface ReindexOptions {
  actor: AuditActor;
  clock: Clock;
  batchSize?: number;
  onProgress?: (summary: ReindexSummary) => void;
}

/** The columns a reading decides (the identity, bytes and import record stay). */
const READ_COLUMNS = [
  "messageRef",
  "banner",
  "classification",
  "subjectRank",
  "subject",
  "originator",
  "sentAt",
  "tags",
  "format",
  "diagnostics",
  "repairs",
] as const;

type Row = typeof telegrams.$inferSelect;

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return (a as Date | null)?.getTime?.() === (b as Date | null)?.getTime?.();
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** What changes when `row` is read again as `p`: the read columns, or the searchable texts. */
export function changesOf(
  row: Row,
  stored: { rank: number; body: string }[],
  p: Prepared,
): Partial<typeof telegrams.$inferInsert> | null {
  const diff: Record<string, unknown> = {};
  for (const c of READ_COLUMNS) if (!same(row[c], p.row[c])) diff[c] = p.row[c] ?? null;
  const texts = (xs: { rank: number; body: string }[]) =>
    JSON.stringify([...xs].sort((a, b) => a.rank - b.rank).map((x) => [x.rank, x.body]));
  const textsChanged = texts(stored) !== texts(p.texts);
  if (Object.keys(diff).length === 0 && !textsChanged) return null;
  return diff as Partial<typeof telegrams.$inferInsert>;
}

export async function reindexTelegrams(db: Db, opts: ReindexOptions): Promise<ReindexSummary> {
  const summary: ReindexSummary = { read: 0, changed: 0, unchanged: 0, kept: [] };
  const size = opts.batchSize ?? 250;
  const ladders = new Map<string, Ladder | null>();
  const ladderOf = async (space: string): Promise<Ladder | null> => {
    if (!ladders.has(space)) ladders.set(space, await ladderOfGovernment(db, space));
    return ladders.get(space) ?? null;
  };
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(telegrams)
      .where(gt(telegrams.id, after))
      .orderBy(asc(telegrams.id))
      .limit(size);
    if (rows.length === 0) break;
    after = (rows[rows.length - 1] as Row).id;
    const ids = rows.map((r) => r.id);
    const stored = await db
      .select({ id: telegramTexts.telegramId, rank: telegramTexts.rank, body: telegramTexts.body })
      .from(telegramTexts)
      .where(inArray(telegramTexts.telegramId, ids));
    const textsOf = new Map<number, { rank: number; body: string }[]>();
    for (const s of stored) textsOf.set(s.id, [...(textsOf.get(s.id) ?? []), { rank: s.rank, body: s.body }]);
    const updates: { row: Row; p: Prepared; diff: Partial<typeof telegrams.$inferInsert> }[] = [];
    for (const row of rows) {
      summary.read++;
      const ladder = await ladderOf(row.space);
      if (!ladder) {
        summary.kept.push({ id: row.id, reason: `${row.space} has no marking ladder` });
        continue;
      }
      const p = prepare(
        row.sourceName ?? String(row.id),
        rawOf(row),
        row.space,
        ladder,
        row.importedBy,
        row.importedAt,
      );
      if ("skipped" in p) {
        summary.kept.push({ id: row.id, reason: p.skipped });
        continue;
      }
      const diff = changesOf(row, textsOf.get(row.id) ?? [], p);
      if (diff) updates.push({ row, p, diff });
      else summary.unchanged++;
    }
    if (updates.length > 0) {
      await db.transaction(async (tx) => {
        for (const u of updates) {
          if (Object.keys(u.diff).length > 0)
            await tx.update(telegrams).set(u.diff).where(eq(telegrams.id, u.row.id));
        }
        const changedIds = updates.map((u) => u.row.id);
        await tx.delete(telegramTexts).where(inArray(telegramTexts.telegramId, changedIds));
        const texts = updates.flatMap((u) =>
          u.p.texts.map((t) => ({
            telegramId: u.row.id,
            space: u.row.space,
            rank: t.rank,
            body: t.body,
            search: sql`to_tsvector(${SEARCH_CONFIG}::regconfig, ${t.body})`,
          })),
        );
        for (let i = 0; i < texts.length; i += 500)
          await tx.insert(telegramTexts).values(texts.slice(i, i + 500));
        // one entry per space, so each government's log names only its own telegrams
        for (const space of new Set(updates.map((u) => u.row.space))) {
          const mine = updates.filter((u) => u.row.space === space);
          const ids = mine.map((u) => u.row.id);
          await appendAudit(tx, opts.clock.now(), opts.actor, {
            action: "telegram.reindex",
            targetKind: "telegram",
            targetId: ids.length === 1 ? String(ids[0]) : `${ids[0]}..${ids.at(-1)}`,
            space,
            details: {
              count: ids.length,
              ids,
              fields: [...new Set(mine.flatMap((u) => Object.keys(u.diff)))],
            },
          });
        }
      });
      summary.changed += updates.length;
    }
    opts.onProgress?.(summary);
  }
  return summary;
}
