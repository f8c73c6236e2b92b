// The soak benchmark: `plenary serve` on a fresh embedded data folder (the reference scenario, as
// `npm start` loads it), several demo users signed in, and a mix of pages and API calls sent at a
// steady rate (200 requests/s for 10 minutes by default) to 127.0.0.1. It prints the latency
// percentiles, the unexpected answers and the server's RSS after warm-up and at the end, writes
// bench/results/soak.json, and exits 1 when an answer was unexpected or RSS grew more than 10 %
// (the median of the last minute's samples over the first minute's, sampled from /proc/PID/status).
//
//   npm run bench:soak -- [--seconds 600] [--rate 200] [--warmup 30] [--port 8793]
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "600" },
    rate: { type: "string", default: "200" },
    warmup: { type: "string", default: "30" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "8793" },
  },
});
function positive(name: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number (got ${JSON.stringify(text)})`);
    process.exit(2);
  }
  return n;
}
const SECONDS = positive("seconds", opts.seconds);
const RATE = positive("rate", opts.rate);
const WARMUP = positive("warmup", opts.warmup);
const PORT = positive("port", opts.port);
const BASE = `http://127.0.0.1:${PORT}`;
const MAX_RSS_GROWTH = 0.1;
/** Requests in flight beyond this are not sent but counted as errors: the server is not keeping up. */
const MAX_IN_FLIGHT = 400;
/** RSS is sampled this often; start and end are the medians of the first and last minute's samples. */
const SAMPLE_MS = 2_000;

function start(data: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PLENARY_DATA: data,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes("Press Ctrl+C to stop.")) resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (d: Buffer) => {
      out += d;
      process.stderr.write(d);
    });
    child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((r) => {
    child.removeAllListeners("exit");
    child.on("exit", () => r());
    child.kill("SIGTERM");
  });
}

/** The child's resident set, in MB, from /proc/PID/status. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function cookieNamed(res: Response, name: string): string {
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0];
  if (!cookie) throw new Error(`the answer sets no ${name} cookie`);
  return cookie;
}

interface Session {
  user: string;
  cookie: string;
  token: string;
}

/** Signs in through the form, as a browser does, then makes an API token with the session. */
async function signIn(user: string): Promise<Session> {
  const page = await fetch(`${BASE}/sign-in`);
  const pre = cookieNamed(page, "plenary_presession");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) throw new Error("the sign-in page has no CSRF token");
  const res = await fetch(`${BASE}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: pre, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: csrf, username: user, password: "plenary-demo", next: "/" }),
  });
  const cookie = cookieNamed(res, "plenary_session");
  const home = await (await fetch(`${BASE}/`, { headers: { cookie } })).text();
  const sessionCsrf = /name="_csrf" value="([^"]+)"/.exec(home)?.[1];
  if (!sessionCsrf) throw new Error(`the home page of ${user} has no CSRF token`);
  const made = await fetch(`${BASE}/api/v1/me/tokens`, {
    method: "POST",
    headers: { cookie, "x-csrf-token": sessionCsrf, "content-type": "application/json" },
    body: JSON.stringify({ name: "soak" }),
  });
  if (made.status !== 201) throw new Error(`making a token for ${user} answered ${made.status}`);
  const { token } = (await made.json()) as { token: string };
  return { user, cookie, token };
}

interface Call {
  name: string;
  user: string;
  method?: "GET" | "POST";
  path: string;
  body?: () => unknown;
  expect: number;
  weight: number;
}

let drafts = 0;
/** The mix: mostly pages and reads, as the demo users use them; about 1 % writes (draft papers). */
const MIX: Call[] = [
  { name: "home", user: "us.delegate", path: "/", expect: 200, weight: 12 },
  { name: "home (poc)", user: "fr.poc", path: "/", expect: 200, weight: 6 },
  { name: "papers", user: "gb.delegate", path: "/papers", expect: 200, weight: 10 },
  { name: "a paper", user: "de.delegate", path: "/papers/66", expect: 200, weight: 8 },
  { name: "search", user: "us.desk", path: "/search?q=missile", expect: 200, weight: 6 },
  { name: "meetings", user: "au.chair", path: "/meetings", expect: 200, weight: 6 },
  { name: "a meeting", user: "gb.delegate", path: "/meetings/5", expect: 200, weight: 4 },
  { name: "timeline", user: "us.delegate", path: "/meetings/timeline?year=2008", expect: 200, weight: 4 },
  { name: "decisions", user: "gb.delegate", path: "/decisions", expect: 200, weight: 3 },
  { name: "guidance", user: "us.desk", path: "/guidance", expect: 200, weight: 3 },
  { name: "telegrams", user: "us.director", path: "/telegrams", expect: 200, weight: 3 },
  { name: "annex", user: "de.delegate", path: "/annex", expect: 200, weight: 2 },
  { name: "candidate home", user: "kz.candidate", path: "/", expect: 200, weight: 2 },
  { name: "api papers", user: "gb.delegate", path: "/api/v1/papers", expect: 200, weight: 8 },
  { name: "api a paper", user: "us.delegate", path: "/api/v1/papers/91", expect: 200, weight: 5 },
  { name: "api meetings", user: "fr.poc", path: "/api/v1/meetings?year=2008", expect: 200, weight: 5 },
  {
    name: "api deadlines",
    user: "gb.delegate",
    path: "/api/v1/deadlines?from=2008-07-01&to=2008-12-31",
    expect: 200,
    weight: 3,
  },
  { name: "api decisions", user: "de.delegate", path: "/api/v1/decisions", expect: 200, weight: 3 },
  { name: "api a decision", user: "us.delegate", path: "/api/v1/decisions/3", expect: 200, weight: 2 },
  { name: "api search", user: "gb.delegate", path: "/api/v1/search?q=propellant", expect: 200, weight: 3 },
  { name: "api guidance", user: "us.desk", path: "/api/v1/guidance/1", expect: 200, weight: 2 },
  { name: "api me", user: "admin", path: "/api/v1/me", expect: 200, weight: 2 },
  { name: "api audit", user: "admin", path: "/api/v1/audit?limit=20", expect: 200, weight: 1 },
  { name: "api hidden paper", user: "kz.candidate", path: "/api/v1/papers/66", expect: 404, weight: 1 },
  {
    name: "api new draft",
    user: "gb.delegate",
    method: "POST",
    path: "/api/v1/papers",
    body: () => ({
      title: { text: `Soak draft ${++drafts}`, marking: "RR" },
      summary: { text: "A draft kept by its government, written by the soak benchmark.", marking: "RR" },
      kind: "ie_paper",
      countryOfOrigin: "United Kingdom",
      submit: false,
      sections: [{ heading: "Summary", text: "A draft made by the soak benchmark.", marking: "RR" }],
    }),
    expect: 201,
    weight: 1,
  },
];
const TOTAL_WEIGHT = MIX.reduce((s, c) => s + c.weight, 0);

/** The i-th call of the mix: a fixed, interleaved order (no randomness), so runs compare. */
function callAt(i: number): Call {
  let k = (i * 7919) % TOTAL_WEIGHT;
  for (const c of MIX) {
    if (k < c.weight) return c;
    k -= c.weight;
  }
  return MIX[0] as Call;
}

interface Tally {
  sent: number;
  latencies: number[];
  statuses: Map<string, number>;
  unexpected: Map<string, number>;
  byCall: Map<string, number[]>;
}

/** The first unexpected answer of each call, to say what went wrong. */
const firstAnswers = new Map<string, string>();
const tally = (): Tally => ({
  sent: 0,
  latencies: [],
  statuses: new Map(),
  unexpected: new Map(),
  byCall: new Map(),
});
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

async function fire(call: Call, sessions: Map<string, Session>, into: Tally): Promise<void> {
  const s = sessions.get(call.user);
  if (!s) throw new Error(`${call.user} is not signed in`);
  const api = call.path.startsWith("/api/");
  const headers: Record<string, string> = api
    ? { authorization: `Bearer ${s.token}` }
    : { cookie: s.cookie, accept: "text/html" };
  const body = call.body?.();
  if (body !== undefined) headers["content-type"] = "application/json";
  const t0 = performance.now();
  let status = "network error";
  try {
    const res = await fetch(`${BASE}${call.path}`, {
      method: call.method ?? "GET",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    status = String(res.status);
    if (status !== String(call.expect) && !firstAnswers.has(call.name))
      firstAnswers.set(call.name, text.slice(0, 300));
  } catch (e) {
    status = (e as Error).name === "TimeoutError" ? "timeout" : "network error";
  }
  const ms = performance.now() - t0;
  into.latencies.push(ms);
  into.byCall.set(call.name, [...(into.byCall.get(call.name) ?? []), ms]);
  bump(into.statuses, status);
  if (status !== String(call.expect)) bump(into.unexpected, `${call.name} → ${status}`);
}

/** Sends the mix at `rate` per second for `seconds`, open-loop: each request at its own instant. */
async function run(
  seconds: number,
  rate: number,
  sessions: Map<string, Session>,
  onTick?: (sofar: Tally) => void,
): Promise<Tally> {
  const into = tally();
  const total = Math.round(seconds * rate);
  const t0 = performance.now();
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  let lastTick = t0;
  while (into.sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate) + 1);
    while (into.sent < due) {
      const call = callAt(into.sent++);
      if (inFlight >= MAX_IN_FLIGHT) {
        bump(into.statuses, "not sent (backlog)");
        bump(into.unexpected, `${call.name} → not sent (backlog)`);
        continue;
      }
      inFlight++;
      const p = fire(call, sessions, into).finally(() => {
        inFlight--;
        pending.delete(p);
      });
      pending.add(p);
    }
    if (onTick && performance.now() - lastTick >= SAMPLE_MS) {
      lastTick = performance.now();
      onTick(into);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
  return into;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) : 0;

async function main() {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-soak-"));
  console.log(`starting plenary serve on ${BASE} with a fresh data folder ${data}`);
  const child = await start(data);
  const pid = child.pid ?? 0;
  try {
    const users = [...new Set(MIX.map((c) => c.user))];
    const sessions = new Map<string, Session>();
    for (const u of users) sessions.set(u, await signIn(u));
    console.log(`signed in ${users.join(", ")}; warming up for ${WARMUP} s at ${RATE} requests/s`);
    const warm = await run(WARMUP, RATE, sessions);
    const rssStart = rssMb(pid);
    console.log(
      `warm-up: ${warm.sent} requests, RSS ${rssStart.toFixed(1)} MB; running ${SECONDS} s at ${RATE}/s`,
    );
    const samples: { s: number; rssMb: number }[] = [{ s: 0, rssMb: rssStart }];
    const begun = performance.now();
    const main = await run(SECONDS, RATE, sessions, (sofar) => {
      const s = Math.round((performance.now() - begun) / 1000);
      const rss = rssMb(pid);
      samples.push({ s, rssMb: rss });
      if (samples.length % 15 !== 1) return;
      const errors = [...sofar.unexpected.values()].reduce((a, b) => a + b, 0);
      console.log(`  ${s} s: ${sofar.sent} sent, ${errors} unexpected, RSS ${rss.toFixed(1)} MB`);
    });
    const elapsed = (performance.now() - begun) / 1000;
    const rssEnd = rssMb(pid);
    samples.push({ s: Math.round(elapsed), rssMb: rssEnd });
    const sorted = [...main.latencies].sort((a, b) => a - b);
    const byCall = Object.fromEntries(
      [...main.byCall].map(([name, ms]) => {
        const s = [...ms].sort((a, b) => a - b);
        return [
          name,
          {
            n: s.length,
            p50: Number(percentile(s, 50).toFixed(1)),
            p95: Number(percentile(s, 95).toFixed(1)),
          },
        ];
      }),
    );
    const errors = [...main.unexpected.values()].reduce((a, b) => a + b, 0);
    // One sample falls wherever the collector and the database's buffers happen to be: a minute's
    // median at each end (a fifth of a shorter run) says whether memory grows.
    const window = Math.min(60, elapsed / 5);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const firstMinute = median(samples.filter((x) => x.s <= window).map((x) => x.rssMb));
    const lastMinute = median(samples.filter((x) => x.s >= elapsed - window).map((x) => x.rssMb));
    const growth = (lastMinute - firstMinute) / firstMinute;
    const report = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        load: os.loadavg().map((l) => Number(l.toFixed(2))),
        node: process.version,
      },
      rate: RATE,
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      requests: main.sent,
      achievedRate: Number((main.sent / elapsed).toFixed(1)),
      latencyMs: {
        p50: Number(percentile(sorted, 50).toFixed(1)),
        p95: Number(percentile(sorted, 95).toFixed(1)),
        p99: Number(percentile(sorted, 99).toFixed(1)),
        max: Number((sorted.at(-1) ?? 0).toFixed(1)),
      },
      latencyByCallMs: byCall,
      statuses: Object.fromEntries(main.statuses),
      errors,
      unexpected: Object.fromEntries(main.unexpected),
      firstUnexpectedAnswers: Object.fromEntries(firstAnswers),
      draftsWritten: drafts,
      rssMb: {
        afterWarmup: Number(rssStart.toFixed(1)),
        atEnd: Number(rssEnd.toFixed(1)),
        firstMinuteMedian: Number(firstMinute.toFixed(1)),
        lastMinuteMedian: Number(lastMinute.toFixed(1)),
        min: Number(Math.min(...samples.map((x) => x.rssMb)).toFixed(1)),
        max: Number(Math.max(...samples.map((x) => x.rssMb)).toFixed(1)),
      },
      rssGrowthPercent: Number((growth * 100).toFixed(1)),
      rssSamples: samples.map((x) => ({ s: x.s, rssMb: Number(x.rssMb.toFixed(1)) })),
    };
    console.log(`\nrequests        ${report.requests} in ${elapsed.toFixed(0)} s (${report.achievedRate}/s)`);
    console.log(
      `latency         p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms, p99 ${report.latencyMs.p99} ms, max ${report.latencyMs.max} ms`,
    );
    for (const [name, x] of Object.entries(byCall))
      console.log(`  ${name.padEnd(20)} ${String(x.n).padStart(7)}  p50 ${x.p50} ms, p95 ${x.p95} ms`);
    console.log(`statuses        ${JSON.stringify(report.statuses)}`);
    console.log(`errors          ${errors}${errors ? ` ${JSON.stringify(report.unexpected)}` : ""}`);
    for (const [name, text] of firstAnswers) console.log(`  first unexpected answer of ${name}: ${text}`);
    console.log(
      `server RSS      ${report.rssMb.afterWarmup} MB after warm-up, ${report.rssMb.atEnd} MB at the end; medians ${report.rssMb.firstMinuteMedian} MB (first minute) → ${report.rssMb.lastMinuteMedian} MB (last minute): ${report.rssGrowthPercent} % (min ${report.rssMb.min}, max ${report.rssMb.max} MB)`,
    );
    console.log(`machine         ${report.machine.cpus} cores, load ${report.machine.load.join(" ")}`);
    const out = path.join(ROOT, "bench/results/soak.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${path.relative(ROOT, out)}`);
    if (errors > 0) console.log("FAIL: unexpected answers");
    if (growth > MAX_RSS_GROWTH) console.log(`FAIL: RSS grew more than ${MAX_RSS_GROWTH * 100} %`);
    if (errors > 0 || growth > MAX_RSS_GROWTH) process.exitCode = 1;
  } finally {
    await stop(child);
    fs.rmSync(data, { recursive: true, force: true });
  }
}

await main();
