/**
 * What a backup reads of the database's own catalogue: the tables of the public schema, their
 * columns, primary keys, foreign keys and serial sequences, and the migration level. Nothing here
 * names a capability's table: a backup holds whatever the migrations made.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { MIGRATIONS_FOLDER, type Queryable, rowsOf } from "../db/index.js";

export interface TableInfo {
  name: string;
  /** Every column, in the table's order; generated ones are computed again on restore. */
  columns: string[];
  generated: string[];
  /** The primary key's columns (all columns when there is none): the backup's row order. */
  orderBy: string[];
  /** Nullable columns referring to the same table: filled in after all its rows are in. */
  selfRefs: string[];
}

export interface SequenceInfo {
  name: string;
  table: string;
  column: string;
}

export interface MigrationLevel {
  /** How many migrations have been applied. */
  count: number;
  /** The newest one's timestamp (drizzle's `created_at`, the journal's `when`). */
  when: number;
  /** Its name in drizzle/meta/_journal.json, when this version of plenary knows it. */
  tag: string | null;
}

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The tables of the public schema, ordered so that a table comes after every table it refers to. */
export async function readTables(db: Queryable): Promise<TableInfo[]> {
  const cols = await rowsOf<{ table: string; column: string; generated: string; nullable: boolean }>(
    db,
    sql`SELECT c.relname AS "table", a.attname AS "column", a.attgenerated AS generated,
               NOT a.attnotnull AS nullable
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
         ORDER BY c.relname, a.attnum`,
  );
  const pks = await rowsOf<{ table: string; column: string }>(
    db,
    sql`SELECT c.relname AS "table", a.attname AS "column"
          FROM pg_index i
          JOIN pg_class c ON c.oid = i.indrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
         WHERE n.nspname = 'public' AND i.indisprimary
         ORDER BY c.relname, k.ord`,
  );
  const fks = await rowsOf<{ table: string; refers: string; columns: string[] }>(
    db,
    sql`SELECT c.relname AS "table", r.relname AS refers,
               ARRAY(SELECT a.attname FROM pg_attribute a
                      WHERE a.attrelid = c.oid AND a.attnum = ANY (k.conkey) ORDER BY a.attnum)::text[] AS columns
          FROM pg_constraint k
          JOIN pg_class c ON c.oid = k.conrelid
          JOIN pg_class r ON r.oid = k.confrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND k.contype = 'f'
         ORDER BY c.relname, k.conname`,
  );
  const tables = new Map<string, TableInfo>();
  const nullable = new Set<string>();
  for (const c of cols) {
    const t = tables.get(c.table) ?? { name: c.table, columns: [], generated: [], orderBy: [], selfRefs: [] };
    t.columns.push(c.column);
    if (c.generated) t.generated.push(c.column);
    if (c.nullable) nullable.add(`${c.table}.${c.column}`);
    tables.set(c.table, t);
  }
  for (const k of pks) tables.get(k.table)?.orderBy.push(k.column);
  const dependsOn = new Map<string, Set<string>>();
  for (const t of tables.values()) dependsOn.set(t.name, new Set());
  for (const f of fks) {
    const t = tables.get(f.table);
    if (!t) continue;
    if (f.refers !== f.table) dependsOn.get(f.table)?.add(f.refers);
    else if (f.columns.every((c) => nullable.has(`${f.table}.${c}`))) t.selfRefs.push(...f.columns);
  }
  for (const t of tables.values()) {
    if (t.orderBy.length === 0) t.orderBy = t.columns.filter((c) => !t.generated.includes(c));
  }
  return inDependencyOrder([...tables.values()], dependsOn);
}

/** Tables by name, each after those it refers to; a cycle between tables cannot be loaded in order. */
function inDependencyOrder(tables: TableInfo[], dependsOn: Map<string, Set<string>>): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (name: string, trail: string[]) => {
    if (done.has(name)) return;
    if (visiting.has(name)) {
      throw new Error(`The tables ${[...trail, name].join(" → ")} refer to each other in a cycle`);
    }
    visiting.add(name);
    for (const d of [...(dependsOn.get(name) ?? [])].sort()) visit(d, [...trail, name]);
    visiting.delete(name);
    done.add(name);
    const t = byName.get(name);
    if (t) out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t.name, []);
  return out;
}

/** The sequences owned by columns of public tables (serial and identity columns). */
export async function readSequences(db: Queryable): Promise<SequenceInfo[]> {
  return rowsOf<SequenceInfo>(
    db,
    sql`SELECT s.relname AS name, t.relname AS "table", a.attname AS "column"
          FROM pg_class s
          JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
                          AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
          JOIN pg_class t ON t.oid = d.refobjid
          JOIN pg_namespace n ON n.oid = t.relnamespace
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
         WHERE s.relkind = 'S' AND n.nspname = 'public'
         ORDER BY s.relname`,
  );
}

/** The migrations drizzle recorded as applied, or null when the database has never been migrated. */
export async function readMigrationLevel(db: Queryable): Promise<MigrationLevel | null> {
  const [exists] = await rowsOf<{ ok: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`,
  );
  if (!exists?.ok) return null;
  const [row] = await rowsOf<{ count: number; when: string | null }>(
    db,
    sql`SELECT count(*)::int AS count, max(created_at)::text AS "when" FROM drizzle.__drizzle_migrations`,
  );
  if (!row || row.count === 0 || row.when === null) return null;
  const when = Number(row.when);
  return { count: row.count, when, tag: migrationTag(when) };
}

function migrationTag(when: number): string | null {
  try {
    const journal = JSON.parse(
      fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8"),
    ) as {
      entries: { when: number; tag: string }[];
    };
    return journal.entries.find((e) => e.when === when)?.tag ?? null;
  } catch {
    return null;
  }
}

export function describeLevel(level: MigrationLevel): string {
  return `migration level ${level.count} (${level.tag ?? `unknown to this version of plenary, made ${new Date(level.when).toISOString()}`})`;
}
