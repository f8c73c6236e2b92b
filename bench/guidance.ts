// Guidance at size, pure, on one core: a guidance of 40 items and 400 points (deterministic text
// of drafters' length) rendered as a telegram (renderGuidance), read back by the engine
// (readTelegram), checked (checkTelegram on the model read back), and turned back into content
// (guidanceFromTelegram). Each step timed over many runs after a warm-up; target: render + read +
// check ≤ 20 ms (median).
// Run: npm run bench:guidance [runs]

import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { US_LADDER } from "../src/core/access/markings.js";
import type { GuidanceContent, GuidanceItem, Mode, Portion } from "../src/guidance/content.js";
import { guidanceFromTelegram } from "../src/guidance/from-telegram.js";
import { SCENARIO_APPROVAL, SCENARIO_GUIDANCE, SCENARIO_RELEASE } from "../src/guidance/scenario.js";
import { renderGuidance } from "../src/guidance/telegram.js";
import { checkTelegram, readTelegram } from "../src/telegram/index.js";

const RUNS = Number(process.argv[2] ?? 300);
const WARMUP = 50;
const LIMIT = 20;

const WORDS =
  "Partners agreed to discuss membership outreach at the Plenary meeting and national export controls licensing U.S. supports this initiative would like to advise that the Commerce Control List has been amended to reflect changes Annex Canberra technical experts papers circulate four weeks in advance presentations note urge encourage Regime's transparency dialogue with non-members visits host country".split(
    " ",
  );
let seed = 2008;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const sentence = (n: number) => {
  const s = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
};
const MARKS = ["U", "SBU", "C", "SBU", "C"];
const MODES: Mode[] = ["should", "as_appropriate", "as_necessary_and_appropriate", "if_raised"];
const p = (text: string, k: number): Portion => ({ text, marking: MARKS[k % MARKS.length] as string });

// 40 items of 10 points each, in one or two blocks; a background of two paragraphs; a note on one in four.
const items: GuidanceItem[] = Array.from({ length: 40 }, (_, i) => {
  const points = Array.from({ length: 10 }, (_, j) => p(`${sentence(18)} ${sentence(12)}`, i + j));
  const split = i % 2 ? 6 : 10;
  return {
    agendaItemId: null,
    heading: p(`AGENDA ITEM ${i + 1}: MISSILE TECHNOLOGY CONTROL REGIME MATTERS`, i),
    background: p(`${sentence(40)} ${sentence(30)}\n\n${sentence(35)}`, i + 2),
    blocks: [
      { mode: MODES[i % 4] as Mode, points: points.slice(0, split) },
      ...(split < 10 ? [{ mode: MODES[(i + 1) % 4] as Mode, points: points.slice(split) }] : []),
    ],
    notes: i % 4 === 3 ? [p(sentence(25), i)] : [],
  };
});
const content: GuidanceContent = { ...SCENARIO_GUIDANCE, items };

const render = () => renderGuidance(content, US_LADDER, SCENARIO_APPROVAL, SCENARIO_RELEASE);
const text = render();
{
  // what is measured is right: the checker finds no error, and the content comes back whole
  const model = readTelegram(text).model;
  const errors = checkTelegram(model).filter((f) => f.severity === "error");
  if (errors.length) throw new Error(`checker: ${errors[0]?.message}`);
  const back = guidanceFromTelegram(model);
  if (back.unplaced.length || !isDeepStrictEqual(back.content, content))
    throw new Error("the content did not come back whole");
}
const points = items.reduce((n, i) => n + i.blocks.reduce((m, b) => m + b.points.length, 0), 0);
console.log(
  `guidance of ${items.length} items and ${points} points: ${text.length.toLocaleString("en")} characters, ${text.split("\n").length} lines; ${RUNS} runs after ${WARMUP} of warm-up`,
);

const steps = {
  render: [] as number[],
  read: [] as number[],
  check: [] as number[],
  fromTelegram: [] as number[],
};
const totals: number[] = [];
const all: number[] = [];
let sink = 0;
for (let r = 0; r < WARMUP + RUNS; r++) {
  const t0 = performance.now();
  const t = render();
  const t1 = performance.now();
  const read = readTelegram(t);
  const t2 = performance.now();
  const findings = checkTelegram(read.model);
  const t3 = performance.now();
  const back = guidanceFromTelegram(read.model);
  const t4 = performance.now();
  sink += t.length + findings.length + back.content.items.length;
  if (r < WARMUP) continue;
  steps.render.push(t1 - t0);
  steps.read.push(t2 - t1);
  steps.check.push(t3 - t2);
  steps.fromTelegram.push(t4 - t3);
  totals.push(t3 - t0);
  all.push(t4 - t0);
}

const q = (xs: number[], f: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(f * xs.length) - 1)] ?? 0;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const row = (what: string, xs: number[]) =>
  console.log(
    `${what.padEnd(40)} ${q(xs, 0.5).toFixed(2).padStart(8)} ${q(xs, 0.95).toFixed(2).padStart(8)} ${mean(xs).toFixed(2).padStart(8)}`,
  );
console.log(`${"step (ms)".padEnd(40)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"mean".padStart(8)}`);
row("render (renderGuidance)", steps.render);
row("read back (readTelegram)", steps.read);
row("check (checkTelegram)", steps.check);
row("from telegram (guidanceFromTelegram)", steps.fromTelegram);
row("render + read + check", totals);
row("all four", all);
const median = q(totals, 0.5);
console.log(
  `render + read + check, median ${median.toFixed(2)} ms (limit ${LIMIT} ms) ${median <= LIMIT ? "ok" : "OVER"}`,
);
if (sink < 0) console.log(sink);
if (median > LIMIT) process.exitCode = 1;
