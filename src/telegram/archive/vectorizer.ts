import { Worker } from "node:worker_threads";

export const SEARCH_CONFIG = "english";

/** Turns texts into tsvector literals, off the main thread. */
export interface Vectorizer {
  vectors(bodies: string[]): Promise<string[]>;
  close(): Promise<void>;
}

export async function startVectorizer(): Promise<Vectorizer> {
  // A small heap: the worker holds one request at a time, and a large heap only delays collection.
  const worker = new Worker(new URL("./vectorizer-worker.js", import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
  });
  const waiting = new Map<number, { resolve: (v: string[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failed: Error | null = null;
  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: { type?: string }) => {
      if (m.type === "ready") {
        worker.off("error", reject);
        resolve();
      }
    };
    worker.once("message", onMessage);
    worker.once("error", reject);
  });
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
    },
  };
}
