import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { discardTarball, emptyClusterTarball } from "../../core/db/empty-cluster.js";

export const SEARCH_CONFIG = "english";

/** Turns texts into tsvector literals, off the main thread. */
export interface Vectorizer {
  /** How the worker's cluster was made: from the cached tarball, or created in the worker. */
  startedFrom: "template" | "initdb";
  vectors(bodies: string[]): Promise<string[]>;
  close(): Promise<void>;
}

export interface VectorizerOptions {
  /** Where the empty cluster's tarball is kept between runs; a temporary folder when absent. */
  cacheDir?: string;
}

export async function startVectorizer(opts: VectorizerOptions = {}): Promise<Vectorizer> {
  const temporary = opts.cacheDir ? null : fs.mkdtempSync(path.join(os.tmpdir(), "plenary-vectorizer-"));
  const cacheDir = opts.cacheDir ?? (temporary as string);
  const template = await emptyClusterTarball(cacheDir);
  const removeTemporary = () => {
    if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
  };
  let worker: Worker;
  try {
    // A small heap: the worker holds one request at a time, and a large heap only delays collection.
    worker = new Worker(new URL("./vectorizer-worker.js", import.meta.url), {
      workerData: { template },
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
    });
  } catch (e) {
    removeTemporary();
    throw e;
  }
  const waiting = new Map<number, { resolve: (v: string[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failed: Error | null = null;
  let startedFrom: "template" | "initdb";
  try {
    startedFrom = await new Promise<"template" | "initdb">((resolve, reject) => {
      const onMessage = (m: { type?: string; from?: "template" | "initdb"; damaged?: string | null }) => {
        if (m.type === "ready") {
          worker.off("error", reject);
          if (m.damaged && template) discardTarball(template, m.damaged);
          resolve(m.from ?? "initdb");
        }
      };
      worker.once("message", onMessage);
      worker.once("error", reject);
    });
  } catch (e) {
    removeTemporary();
    throw e;
  }
  worker.on("message", (m: { id: number; vectors?: string[]; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.vectors) w.resolve(m.vectors);
    else w.reject(new Error(`search vectors could not be computed: ${m.error}`));
  });
  worker.on("error", (e) => {
    failed = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  });
  return {
    startedFrom,
    vectors(bodies) {
      if (failed) return Promise.reject(failed);
      if (bodies.length === 0) return Promise.resolve([]);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, bodies, config: SEARCH_CONFIG });
      });
    },
    async close() {
      const exited = new Promise((r) => worker.once("exit", r));
      worker.postMessage({ type: "close" });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      await worker.terminate();
      removeTemporary();
    },
  };
}
