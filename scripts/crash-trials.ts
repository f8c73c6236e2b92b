/**
 * npm run test:crash -- [--trials N] [--seed S] [--window MS]
 *
 * Crash trials (scripts/crash/trials.ts) on a new embedded data folder, or, with DATABASE_URL set,
 * on a new database made on that PostgreSQL server (and dropped after). Exits 1 on any failure.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runTrials } from "./crash/trials.js";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) {
    console.error(`--${name}: give a whole number, e.g. --${name} ${fallback}`);
    process.exit(2);
  }
  return v;
}

async function admin(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const trials = option("trials", 100);
const seed = option("seed", Math.floor(Math.random() * 2 ** 31));
const windowMs = option("window", 1000);
const server = process.env.DATABASE_URL || null;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-crash-"));
const name = `plenary_crash_${process.pid}`;
let env: Record<string, string>;
if (server) {
  await admin(server, `CREATE DATABASE ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  env = { DATABASE_URL: u.toString() };
} else env = { PLENARY_DATA: path.join(workDir, "data") };
env.PLENARY_NOW = "2008-07-02T12:02Z";
const where = server ? `PostgreSQL (${new URL(server).host})` : "the embedded database (PGlite)";
console.log(
  `Crash trials on ${where}: ${trials} trials, seed ${seed}, kills up to ${windowMs} ms into writing.`,
);
try {
  const r = await runTrials({ env, trials, workDir, seed, windowMs, log: (l) => console.log(`  ${l}`) });
  console.log(
    `${r.trials} trials (${r.killedStarting} killed while opening the database), ${r.acknowledged} acknowledged writes, ` +
      `${r.papers} papers and ${r.auditEntries} audit entries after the last restart, in ${r.seconds.toFixed(1)} s ` +
      `(${r.seedSeconds.toFixed(1)} s loading the scenario, ${((r.seconds - r.seedSeconds) / Math.max(r.trials, 1)).toFixed(2)} s a trial).`,
  );
  if (r.ok)
    console.log(
      "Result: every acknowledged write survived, none was half-written, the audit chain verifies.",
    );
  else {
    console.log("Result: FAILED");
    for (const f of r.failures) console.log(`  ${f}`);
    process.exitCode = 1;
  }
} finally {
  if (server) await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  fs.rmSync(workDir, { recursive: true, force: true });
}
