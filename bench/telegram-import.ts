// Import throughput of the telegram archive: synthetic telegrams (as `plenary telegram synth`
// makes them) stored through the same code as `plenary telegram import`, into the embedded
// database and, when BENCH_DATABASE_URL is set, into that PostgreSQL server.
// Run: node --import tsx bench/telegram-import.ts [count]   (default 251287, the Cablegate release)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { SYSTEM_ACTOR } from "../src/core/audit/append.js";
import { systemClock } from "../src/core/clock.js";
import { type Database, openEmbedded, openPostgres } from "../src/core/db/index.js";
import { ensureReferenceData } from "../src/directory/reference.js";
import { importTelegrams } from "../src/telegram/archive/import.js";
import type { ImportItem } from "../src/telegram/archive/sources.js";
import { synthTelegrams } from "../src/telegram/synth.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const COUNT = Number(process.argv[2] ?? 251_287);

function* items(count: number): Generator<ImportItem> {
  let i = 0;
  for (const text of synthTelegrams({ count, seed: 1966 })) {
    i++;
    yield { name: `synth-${i}.txt`, bytes: Buffer.from(text, "utf8") };
  }
}

/** Resident memory of this process and every process it started (the empty-cluster maker). */
function treeRss(): number {
  let total = process.memoryUsage().rss;
  const pageSize = 4096;
  const children = (pid: number): number[] => {
    const out: number[] = [];
    try {
      for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
        const list = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
        if (list) out.push(...list.split(/\s+/).map(Number));
      }
    } catch {
      // Not Linux, or the process has gone.
    }
    return out;
  };
  const pending = children(process.pid);
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    try {
      total += Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * pageSize;
    } catch {
      continue;
    }
    pending.push(...children(pid));
  }
  return total;
}

let peakRss = 0;
let peakAt = "";
let progress = 0;
const sampler = setInterval(() => {
  const rss = treeRss();
  if (rss > peakRss) {
    peakRss = rss;
    peakAt = `after ${progress} telegrams`;
  }
}, 200);

async function run(label: string, database: Database) {
  await database.migrate();
  await ensureReferenceData(database.db, systemClock);
  const started = performance.now();
  let lastLog = started;
  const summary = await importTelegrams(database.db, items(COUNT), {
    space: "US",
    actor: SYSTEM_ACTOR,
    clock: systemClock,
    batchSize: 250,
    vectorize: database.kind === "embedded",
    cacheDir: database.kind === "embedded" ? path.join(database.location, "cache") : undefined,
    onProgress: (done) => {
      progress = done;
      const now = performance.now();
      if (now - lastLog > 10_000) {
        lastLog = now;
        const m = process.memoryUsage();
        process.stderr.write(
          `${label}: ${done}/${COUNT} in ${((now - started) / 1000).toFixed(0)} s; rss ${m.rss >> 20} heap ${m.heapUsed >> 20}/${m.heapTotal >> 20} external ${m.external >> 20} buffers ${m.arrayBuffers >> 20} MB\n`,
        );
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  return {
    database: label,
    telegrams: COUNT,
    imported: summary.imported,
    duplicates: summary.duplicates,
    skipped: summary.skipped.length,
    megabytes: Number((summary.bytes / 1048576).toFixed(1)),
    seconds: Number(seconds.toFixed(1)),
    telegramsPerSecond: Math.round(COUNT / seconds),
    peakRssMb: Math.round(peakRss / 1048576),
    peakAt,
  };
}

const results = [];
// A new data folder each run: the empty cluster is made (in its own process) within the measure.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-import-bench-"));
results.push(await run("PGlite", await openEmbedded(dir)));
fs.rmSync(dir, { recursive: true, force: true });

const server = process.env.BENCH_DATABASE_URL;
if (server) {
  const name = `plenary_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  peakRss = 0;
  results.push(await run("PostgreSQL", await openPostgres(url.toString())));
  await admin.query(`DROP DATABASE ${name}`);
  await admin.end();
}
clearInterval(sampler);

console.log(
  `\n${"database".padEnd(12)}${"telegrams".padStart(10)}${"MB".padStart(8)}${"seconds".padStart(9)}${"tel/s".padStart(8)}${"peak RSS".padStart(10)}`,
);
for (const r of results) {
  console.log(
    `${r.database.padEnd(12)}${String(r.imported).padStart(10)}${String(r.megabytes).padStart(8)}${String(r.seconds).padStart(9)}${String(r.telegramsPerSecond).padStart(8)}${`${r.peakRssMb} MB`.padStart(10)}`,
  );
}
console.log(
  "targets: 251,287 telegrams in ≤ 300 s on PGlite, peak RSS ≤ 1024 MB (this process and those it starts)",
);
const out = path.join(ROOT, "bench/results/telegram-import.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
console.log(`wrote ${path.relative(ROOT, out)}`);
