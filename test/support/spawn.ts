import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MAIN = path.join(ROOT, "src/cli/main.ts");

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `plenary ARGS…` as its own process, as a user would. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  input?: string,
  timeoutMs = 60_000,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
      cwd: ROOT,
      env: { ...cleanEnv(), ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? "");
  });
}

/** Starts `plenary serve` and resolves once it prints its address. */
export function startServe(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, "serve"], {
      cwd: ROOT,
      env: { ...cleanEnv(), LOG_LEVEL: "warn", ...env },
    });
    let out = "";
    const onData = (d: Buffer) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1] && out.includes("Press Ctrl+C to stop.")) resolve({ child, url: m[1], output: () => out });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((r) =>
    child.exitCode !== null ? r(child.exitCode) : child.on("exit", (code) => r(code)),
  );
}

function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      v !== undefined &&
      ![
        "DATABASE_URL",
        "PLENARY_DATA",
        "PLENARY_NOW",
        "PORT",
        "HOST",
        "NODE_OPTIONS",
        "VITEST",
        "VITEST_POOL_ID",
        "VITEST_WORKER_ID",
        "TEST_DATABASE_URL",
      ].includes(k)
    )
      env[k] = v;
  }
  return env;
}
