// Reading throughput of the telegram engine on one core, beside a bare line-splitting pass over
// the same bytes. Run: npx tsx bench/telegram-read.ts [megabytes]
// Writes bench/results/telegram-read.json.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readTelegram } from "../src/telegram/read.js";
import { synthTelegrams } from "../src/telegram/synth.js";

const targetMB = Number(process.argv[2] ?? 50);
const texts: string[] = [];
let chars = 0;
for (const t of synthTelegrams({ count: Number.MAX_SAFE_INTEGER, seed: 2008 })) {
  texts.push(t);
  chars += t.length;
  if (chars >= targetMB * 1024 * 1024) break;
}
const bytes = texts.map((t) => Buffer.byteLength(t, "utf8")).reduce((a, b) => a + b, 0);
const MB = bytes / (1024 * 1024);

function time(fn: () => number): { ms: number; check: number } {
  const t0 = performance.now();
  const check = fn();
  return { ms: performance.now() - t0, check };
}

// warm up both passes so the JIT has compiled them before timing
for (let i = 0; i < 200; i++) readTelegram(texts[i % texts.length] as string);

const split = time(() => {
  let lines = 0;
  for (const t of texts) lines += t.split("\n").length;
  return lines;
});
const runs: number[] = [];
let paragraphs = 0;
for (let round = 0; round < 3; round++) {
  const r = time(() => {
    let n = 0;
    for (const t of texts) n += readTelegram(t).model.body.length;
    return n;
  });
  runs.push(r.ms);
  paragraphs = r.check;
}
const best = Math.min(...runs);
const result = {
  telegrams: texts.length,
  megabytes: Number(MB.toFixed(2)),
  averageBytes: Math.round(bytes / texts.length),
  read: {
    bestMs: Number(best.toFixed(1)),
    runsMs: runs.map((r) => Number(r.toFixed(1))),
    mbPerSecond: Number((MB / (best / 1000)).toFixed(1)),
    telegramsPerSecond: Math.round(texts.length / (best / 1000)),
  },
  lineSplit: {
    ms: Number(split.ms.toFixed(1)),
    mbPerSecond: Number((MB / (split.ms / 1000)).toFixed(1)),
    lines: split.check,
  },
  topLevelNodes: paragraphs,
  node: process.version,
  target: "read >= 50 MB/s",
};

const rows = [
  ["pass", "ms", "MB/s", "telegrams/s"],
  ["readTelegram (best of 3)", result.read.bestMs, result.read.mbPerSecond, result.read.telegramsPerSecond],
  [
    "split lines",
    result.lineSplit.ms,
    result.lineSplit.mbPerSecond,
    Math.round(texts.length / (split.ms / 1000)),
  ],
];
console.log(
  `${result.telegrams} synthetic telegrams, ${result.megabytes} MB, ${result.averageBytes} bytes on average`,
);
for (const row of rows) console.log(row.map((c, i) => String(c).padEnd(i === 0 ? 26 : 12)).join(""));

const out = join(dirname(fileURLToPath(import.meta.url)), "results", "telegram-read.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${out}`);
