import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { ConfigError } from "../errors.js";
import { discardTarball, emptyClusterTarball, readTarball } from "./empty-cluster.js";
import { ensureWritableFolder, type FolderLock, lockFolder } from "./lock.js";

/** Queries are built from the tables each capability exports; no relational schema is registered. */
type NoSchema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, NoSchema>;
/**
 * A transaction: what every change takes, so that a change and its audit entry (`appendAudit`
 * takes a Tx too) cannot be written outside one.
 */
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** Either the database or a transaction on it: what reads take. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: "embedded" | "postgres";
  /** Where the data lives: a folder, or the server's address without the password. */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database's data folder as a tarball (tests copy a prepared database this way). */
  dump?: () => Promise<Blob>;
}

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../drizzle",
);

/**
 * The embedded server shares this process's memory: PostgreSQL's defaults (128 MB of shared
 * buffers) would cost more than the data of one regime needs.
 */
const EMBEDDED_SETTINGS = [
  `shared_buffers=${process.env.PLENARY_PG_SHARED_BUFFERS || "16MB"}`,
  "work_mem=4MB",
  "maintenance_work_mem=32MB",
  "temp_buffers=4MB",
];

export async function openEmbedded(dataDir: string): Promise<Database> {
  ensureWritableFolder(dataDir);
  const lock: FolderLock = lockFolder(dataDir);
  let client: PGlite;
  try {
    const pgDir = path.join(dataDir, "pg");
    // A new database starts from an empty cluster made in another process (see empty-cluster.ts).
    const fresh = !fs.existsSync(pgDir) || fs.readdirSync(pgDir).length === 0;
    const tarball = fresh ? await emptyClusterTarball(path.join(dataDir, "cache")) : null;
    const loadDataDir = readTarball(tarball);
    try {
      client = await PGlite.create(pgDir, { postgresqlconf: EMBEDDED_SETTINGS, loadDataDir });
    } catch (e) {
      if (!tarball || !loadDataDir) throw e;
      // The folder was empty before this attempt, and the lock keeps others out of it: clear what
      // the attempt left, forget the tarball, and create the cluster here.
      fs.rmSync(pgDir, { recursive: true, force: true });
      discardTarball(tarball, (e as Error).message);
      client = await PGlite.create(pgDir, { postgresqlconf: EMBEDDED_SETTINGS });
    }
  } catch (e) {
    lock.release();
    throw new ConfigError(`Cannot open the embedded database in ${dataDir}: ${(e as Error).message}`);
  }
  return fromPglite(client, dataDir, lock);
}

/** An embedded database in memory, optionally started from a dumped data folder (tests). */
export async function openInMemory(loadDataDir?: Blob): Promise<Database> {
  const client = await PGlite.create(loadDataDir ? { loadDataDir } : {});
  return fromPglite(client, "memory", null);
}

function fromPglite(client: PGlite, location: string, lock: FolderLock | null): Database {
  const db = drizzlePglite({ client }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: "embedded",
    location,
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async dump() {
      const file = await client.dumpDataDir("none");
      return file;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    // Compiling a plan costs tens of milliseconds and pays only on long analytic queries; the
    // planner's cost estimate for a broad search crosses its threshold without being one.
    options: "-c jit=off",
  });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const where = describeUrl(url);
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    const err = e as NodeJS.ErrnoException;
    const reason = err.code ?? err.message;
    if (
      err.code === "ECONNREFUSED" ||
      err.code === "ENOTFOUND" ||
      err.code === "ETIMEDOUT" ||
      /timeout/i.test(err.message)
    ) {
      throw new ConfigError(
        `Cannot reach PostgreSQL at ${where} (${reason}): start the server, or fix the host and port in DATABASE_URL.`,
      );
    }
    throw new ConfigError(`PostgreSQL at ${where} refused the connection: ${err.message}. Fix DATABASE_URL.`);
  }
  const db = drizzlePg({ client: pool }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: "postgres",
    location: where,
    async migrate() {
      await migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

export async function openDatabase(config: {
  databaseUrl: string | null;
  dataDir: string;
}): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openEmbedded(config.dataDir);
}

/** The rows of a raw SQL query, on either driver. */
export async function rowsOf<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
