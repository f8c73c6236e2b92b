import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Ladder } from "../../core/access/markings.js";
import { type AuditActor, appendAudit } from "../../core/audit/append.js";
import type { Clock } from "../../core/clock.js";
import type { Db, Tx } from "../../core/db/index.js";
import type { Telegram } from "../model.js";
import { readTelegram } from "../read.js";
import { rankOnLadder } from "./clearance.js";
import { bannerOf, headerProblem, subjectLevel, textsByLevel } from "./portions.js";
import { telegrams, telegramTexts } from "./schema.js";
import { SEARCH_CONFIG } from "./vectorizer.js";

export interface Prepared {
  name: string;
  dedupeKey: string;
  row: typeof telegrams.$inferInsert;
  texts: { rank: number; body: string; vector?: string }[];
}

export type Outcome =
  | { name: string; status: "imported"; id: number; messageRef: string | null; warnings: number }
  | { name: string; status: "duplicate"; messageRef: string | null }
  | { name: string; status: "skipped"; reason: string };

/** Reads one item and makes it ready to store, or says why it cannot be stored. Pure apart from hashing. */
export function prepare(
  name: string,
  bytes: Uint8Array,
  space: string,
  ladder: Ladder,
  importedBy: string,
  now: Date,
): Prepared | { skipped: string } {
  const { model, diagnostics, repairs, format } = readTelegram(bytes);
  const problem = headerProblem(model);
  if (problem) return { skipped: problem };
  const internal = diagnostics.find((d) => d.code === "telegram.internal_error");
  if (internal) return { skipped: internal.message };
  const banner = bannerOf(model);
  const bannerRank = rankOnLadder(ladder, banner);
  if (bannerRank === null) return { skipped: `the ${ladder.name} ladder has no marking ${banner}` };
  const texts: { rank: number; body: string }[] = [];
  for (const [level, body] of textsByLevel(model, banner)) {
    const r = rankOnLadder(ladder, level);
    if (r === null) return { skipped: `the ${ladder.name} ladder has no marking ${level}` };
    texts.push({ rank: r, body });
  }
  const messageRef = model.reference?.id ?? model.archive?.refId ?? null;
  const dedupeKey = messageRef ?? `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  return {
    name,
    dedupeKey,
    texts,
    row: {
      dedupeKey,
      messageRef,
      space,
      banner: bannerRank,
      classification: banner,
      subjectRank: rankOnLadder(ladder, subjectLevel(model, banner)) ?? bannerRank,
      subject: model.subject?.text ?? null,
      originator: model.heading?.from ?? model.archive?.origin ?? null,
      sentAt: instantOf(model),
      tags: model.tags.map((t) => t.text),
      format,
      sourceName: name.slice(-300),
      ...rawColumns(bytes),
      diagnostics: diagnostics.length,
      repairs: repairs.length,
      importedAt: now,
      importedBy,
    },
  };
}

/** As text when the bytes are valid UTF-8 that encodes back to the same bytes; else as bytes. */
export function rawColumns(bytes: Uint8Array): { rawText: string | null; rawBytes: Buffer | null } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    if (!text.includes("\u0000") && Buffer.from(text, "utf8").equals(Buffer.from(bytes)))
      return { rawText: text, rawBytes: null };
  } catch {
    // Not UTF-8: kept as bytes.
  }
  return { rawText: null, rawBytes: Buffer.from(bytes) };
}

export function rawOf(row: { rawText: string | null; rawBytes: Buffer | null }): Buffer {
  return row.rawText !== null ? Buffer.from(row.rawText, "utf8") : (row.rawBytes ?? Buffer.alloc(0));
}

function instantOf(t: Telegram): Date | null {
  const iso = t.heading?.dtg?.instant ?? t.archive?.created ?? null;
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Stores a batch in one transaction, with one audit entry naming what was filed. Telegrams already
 * in the space's archive (same message reference, or same bytes) are left alone and reported as
 * duplicates; another government's copy is not looked at, so each government keeps its own.
 */
export async function storeBatch(
  db: Db,
  batch: Prepared[],
  space: string,
  actor: AuditActor,
  clock: Clock,
): Promise<Outcome[]> {
  if (batch.length === 0) return [];
  return db.transaction((tx) => storeIn(tx, batch, space, actor, clock));
}

/** `storeBatch` inside a transaction the caller holds (a release that files its telegram). */
export async function storeIn(
  tx: Tx,
  batch: Prepared[],
  space: string,
  actor: AuditActor,
  clock: Clock,
): Promise<Outcome[]> {
  {
    const keys = [...new Set(batch.map((b) => b.dedupeKey))];
    const existing = new Set(
      (
        await tx
          .select({ k: telegrams.dedupeKey })
          .from(telegrams)
          .where(and(eq(telegrams.space, space), inArray(telegrams.dedupeKey, keys)))
      ).map((r) => r.k),
    );
    const fresh: Prepared[] = [];
    const seen = new Set<string>();
    const outcomes = new Map<Prepared, Outcome>();
    for (const b of batch) {
      if (existing.has(b.dedupeKey) || seen.has(b.dedupeKey)) {
        outcomes.set(b, { name: b.name, status: "duplicate", messageRef: b.row.messageRef ?? null });
      } else {
        seen.add(b.dedupeKey);
        fresh.push(b);
      }
    }
    if (fresh.length > 0) {
      const ids = await tx
        .insert(telegrams)
        .values(fresh.map((f) => f.row))
        .returning({ id: telegrams.id, key: telegrams.dedupeKey });
      const byKey = new Map(ids.map((r) => [r.key, r.id]));
      const idOf = (key: string): number => {
        const id = byKey.get(key);
        if (id === undefined) throw new Error(`the insert returned no telegram for ${key}`);
        return id;
      };
      // Vectors computed off the main thread arrive as tsvector literals; otherwise the database computes them.
      const texts = fresh.flatMap((f) =>
        f.texts.map((t) => ({
          telegramId: idOf(f.dedupeKey),
          space,
          rank: t.rank,
          body: t.body,
          search:
            t.vector !== undefined
              ? sql`${t.vector}::tsvector`
              : sql`to_tsvector(${SEARCH_CONFIG}::regconfig, ${t.body})`,
        })),
      );
      for (let i = 0; i < texts.length; i += 500)
        await tx.insert(telegramTexts).values(texts.slice(i, i + 500));
      for (const f of fresh) {
        outcomes.set(f, {
          name: f.name,
          status: "imported",
          id: idOf(f.dedupeKey),
          messageRef: f.row.messageRef ?? null,
          warnings: f.row.diagnostics ?? 0,
        });
      }
      await appendAudit(tx, clock.now(), actor, {
        action: "telegram.import",
        targetKind: "telegram",
        targetId: ids.length === 1 ? String(ids[0]?.id) : `${ids[0]?.id}..${ids.at(-1)?.id}`,
        space,
        details: { count: ids.length, ids: ids.map((r) => r.id), refs: fresh.map((f) => f.row.messageRef) },
      });
    }
    return batch.map((b) => {
      const outcome = outcomes.get(b);
      if (!outcome) throw new Error(`no outcome for ${b.name}`);
      return outcome;
    });
  }
}
