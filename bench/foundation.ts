// The foundation's benchmark: first start with the scenario, reopened start, idle RSS, and the home
// page's throughput and latency under 50 concurrent connections to 127.0.0.1.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PORT = Number(process.env.BENCH_PORT ?? 8791);
const URL_BASE = `http://127.0.0.1:${PORT}`;

function start(data: string): Promise<{ child: ChildProcess; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    cwd: ROOT,
    env: { ...process.env, PLENARY_DATA: data, PORT: String(PORT), LOG_LEVEL: "warn", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes("Press Ctrl+C to stop.")) resolve({ child, ms: performance.now() - t0 });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
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

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** The `name=value` of a cookie the response sets. */
function cookieNamed(res: Response, name: string): string {
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0];
  if (!cookie) throw new Error(`the answer sets no ${name} cookie`);
  return cookie;
}

async function signIn(): Promise<string> {
  const page = await fetch(`${URL_BASE}/sign-in`);
  const pre = cookieNamed(page, "plenary_presession");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) throw new Error("the sign-in page has no CSRF token");
  const res = await fetch(`${URL_BASE}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: pre, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: csrf, username: "us.delegate", password: "plenary-demo", next: "/" }),
  });
  return cookieNamed(res, "plenary_session");
}

async function main() {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-bench-"));
  const first = await start(data);
  await stop(first.child);
  const reopen = await start(data);
  await new Promise((r) => setTimeout(r, 3000));
  const idleRss = rssMb(reopen.child.pid ?? 0);
  const cookie = await signIn();
  const check = await fetch(`${URL_BASE}/`, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`home page answered ${check.status}`);
  const result = await autocannon({
    url: `${URL_BASE}/`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { cookie },
  });
  const loadedRss = rssMb(reopen.child.pid ?? 0);
  await stop(reopen.child);
  fs.rmSync(data, { recursive: true, force: true });

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    firstStartMs: Math.round(first.ms),
    reopenStartMs: Math.round(reopen.ms),
    idleRssMb: idleRss,
    rssAfterLoadMb: loadedRss,
    home: {
      connections: CONNECTIONS,
      durationS: DURATION_S,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    },
    targets: { reopenStartMs: 1500, idleRssMb: 300, homeRequestsPerSecond: 1500, homeP99Ms: 50 },
  };
  const rows: [string, string, string][] = [
    ["first start with the scenario", `${report.firstStartMs} ms`, "—"],
    ["reopened start", `${report.reopenStartMs} ms`, "≤ 1500 ms"],
    ["idle RSS (PGlite)", `${report.idleRssMb} MB`, "≤ 300 MB"],
    ["home page throughput", `${report.home.requestsPerSecond} req/s`, "≥ 1500 req/s"],
    ["home page p50 latency", `${report.home.p50Ms} ms`, "—"],
    ["home page p99 latency", `${report.home.p99Ms} ms`, "≤ 50 ms"],
    ["RSS after load", `${report.rssAfterLoadMb} MB`, "—"],
  ];
  console.log(`\n${"measure".padEnd(32)}${"result".padEnd(16)}target`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(32)}${b.padEnd(16)}${c}`);
  const out = path.join(ROOT, "bench/results/foundation.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(ROOT, out)}`);
  if (report.home.non2xx > 0 || report.home.errors > 0) process.exitCode = 1;
}

await main();
