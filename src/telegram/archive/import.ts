import type { AuditActor } from "../../core/audit/append.js";
import type { Clock } from "../../core/clock.js";
import type { Db } from "../../core/db/index.js";
import { invalid } from "../../core/errors.js";
import { governmentByCode, ladderOfGovernment } from "../../directory/index.js";
import { ladderHoldsTelegrams } from "./clearance.js";
import type { ImportItem } from "./sources.js";
import { type Outcome, type Prepared, prepare, storeBatch } from "./store.js";
import { startVectorizer } from "./vectorizer.js";

export interface ImportSummary {
  read: number;
  imported: number;
  duplicates: number;
  skipped: { name: string; reason: string }[];
  warnings: number;
  bytes: number;
}

export interface ImportOptions {
  space: string;
  actor: AuditActor;
  clock: Clock;
  batchSize?: number;
  /** Compute search vectors in a worker thread (the embedded database runs on this one). */
  vectorize?: boolean;
  /** Where the vectorizer keeps what it reuses between runs (the data folder's cache). */
  cacheDir?: string;
  onProgress?: (done: number, summary: ImportSummary) => void;
  onOutcome?: (o: Outcome) => void;
}

/** Imports items in batches; a bad item is reported and skipped, the rest go on. */
export async function importTelegrams(
  db: Db,
  items: AsyncIterable<ImportItem> | Iterable<ImportItem>,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const space = opts.space.toUpperCase();
  if (!(await governmentByCode(db, space))) {
    throw invalid(
      "space",
      `no government has the code ${space}; a telegram belongs to its originating government`,
    );
  }
  const ladder = await ladderOfGovernment(db, space);
  const missing = ladder ? ladderHoldsTelegrams(ladder) : ["all"];
  if (!ladder || missing.length > 0) {
    throw invalid("space", `${space}'s marking ladder lacks the telegram markings ${missing.join(", ")}`);
  }
  const summary: ImportSummary = { read: 0, imported: 0, duplicates: 0, skipped: [], warnings: 0, bytes: 0 };
  const size = opts.batchSize ?? 250;
  let batch: Prepared[] = [];
  const vectorizer = opts.vectorize ? await startVectorizer({ cacheDir: opts.cacheDir }) : null;
  // One batch is stored while the next is read and its vectors computed.
  let storing: Promise<void> = Promise.resolve();
  const record = (o: Outcome) => {
    if (o.status === "imported") {
      summary.imported++;
      summary.warnings += o.warnings;
    } else if (o.status === "duplicate") summary.duplicates++;
    else summary.skipped.push({ name: o.name, reason: o.reason });
    opts.onOutcome?.(o);
  };
  const flush = async () => {
    const current = batch;
    const read = summary.read;
    batch = [];
    const vectors = vectorizer?.vectors(current.flatMap((p) => p.texts.map((t) => t.body)));
    vectors?.catch(() => {});
    await storing;
    storing = (async () => {
      if (vectors !== undefined) {
        const v = await vectors;
        let i = 0;
        for (const p of current) for (const t of p.texts) t.vector = v[i++];
      }
      for (const o of await storeBatch(db, current, space, opts.actor, opts.clock)) record(o);
      opts.onProgress?.(read, summary);
    })();
  };
  try {
    for await (const item of items) {
      summary.read++;
      if ("error" in item) {
        record({ name: item.name, status: "skipped", reason: item.error });
        continue;
      }
      summary.bytes += item.bytes.length;
      const p = prepare(item.name, item.bytes, space, ladder, opts.actor.label, opts.clock.now());
      if ("skipped" in p) record({ name: item.name, status: "skipped", reason: p.skipped });
      else batch.push(p);
      if (batch.length >= size) await flush();
    }
    await flush();
    await storing;
  } finally {
    await storing.catch(() => {});
    await vectorizer?.close();
  }
  return summary;
}
