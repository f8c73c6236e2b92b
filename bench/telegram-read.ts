// Reading throughput of the telegram engine on one core, beside a bare line-splitting pass over
// the same text, on two corpora: synthetic telegrams, and the 400 real archive pages of
// ../shared/cables/archive-pages/txt (their text form) repeated to the same size (skipped when absent).
// Run: npx tsx bench/telegram-read.ts [megabytes]   Writes bench/results/telegram-read.json.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readTelegram } from "../src/telegram/read.js";
import { synthTelegrams } from "../src/telegram/synth.js";

const here = dirname(fileURLToPath(import.meta.url));
const targetMB = Number(process.argv[2] ?? 50);
const target = targetMB * 1024 * 1024;
const PAGES = resolve(here, "../../shared/cables/archive-pages/txt");

function synthetic(): string[] {
  const texts: string[] = [];
  let chars = 0;
  for (const t of synthTelegrams({ count: Number.MAX_SAFE_INTEGER, seed: 2008 })) {
    texts.push(t);
    chars += t.length;
    if (chars >= target) break;
  }
  return texts;
}

function real(): string[] | null {
  if (!existsSync(PAGES)) return null;
  const pages = readdirSync(PAGES)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(PAGES, f), "utf8"));
  const texts: string[] = [];
  let chars = 0;
  for (let i = 0; chars < target; i++) {
    const p = pages[i % pages.length] as string;
    texts.push(p);
    chars += p.length;
  }
  return texts;
}

function best(rounds: number, fn: () => number): { ms: number; runs: number[]; check: number } {
  const runs: number[] = [];
  let check = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    check = fn();
    runs.push(performance.now() - t0);
  }
  return { ms: Math.min(...runs), runs, check };
}

function measure(name: string, texts: string[]) {
  const bytes = texts.map((t) => Buffer.byteLength(t, "utf8")).reduce((a, b) => a + b, 0);
  const MB = bytes / (1024 * 1024);
  // warm up so the JIT has compiled both passes before timing
  for (let i = 0; i < 400; i++) readTelegram(texts[i % texts.length] as string);
  const split = best(3, () => {
    let lines = 0;
    for (const t of texts) lines += t.split("\n").length;
    return lines;
  });
  const read = best(3, () => {
    let n = 0;
    for (const t of texts) n += readTelegram(t).model.body.length;
    return n;
  });
  const mbps = (ms: number) => Number((MB / (ms / 1000)).toFixed(1));
  return {
    corpus: name,
    telegrams: texts.length,
    megabytes: Number(MB.toFixed(2)),
    averageBytes: Math.round(bytes / texts.length),
    read: {
      bestMs: Number(read.ms.toFixed(1)),
      runsMs: read.runs.map((r) => Number(r.toFixed(1))),
      mbPerSecond: mbps(read.ms),
      telegramsPerSecond: Math.round(texts.length / (read.ms / 1000)),
    },
    lineSplit: { bestMs: Number(split.ms.toFixed(1)), mbPerSecond: mbps(split.ms), lines: split.check },
    /** Reading speed as a share of the bare split in the same run (the target is ≥ 14 %). */
    shareOfSplit: Number((read.ms > 0 ? split.ms / read.ms : 0).toFixed(3)),
    topLevelNodes: read.check,
  };
}

const results = [measure("synthetic", synthetic())];
const pages = real();
if (pages) results.push(measure("real (400 archive pages, repeated)", pages));
else console.log(`(${PAGES} is absent: the real corpus is skipped)`);

const rows = [["corpus", "pass", "ms (best of 3)", "MB/s", "telegrams/s", "share of split"]];
for (const r of results) {
  rows.push([
    r.corpus,
    "readTelegram",
    String(r.read.bestMs),
    String(r.read.mbPerSecond),
    String(r.read.telegramsPerSecond),
    `${(100 * r.shareOfSplit).toFixed(1)} %`,
  ]);
  rows.push(["", "split lines", String(r.lineSplit.bestMs), String(r.lineSplit.mbPerSecond), "", ""]);
}
for (const r of results)
  console.log(`${r.corpus}: ${r.telegrams} telegrams, ${r.megabytes} MB, ${r.averageBytes} bytes on average`);
for (const row of rows) console.log(row.map((c, i) => c.padEnd(i === 0 ? 36 : 16)).join(""));

const out = join(here, "results", "telegram-read.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ results, node: process.version, target: "read >= 150 MB/s and >= 14 % of the bare split" }, null, 2)}\n`,
);
console.log(`wrote ${out}`);
