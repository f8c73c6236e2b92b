import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshCliEnv } from "../../test/support/context.js";
import { runCli } from "../../test/support/spawn.js";
import { quoteIdent, readTables } from "../core/backup/catalog.js";
import { openDatabase, rowsOf } from "../core/db/index.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-backup-"));
const NOW = { PLENARY_NOW: "2008-07-02T12:02Z" };
const cleanups: (() => Promise<void>)[] = [];
let source: Record<string, string>;
let target: Record<string, string>;
const file = path.join(dir, "backup.jsonl.gz");

async function database(name: string): Promise<Record<string, string>> {
  const made = await freshCliEnv(path.join(dir, name));
  cleanups.push(made.cleanup);
  return { ...made.env, ...NOW };
}

/** Every table's rows as PostgreSQL's JSON text, in primary-key order, read in this process. */
async function everyRow(env: Record<string, string>): Promise<Record<string, string[]>> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.PLENARY_DATA ?? "" });
  try {
    return await db.db.transaction(async (tx) => {
      await tx.execute(sql.raw("SET LOCAL TIME ZONE 'UTC'"));
      const out: Record<string, string[]> = {};
      for (const t of await readTables(tx)) {
        const rows = await rowsOf<{ j: string }>(
          tx,
          sql.raw(
            `SELECT row_to_json(t)::text AS j FROM ${quoteIdent(t.name)} t ORDER BY ${t.orderBy.map(quoteIdent).join(", ")}`,
          ),
        );
        out[t.name] = rows.map((r) => r.j);
      }
      return out;
    });
  } finally {
    await db.close();
  }
}

/** The backup's lines, changed by `edit`, written again with a digest that matches them. */
function rewritten(edit: (lines: string[]) => void): string {
  const lines = gunzipSync(fs.readFileSync(file)).toString("utf8").trimEnd().split("\n");
  const end = JSON.parse(lines.pop() ?? "{}");
  edit(lines);
  const body = `${lines.join("\n")}\n`;
  end.sha256 = createHash("sha256").update(body).digest("hex");
  const out = path.join(dir, `edited-${cleanups.length}-${Math.random().toString(36).slice(2)}.gz`);
  fs.writeFileSync(out, gzipSync(`${body}${JSON.stringify(end)}\n`));
  return out;
}

let seeded: Record<string, string[]>;
beforeAll(async () => {
  source = await database("source");
  target = await database("target");
  const seed = await runCli(["seed"], source);
  expect(seed.code).toBe(0);
  seeded = await everyRow(source);
}, 180_000);
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe("plenary backup and restore", () => {
  it("backs up a seeded database and restores it row for row into a new one", async () => {
    const b = await runCli(["backup", file], source);
    expect(b.stderr).toBe("");
    expect(b.stdout).toMatch(
      /^Backed up \d+ tables, \d+ rows \(\d+ audit entries\) at migration level \d+ \(\d{4}_\w+\) from .+ to .+backup\.jsonl\.gz \(\d+ kB\)\.\n$/,
    );
    const r = await runCli(["restore", file], target);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Restored \d+ tables, \d+ rows \(\d+ audit entries, chain verified\) from /);
    const restored = await everyRow(target);
    expect(Object.keys(restored).length).toBeGreaterThan(40);
    expect(seeded.audit_log?.length).toBeGreaterThan(10);
    for (const table of Object.keys(seeded)) expect(restored[table], table).toEqual(seeded[table]);
    expect(restored).toEqual(seeded);
    const verify = await runCli(["audit", "verify"], target);
    expect(verify.stdout).toBe(`Audit log intact: ${seeded.audit_log?.length} entries verified.\n`);
    // The sequences follow the rows: a new record takes the next free id.
    const add = await runCli(
      [
        "user",
        "add",
        "after.restore",
        "--name",
        "After",
        "--government",
        "FR",
        "--password",
        "long-enough-pass",
      ],
      target,
    );
    expect(add.stderr).toBe("");
    expect(add.code).toBe(0);
  });

  it("refuses a database that is not empty, unchanged, and replaces it when asked", async () => {
    const before = await everyRow(target);
    const again = await runCli(["restore", file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty \(\d+ rows in \d+ tables — /);
    expect(again.stderr).toContain("Restore into a new database");
    expect(again.stderr).toContain("or add --replace to discard everything it holds");
    expect(await everyRow(target)).toEqual(before);
    const replaced = await runCli(["restore", "--replace", file], target);
    expect(replaced.stderr).toBe("");
    expect(replaced.stdout).toMatch(/, replacing \d+ rows it held\.\n$/);
    expect(await everyRow(target)).toEqual(seeded);
    // The append-only trigger is back: the log still refuses changes.
    const db = await openDatabase({
      databaseUrl: target.DATABASE_URL ?? null,
      dataDir: target.PLENARY_DATA ?? "",
    });
    try {
      await expect(db.db.execute(sql.raw("DELETE FROM audit_log WHERE seq = 1"))).rejects.toThrow();
      await expect(db.db.execute(sql.raw("TRUNCATE audit_log"))).rejects.toThrow();
    } finally {
      await db.close();
    }
  });

  it("refuses a missing, corrupted, truncated or foreign file, or one of another migration level, restoring nothing", async () => {
    const fresh = await database("fresh");
    const refused = async (args: string[], message: RegExp | string) => {
      const r = await runCli(["restore", ...args], fresh);
      expect(r.code, r.stderr).toBe(1);
      if (typeof message === "string") expect(r.stderr).toContain(message);
      else expect(r.stderr).toMatch(message);
    };
    await refused([path.join(dir, "nothing-here.gz")], "No backup file at");
    const bytes = fs.readFileSync(file);
    const truncated = path.join(dir, "truncated.gz");
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await refused(
      [truncated],
      /is not a usable backup: it ends .*\(it is truncated\)\. Nothing was restored/,
    );
    const flipped = Buffer.from(bytes);
    const at = Math.floor(bytes.length * 0.6);
    flipped[at] = (flipped[at] ?? 0) ^ 0xff;
    const corrupt = path.join(dir, "corrupt.gz");
    fs.writeFileSync(corrupt, flipped);
    await refused([corrupt], /is not a usable backup: .*(damaged|corrupted)/);
    const text = path.join(dir, "notes.txt");
    fs.writeFileSync(text, "not a backup\n");
    await refused([text], "is not a gzip file written by 'plenary backup'");
    const altered = rewritten((lines) => {
      const i = lines.findIndex((l) => l.startsWith('{"seq":'));
      expect(i).toBeGreaterThan(0);
      lines[i] = (lines[i] ?? "").replace(/"actor":"[^"]*"/, '"actor":"someone.else"');
    });
    const digestless = path.join(dir, "digest.gz");
    fs.writeFileSync(
      digestless,
      gzipSync(gunzipSync(bytes).toString("utf8").replace('"actor":"', '"actor":"x')),
    );
    await refused([digestless], "does not match the digest in its last line (it is corrupted)");
    await refused([altered], /holds an audit log broken at entry \d+: entry \d+ was altered/);
    const older = rewritten((l) => {
      const header = JSON.parse(l[0] ?? "{}");
      header.migrations = { count: header.migrations.count - 1, when: header.migrations.when - 1, tag: null };
      l[0] = JSON.stringify(header);
    });
    await refused(
      [older],
      /was made at migration level \d+ \(unknown to this version of plenary, .*\); the database is at migration level \d+ .*Restore it with the version of plenary that made it/,
    );
    // Nothing was restored by any of them: the database holds what migrations made, and takes a good backup.
    const r = await runCli(["restore", file], fresh);
    expect(r.stderr).toBe("");
    expect(await everyRow(fresh)).toEqual(seeded);
  }, 240_000);

  it.runIf(inject("dbTemplate").kind === "postgres")(
    "restores a PostgreSQL backup into the embedded database, and that one's backup into PostgreSQL",
    async () => {
      const embedded = { PLENARY_DATA: path.join(dir, "embedded"), ...NOW };
      expect((await runCli(["restore", file], embedded)).stderr).toBe("");
      expect(await everyRow(embedded)).toEqual(seeded);
      const back = path.join(dir, "from-embedded.gz");
      expect((await runCli(["backup", back], embedded)).code).toBe(0);
      const server = await database("round-trip");
      expect((await runCli(["restore", back], server)).stderr).toBe("");
      expect(await everyRow(server)).toEqual(seeded);
      expect((await runCli(["audit", "verify"], server)).code).toBe(0);
    },
    180_000,
  );
});
