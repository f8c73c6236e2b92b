/**
 * The backup file: gzip'd JSON lines, the same from the embedded database and from PostgreSQL.
 *
 *   {"plenary":"backup","format":1,"madeAt":…,"source":…,"migrations":{count,when,tag},"tables":N}
 *   {"table":"audit_log","columns":[…],"rows":2}      then that many rows, one JSON object a line
 *   …                                                 (every table, each after those it refers to)
 *   {"sequences":[{"name","table","column","lastValue","isCalled"}…]}
 *   {"end":true,"tables":N,"rows":R,"sha256":…}       the digest of every line before this one
 *
 * Rows are PostgreSQL's own `row_to_json` text, written and read back untouched, so every value
 * (bytes, times to the microsecond, arrays, JSON) round-trips through PostgreSQL's input functions.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import { ConfigError } from "../errors.js";
import type { MigrationLevel } from "./catalog.js";

export const FORMAT = 1;

/** A backup file or a restore target that cannot be used, told as what to do about it. */
export class BackupError extends ConfigError {}

export interface Header {
  plenary: "backup";
  format: number;
  madeAt: string;
  source: "embedded" | "postgres";
  migrations: MigrationLevel;
  tables: number;
}

export interface TableHeader {
  table: string;
  columns: string[];
  rows: number;
}

export interface SequenceValue {
  name: string;
  table: string;
  column: string;
  lastValue: string;
  isCalled: boolean;
}

export type Entry =
  | { kind: "table"; table: TableHeader }
  | { kind: "row"; table: string; text: string }
  | { kind: "sequences"; sequences: SequenceValue[] }
  | { kind: "end"; tables: number; rows: number };

/** Writes the file under a temporary name, renamed into place only once it is complete and synced. */
export class BackupWriter {
  private readonly gzip = createGzip();
  private readonly out: fs.WriteStream;
  private readonly hash = createHash("sha256");
  private readonly done: Promise<void>;
  private readonly tmp: string;

  constructor(private readonly file: string) {
    this.tmp = `${file}.partial-${process.pid}`;
    try {
      this.out = fs.createWriteStream(this.tmp, { flags: "wx" });
    } catch (e) {
      throw new BackupError(`Cannot write ${file}: ${(e as Error).message}`);
    }
    this.gzip.pipe(this.out);
    this.done = new Promise((resolve, reject) => {
      this.out.on("close", resolve);
      this.out.on("error", reject);
      this.gzip.on("error", reject);
    });
  }

  async line(value: unknown): Promise<void> {
    await this.raw(JSON.stringify(value));
  }

  async raw(text: string): Promise<void> {
    const data = `${text}\n`;
    this.hash.update(data);
    if (!this.gzip.write(data)) await new Promise((r) => this.gzip.once("drain", r));
  }

  async finish(tables: number, rows: number): Promise<number> {
    const trailer = { end: true, tables, rows, sha256: this.hash.digest("hex") };
    this.gzip.end(`${JSON.stringify(trailer)}\n`);
    await this.done.catch((e) => {
      throw new BackupError(`Cannot write ${this.file}: ${(e as Error).message}`);
    });
    const fd = fs.openSync(this.tmp, "r");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(this.tmp, this.file);
    // The rename itself is made durable by syncing the folder that holds it.
    const dir = fs.openSync(path.dirname(path.resolve(this.file)), "r");
    fs.fsyncSync(dir);
    fs.closeSync(dir);
    return fs.statSync(this.file).size;
  }

  abort(): void {
    this.gzip.destroy();
    this.out.destroy();
    fs.rmSync(this.tmp, { force: true });
  }
}

const unusable = (file: string, why: string) =>
  new BackupError(`${file} is not a usable backup: ${why}. Nothing was restored; use another backup file.`);

function parse(file: string, n: number, text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw unusable(file, `line ${n} is not what a backup holds there (the file is corrupted)`);
}

/** Opens a backup and reads its header; `entries` then yields the rest, checked as it goes. */
export async function openBackup(file: string): Promise<{ header: Header; entries: AsyncGenerator<Entry> }> {
  if (!fs.existsSync(file)) {
    throw new BackupError(`No backup file at ${file}: give the path of a file written by 'plenary backup'.`);
  }
  const gunzip = createGunzip();
  const input = fs.createReadStream(file);
  let streamError: Error | null = null;
  const fail = (e: Error) => {
    streamError = e;
    lines.close();
  };
  input.on("error", fail);
  gunzip.on("error", fail);
  const lines = readline.createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  lines.on("error", fail);
  const iterator = lines[Symbol.asyncIterator]();
  const hash = createHash("sha256");
  let n = 0;
  const next = async (): Promise<string | null> => {
    let r: IteratorResult<string>;
    try {
      r = await iterator.next();
    } catch (e) {
      throw streamProblem(file, streamError ?? (e as Error));
    }
    if (streamError) throw streamProblem(file, streamError);
    if (r.done) return null;
    n++;
    return r.value;
  };
  const first = await next();
  if (first === null) throw unusable(file, "it is empty");
  const header = parse(file, 1, first) as unknown as Header;
  if (header.plenary !== "backup") throw unusable(file, "it was not written by 'plenary backup'");
  if (header.format !== FORMAT) {
    throw new BackupError(
      `${file} is in backup format ${header.format}; this version of plenary reads format ${FORMAT}. Restore it with the version that wrote it.`,
    );
  }
  hash.update(`${first}\n`);

  async function* entries(): AsyncGenerator<Entry> {
    let tables = 0;
    let rows = 0;
    try {
      for (;;) {
        const text = await next();
        if (text === null)
          throw unusable(file, `it ends at line ${n}, before its last line (it is truncated)`);
        const v = parse(file, n, text);
        if (v.end === true) {
          if (v.sha256 !== hash.digest("hex")) {
            throw unusable(file, "its content does not match the digest in its last line (it is corrupted)");
          }
          if (v.tables !== tables || v.rows !== rows || tables !== header.tables) {
            throw unusable(
              file,
              `its last line counts ${v.tables} tables and ${v.rows} rows, but it holds ${tables} and ${rows}`,
            );
          }
          if ((await next()) !== null) throw unusable(file, `it goes on after its last line (line ${n})`);
          yield { kind: "end", tables, rows };
          return;
        }
        hash.update(`${text}\n`);
        if (Array.isArray(v.sequences)) {
          yield { kind: "sequences", sequences: v.sequences as SequenceValue[] };
          continue;
        }
        if (typeof v.table !== "string" || !Array.isArray(v.columns) || typeof v.rows !== "number") {
          throw unusable(file, `line ${n} is not what a backup holds there (the file is corrupted)`);
        }
        const table = v as unknown as TableHeader;
        tables++;
        yield { kind: "table", table };
        for (let i = 0; i < table.rows; i++) {
          const row = await next();
          if (row === null) throw unusable(file, `it ends in the rows of ${table.table} (it is truncated)`);
          if (!row.startsWith("{") || !row.endsWith("}")) {
            throw unusable(file, `line ${n}, a row of ${table.table}, is damaged (the file is corrupted)`);
          }
          hash.update(`${row}\n`);
          rows++;
          yield { kind: "row", table: table.table, text: row };
        }
      }
    } finally {
      lines.close();
      input.destroy();
    }
  }
  return { header, entries: entries() };
}

function streamProblem(file: string, e: Error): BackupError {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  if (code === "Z_BUF_ERROR" || /unexpected end/i.test(e.message)) {
    return unusable(file, "it ends before its last line (it is truncated)");
  }
  if (code === "Z_DATA_ERROR" && /header/i.test(e.message)) {
    return unusable(file, "it is not a gzip file written by 'plenary backup'");
  }
  if (code.startsWith("Z_")) return unusable(file, `its compressed data is damaged (${e.message})`);
  return new BackupError(`Cannot read ${file}: ${e.message}`);
}
