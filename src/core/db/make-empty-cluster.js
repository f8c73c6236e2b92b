// Writes an empty PostgreSQL cluster as a gzipped tarball to the path given, then exits.
// Creating a cluster (initdb) is the most memory-hungry thing the embedded PostgreSQL does, and
// the memory it takes is not given back; run in a process of its own, it is given back on exit,
// and new embedded databases start from the tarball instead (see empty-cluster.ts).
// Plain JavaScript, so that it runs under plain node.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";

const target = process.argv[2];
if (!target) {
  process.stderr.write("usage: make-empty-cluster.js OUTPUT.tar.gz\n");
  process.exit(2);
}
const pg = await PGlite.create({ postgresqlconf: ["shared_buffers=1MB"] });
const dump = await pg.dumpDataDir("gzip");
await pg.close();
// Written whole and synced under a name of its own, then renamed: a reader sees all of it or none.
const partial = `${target}.${process.pid}.partial`;
const fd = fs.openSync(partial, "w", 0o600);
try {
  fs.writeSync(fd, Buffer.from(await dump.arrayBuffer()));
  fs.fsyncSync(fd);
} finally {
  fs.closeSync(fd);
}
fs.renameSync(partial, target);
