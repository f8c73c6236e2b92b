/**
 * Crash trials: a writer process (writer.ts) is killed with SIGKILL at a random moment, again and
 * again, on one database; each next writer opens what the killed one left and checks that every
 * write it acknowledged is there whole, that nothing is half-written, and that the audit chain
 * verifies. Most kills land while papers are being written; some while the writer is still
 * opening the database (recovery, the folder lock, migrations).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Acknowledged, CheckResult } from "./check.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WRITER = path.join(ROOT, "scripts/crash/writer.ts");
const MAIN = path.join(ROOT, "src/cli/main.ts");

export interface TrialOptions {
  /** The database: PLENARY_DATA or DATABASE_URL (and PLENARY_NOW); it is seeded first. */
  env: Record<string, string>;
  trials: number;
  /** Where the acknowledged writes are kept between trials. */
  workDir: string;
  seed?: number;
  /** How long after the writer's first commit a kill may land, at most (from when it is ready). */
  windowMs?: number;
  /** The share of kills aimed at the writer's start instead. */
  startupShare?: number;
  log?: (line: string) => void;
}

export interface TrialReport {
  ok: boolean;
  trials: number;
  killedStarting: number;
  acknowledged: number;
  papers: number;
  auditEntries: number;
  seconds: number;
  /** Of which loading the scenario before the first trial. */
  seedSeconds: number;
  failures: string[];
}

/** A small seeded generator (mulberry32), so a run can be repeated with --seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function childEnv(env: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      v !== undefined &&
      !/^(DATABASE_URL|PLENARY_DATA|PLENARY_NOW|NODE_OPTIONS|VITEST.*|TEST_DATABASE_URL)$/.test(k)
    )
      out[k] = v;
  }
  return { ...out, LOG_LEVEL: "warn", ...env };
}

interface Run {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  onLine(fn: (line: string) => void): void;
}

function start(script: string, args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: childEnv(env),
  });
  const lines: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  let partial = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => {
    partial += d.toString("utf8");
    for (let i = partial.indexOf("\n"); i >= 0; i = partial.indexOf("\n")) {
      const line = partial.slice(0, i);
      partial = partial.slice(i + 1);
      lines.push(line);
      for (const l of listeners) l(line);
    }
  });
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString("utf8");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, lines, stderr: () => err, exited, onLine: (fn) => listeners.push(fn) };
}

const checkOf = (lines: string[]): CheckResult | null => {
  const line = lines.find((l) => l.startsWith("check "));
  return line ? (JSON.parse(line.slice(6)) as CheckResult) : null;
};

export async function runTrials(opts: TrialOptions): Promise<TrialReport> {
  const log = opts.log ?? (() => {});
  const rand = random(opts.seed ?? Date.now());
  const windowMs = opts.windowMs ?? 1000;
  const startupShare = opts.startupShare ?? 0.1;
  const ackFile = path.join(opts.workDir, "acknowledged.jsonl");
  fs.mkdirSync(opts.workDir, { recursive: true });
  fs.writeFileSync(ackFile, "");
  const began = Date.now();
  const failures: string[] = [];
  const seeded = start(MAIN, ["seed"], opts.env);
  const seedExit = await seeded.exited;
  if (seedExit.code !== 0) throw new Error(`plenary seed failed (${seedExit.code}): ${seeded.stderr()}`);
  const seedSeconds = (Date.now() - began) / 1000;
  let acknowledged = 0;
  let killedStarting = 0;
  let startupMs = 0;
  // The first commit after opening is slow (PGlite plans its queries afresh): the window widens by it.
  let firstWriteMs = 0;
  for (let trial = 1; trial <= opts.trials && failures.length === 0; trial++) {
    const spawned = Date.now();
    const run = start(WRITER, [], { ...opts.env, ACK_FILE: ackFile, TRIAL: String(trial) });
    let kill: NodeJS.Timeout | null = null;
    const killAfter = (ms: number) => {
      kill = setTimeout(() => run.child.kill("SIGKILL"), ms);
    };
    const aimAtStart = startupMs > 0 && rand() < startupShare;
    if (aimAtStart) killAfter(rand() * startupMs);
    let acksNow = 0;
    let readyAt = 0;
    run.onLine((line) => {
      if (line.startsWith("ack ")) {
        if (acksNow === 0 && readyAt > 0) {
          const ms = Date.now() - readyAt;
          firstWriteMs = firstWriteMs === 0 ? ms : (firstWriteMs * 3 + ms) / 4;
        }
        const ack = JSON.parse(line.slice(4)) as Acknowledged;
        fs.appendFileSync(ackFile, `${JSON.stringify(ack)}\n`);
        acksNow++;
      } else if (line === "ready") {
        readyAt = Date.now();
        if (aimAtStart) return;
        startupMs = startupMs === 0 ? readyAt - spawned : (startupMs * 3 + (readyAt - spawned)) / 4;
        killAfter(rand() * (windowMs + firstWriteMs));
      }
    });
    const { code, signal } = await run.exited;
    if (kill) clearTimeout(kill);
    acknowledged += acksNow;
    const check = checkOf(run.lines);
    const killed = signal === "SIGKILL";
    if (check && !check.ok) failures.push(`trial ${trial}: ${check.problems.join("; ")}`);
    else if (!killed)
      failures.push(`trial ${trial}: the writer ended by itself (${code}): ${run.stderr().trim()}`);
    if (killed && !run.lines.includes("ready")) killedStarting++;
    log(
      `trial ${trial}: ${check ? `checked ${check.acknowledged} acknowledged writes, ${check.papers} papers, ${check.auditEntries} audit entries; ` : "killed before its check; "}` +
        `killed after ${Date.now() - spawned} ms with ${acksNow} new writes acknowledged`,
    );
  }
  // The last restart: a writer that only checks, and the audit verification of the command line.
  const last = start(WRITER, ["--check-only"], { ...opts.env, ACK_FILE: ackFile, TRIAL: "0" });
  const lastExit = await last.exited;
  const final = checkOf(last.lines);
  if (!final)
    failures.push(`final check: the writer printed no check (${lastExit.code}): ${last.stderr().trim()}`);
  else if (!final.ok) failures.push(`final check: ${final.problems.join("; ")}`);
  const verify = start(MAIN, ["audit", "verify"], opts.env);
  const verified = await verify.exited;
  if (verified.code !== 0)
    failures.push(`plenary audit verify: ${verify.stderr().trim() || verify.lines.join(" ")}`);
  else log(verify.lines.join(" "));
  return {
    ok: failures.length === 0,
    trials: opts.trials,
    killedStarting,
    acknowledged,
    papers: final?.papers ?? 0,
    auditEntries: final?.auditEntries ?? 0,
    seconds: (Date.now() - began) / 1000,
    seedSeconds,
    failures,
  };
}
