import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** How long making the cluster may take before it is given up (it takes a few seconds). */
const MAKE_TIMEOUT_MS = 120_000;

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  let dir = path.dirname(entry);
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * The tarball of an empty embedded cluster, kept in `cacheDir` and made once per PostgreSQL
 * build by a process of its own (make-empty-cluster.js). Creating a cluster in this process
 * would leave it holding several hundred megabytes it never gives back; starting from the
 * tarball costs about half. Null when it cannot be made: the caller then creates the cluster.
 */
export async function emptyClusterTarball(cacheDir: string): Promise<string | null> {
  let file: string;
  try {
    file = path.join(cacheDir, `empty-cluster-pglite-${pgliteVersion()}.tar.gz`);
    if (fs.existsSync(file)) return file;
    fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  } catch {
    return null;
  }
  const script = fileURLToPath(new URL("./make-empty-cluster.js", import.meta.url));
  const child = spawn(process.execPath, [script, file], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    if (stderr.length < 4096) stderr += d;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), MAKE_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => {
    child.once("error", () => resolve(-1));
    child.once("exit", resolve);
  });
  clearTimeout(timer);
  if (code !== 0 || !fs.existsSync(file)) {
    process.emitWarning(
      `an empty database cluster could not be prepared: ${stderr.trim().slice(0, 300) || `exit ${code}`}`,
    );
    return null;
  }
  return file;
}

/** The tarball's bytes, as PGlite's `loadDataDir` takes them; undefined when there is none. */
export function readTarball(file: string | null): Blob | undefined {
  if (!file) return undefined;
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch {
    return undefined;
  }
}

/** Forgets a kept tarball that would not load, so that the next start makes it again. */
export function discardTarball(file: string, reason: string): void {
  fs.rmSync(file, { force: true });
  process.emitWarning(
    `the kept empty database cluster ${file} would not load (${reason}); it will be made again`,
  );
}
