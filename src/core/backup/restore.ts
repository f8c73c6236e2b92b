/**
 * `plenary restore FILE`: loads a backup into a migrated database in one transaction — every row,
 * then the sequences — and verifies the audit chain before it commits, so a restore is all or
 * nothing. The audit log is only inserted into, which its append-only trigger allows; replacing a
 * database that holds data truncates it, with that trigger disabled inside this transaction only
 * (the table is locked meanwhile, so no other session ever sees it disabled).
 */
import { sql } from "drizzle-orm";
import { verifyAudit } from "../audit/verify.js";
import type { Database, Tx } from "../db/index.js";
import { rowsOf } from "../db/index.js";
import {
  describeLevel,
  quoteIdent,
  readMigrationLevel,
  readSequences,
  readTables,
  type TableInfo,
} from "./catalog.js";
import { BackupError, type Entry, type Header, type SequenceValue } from "./format.js";

export interface RestoreSummary {
  tables: number;
  rows: number;
  auditEntries: number;
  replaced: number;
}

const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

export async function restoreBackup(
  database: Database,
  backup: { header: Header; entries: AsyncGenerator<Entry> },
  opts: { file: string; replace: boolean },
): Promise<RestoreSummary> {
  const { header, entries } = backup;
  const level = await readMigrationLevel(database.db);
  if (!level || level.count !== header.migrations.count || level.when !== header.migrations.when) {
    const older = level && header.migrations.when < level.when;
    throw new BackupError(
      `${opts.file} was made at ${describeLevel(header.migrations)}; the database is at ${level ? describeLevel(level) : "no migration level"}. ` +
        (older
          ? "Restore it with the version of plenary that made it, then start this version to migrate it."
          : "Restore it with the version of plenary that made it (or a newer one at its level)."),
    );
  }
  return database.db.transaction(async (tx) => {
    const tables = await readTables(tx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    await tx.execute(
      sql.raw(`LOCK TABLE ${tables.map((t) => quoteIdent(t.name)).join(", ")} IN ACCESS EXCLUSIVE MODE`),
    );
    const held = await rowsHeld(tx, tables);
    const replaced = held.reduce((s, h) => s + h.rows, 0);
    if (replaced > 0 && !opts.replace) {
      const some = held.slice(0, 4).map((h) => `${h.table}: ${h.rows}`);
      throw new BackupError(
        `The database at ${database.location} is not empty (${replaced} rows in ${held.length} tables — ${some.join(", ")}${held.length > 4 ? ", …" : ""}). ` +
          "Restore into a new database (an empty PLENARY_DATA folder, or a PostgreSQL database no plenary command has run on), " +
          "or add --replace to discard everything it holds.",
      );
    }
    await clear(tx, tables);
    const loaded = new Set<string>();
    let pending: { table: TableInfo; rows: string[]; bytes: number; expect: number; seen: number } | null =
      null;
    let rows = 0;
    let auditEntries = 0;
    let sequences: SequenceValue[] = [];
    const flush = async () => {
      if (pending && pending.rows.length > 0) await insertRows(tx, pending.table, pending.rows);
      if (pending) pending.rows = [];
      if (pending) pending.bytes = 0;
    };
    for await (const entry of entries) {
      if (entry.kind === "table") {
        await flush();
        const table = byName.get(entry.table.table);
        if (!table)
          throw mismatch(opts.file, `it holds a table ${entry.table.table} the database does not have`);
        if (entry.table.columns.join(",") !== table.columns.join(",")) {
          throw mismatch(
            opts.file,
            `its table ${table.name} has the columns (${entry.table.columns.join(", ")}); the database's has (${table.columns.join(", ")})`,
          );
        }
        if (loaded.has(table.name)) throw mismatch(opts.file, `it holds the table ${table.name} twice`);
        loaded.add(table.name);
        pending = { table, rows: [], bytes: 0, expect: entry.table.rows, seen: 0 };
        if (table.name === "audit_log") auditEntries = entry.table.rows;
      } else if (entry.kind === "row" && pending) {
        pending.rows.push(entry.text);
        pending.bytes += entry.text.length;
        rows++;
        // A table that refers to itself goes in one statement: its references are checked at the end of it.
        const whole = pending.table.selfRefs.length > 0;
        if (!whole && (pending.rows.length >= BATCH_ROWS || pending.bytes >= BATCH_BYTES)) await flush();
      } else if (entry.kind === "sequences") {
        await flush();
        sequences = entry.sequences;
      }
    }
    await flush();
    const missing = tables.filter((t) => !loaded.has(t.name)).map((t) => t.name);
    if (missing.length > 0) throw mismatch(opts.file, `it lacks the tables ${missing.join(", ")}`);
    await resetSequences(tx, sequences);
    const audit = await verifyAudit(tx);
    if (!audit.ok) {
      throw new BackupError(
        `${opts.file} holds an audit log broken at entry ${audit.broken?.seq}: ${audit.broken?.reason}. Nothing was restored; use another backup.`,
      );
    }
    return { tables: loaded.size, rows, auditEntries, replaced };
  });
}

const mismatch = (file: string, why: string) =>
  new BackupError(`${file} does not fit this database: ${why}. Nothing was restored.`);

/** Rows in each table beyond what the migrations put there (the audit head at entry 0). */
async function rowsHeld(tx: Tx, tables: TableInfo[]): Promise<{ table: string; rows: number }[]> {
  const held: { table: string; rows: number }[] = [];
  for (const t of tables) {
    const where = t.name === "audit_head" ? " WHERE seq <> 0" : "";
    const [r] = await rowsOf<{ n: number }>(
      tx,
      sql.raw(`SELECT count(*)::int AS n FROM ${quoteIdent(t.name)}${where}`),
    );
    if ((r?.n ?? 0) > 0) held.push({ table: t.name, rows: r?.n ?? 0 });
  }
  return held.sort((a, b) => b.rows - a.rows);
}

async function clear(tx: Tx, tables: TableInfo[]): Promise<void> {
  const [audit] = await rowsOf<{ n: number }>(tx, sql.raw("SELECT count(*)::int AS n FROM audit_log"));
  const withLog = (audit?.n ?? 0) > 0;
  const names = tables.filter((t) => withLog || t.name !== "audit_log").map((t) => quoteIdent(t.name));
  if (!withLog) {
    await tx.execute(sql.raw(`TRUNCATE ${names.join(", ")}`));
    return;
  }
  // Only a --replace of a database with a log gets here; the trigger is back before anything else runs.
  await tx.execute(sql.raw("ALTER TABLE audit_log DISABLE TRIGGER USER"));
  await tx.execute(sql.raw(`TRUNCATE ${names.join(", ")}`));
  await tx.execute(sql.raw("ALTER TABLE audit_log ENABLE TRIGGER USER"));
}

async function insertRows(tx: Tx, table: TableInfo, rows: string[]): Promise<void> {
  const cols = table.columns.filter((c) => !table.generated.includes(c)).map(quoteIdent);
  const name = quoteIdent(table.name);
  await tx.execute(
    sql`INSERT INTO ${sql.raw(name)} (${sql.raw(cols.join(", "))})
        SELECT ${sql.raw(cols.join(", "))} FROM json_populate_recordset(NULL::${sql.raw(name)}, ${`[${rows.join(",")}]`}::json)`,
  );
}

/** Each sequence where the backup left it, and never behind the highest value its column holds. */
async function resetSequences(tx: Tx, saved: SequenceValue[]): Promise<void> {
  const byName = new Map(saved.map((s) => [s.name, s]));
  for (const s of await readSequences(tx)) {
    const b = byName.get(s.name);
    const [m] = await rowsOf<{ max: string | null }>(
      tx,
      sql.raw(`SELECT max(${quoteIdent(s.column)})::text AS max FROM ${quoteIdent(s.table)}`),
    );
    const candidates = [b?.isCalled ? BigInt(b.lastValue) : 0n, m?.max ? BigInt(m.max) : 0n];
    const target = candidates.reduce((a, c) => (c > a ? c : a), 0n);
    const seq = `'${quoteIdent(s.name).replaceAll("'", "''")}'`;
    if (target > 0n) await tx.execute(sql.raw(`SELECT setval(${seq}, ${target.toString()}, true)`));
    else await tx.execute(sql.raw(`SELECT setval(${seq}, 1, false)`));
  }
}
