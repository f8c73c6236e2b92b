// Computes full-text search vectors in a thread of its own, with an in-memory PostgreSQL that
// holds no data: the embedded database runs on one thread, and tokenizing is the costliest part
// of storing a telegram. It starts from an empty cluster's tarball when it is given one (see
// src/core/db/empty-cluster.ts), which costs a fraction of the memory of creating a cluster here.
// Plain JavaScript, so that it runs the same under any loader.
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const settings = ["shared_buffers=1MB", "work_mem=4MB", "temp_buffers=1MB", "wal_buffers=64kB"];

async function open() {
  const template = workerData?.template;
  let damaged = null;
  if (template) {
    try {
      const loadDataDir = new Blob([fs.readFileSync(template)]);
      return { pg: await PGlite.create({ loadDataDir, postgresqlconf: settings }), from: "template" };
    } catch (e) {
      // A damaged tarball: say so (the caller forgets it), and create the cluster here.
      damaged = e instanceof Error ? e.message : String(e);
    }
  }
  return { pg: await PGlite.create({ postgresqlconf: settings }), from: "initdb", damaged };
}

const { pg, from, damaged } = await open();

parentPort.on("message", async (msg) => {
  if (msg.type === "close") {
    await pg.close();
    parentPort.close();
    return;
  }
  try {
    const result = await pg.query(
      "select to_tsvector($2::regconfig, u.body)::text as v from unnest($1::text[]) with ordinality as u(body, i) order by u.i",
      [msg.bodies, msg.config],
    );
    parentPort.postMessage({ id: msg.id, vectors: result.rows.map((r) => r.v) });
  } catch (e) {
    parentPort.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});

parentPort.postMessage({ type: "ready", from, damaged });
