/**
 * `plenary backup FILE`: every table's rows, in primary-key order, read in one repeatable-read,
 * read-only transaction — one snapshot, however long it takes and whatever commits meanwhile.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../db/index.js";
import { rowsOf } from "../db/index.js";
import { describeLevel, quoteIdent, readMigrationLevel, readSequences, readTables } from "./catalog.js";
import { BackupError, BackupWriter, FORMAT, type SequenceValue } from "./format.js";

export interface BackupSummary {
  tables: number;
  rows: number;
  auditEntries: number;
  bytes: number;
  level: string;
}

/** Rows are fetched through a cursor in batches, so a large table never sits in memory whole. */
const BATCH = 500;

export async function writeBackup(database: Database, file: string, now: Date): Promise<BackupSummary> {
  const writer = new BackupWriter(file);
  try {
    const summary = await database.db.transaction(
      async (tx) => {
        // Stable text for the same data: times in UTC, bytes in hex.
        await tx.execute(sql.raw("SET LOCAL TIME ZONE 'UTC'"));
        await tx.execute(sql.raw("SET LOCAL bytea_output = 'hex'"));
        const level = await readMigrationLevel(tx);
        if (!level) {
          throw new BackupError(
            `The database at ${database.location} holds no Plenary schema (it was never migrated): there is nothing to back up. Check DATABASE_URL or PLENARY_DATA.`,
          );
        }
        const tables = await readTables(tx);
        await writer.line({
          plenary: "backup",
          format: FORMAT,
          madeAt: now.toISOString(),
          source: database.kind,
          migrations: level,
          tables: tables.length,
        });
        let rows = 0;
        let auditEntries = 0;
        for (const t of tables) {
          const order = t.orderBy.map(quoteIdent).join(", ");
          const name = quoteIdent(t.name);
          const [count] = await rowsOf<{ n: number }>(tx, sql.raw(`SELECT count(*)::int AS n FROM ${name}`));
          const n = count?.n ?? 0;
          await writer.line({ table: t.name, columns: t.columns, rows: n });
          await tx.execute(
            sql.raw(`DECLARE plenary_backup NO SCROLL CURSOR FOR
                       SELECT row_to_json(t)::text AS j FROM ${name} t ORDER BY ${order}`),
          );
          let written = 0;
          for (;;) {
            const batch = await rowsOf<{ j: string }>(tx, sql.raw(`FETCH ${BATCH} FROM plenary_backup`));
            for (const r of batch) await writer.raw(r.j);
            written += batch.length;
            if (batch.length < BATCH) break;
          }
          await tx.execute(sql.raw("CLOSE plenary_backup"));
          if (written !== n) throw new Error(`${t.name}: counted ${n} rows but read ${written}`);
          rows += n;
          if (t.name === "audit_log") auditEntries = n;
        }
        const sequences: SequenceValue[] = [];
        for (const s of await readSequences(tx)) {
          const [v] = await rowsOf<{ last: string; called: boolean }>(
            tx,
            sql.raw(`SELECT last_value::text AS last, is_called AS called FROM ${quoteIdent(s.name)}`),
          );
          if (v) sequences.push({ ...s, lastValue: v.last, isCalled: v.called });
        }
        await writer.line({ sequences });
        return { tables: tables.length, rows, auditEntries, level: describeLevel(level) };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    const bytes = await writer.finish(summary.tables, summary.rows);
    return { ...summary, bytes };
  } catch (e) {
    writer.abort();
    throw e;
  }
}
