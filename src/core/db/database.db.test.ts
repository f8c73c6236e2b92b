import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/context.js";
import { emptyClusterTarball } from "./empty-cluster.js";
import { openEmbedded, rowsOf } from "./index.js";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "plenary-db-"));

// Each case makes a whole cluster (initdb in WebAssembly): seconds alone, much longer on a busy machine.
describe("the embedded database", { timeout: 120_000 }, () => {
  it("starts a new data folder from the empty cluster kept in its cache", async () => {
    const dir = tmp();
    try {
      // Make the kept cluster by hand, with a mark in it, and see the new database carry the mark.
      const marked = await PGlite.create();
      await marked.exec("create table made_from_the_kept_cluster (id int)");
      const tarball = await marked.dumpDataDir("gzip");
      await marked.close();
      const kept = await emptyClusterTarball(path.join(dir, "cache"));
      expect(path.basename(kept ?? "")).toMatch(/^empty-cluster-pglite-[\d.]+\.tar\.gz$/);
      fs.writeFileSync(kept ?? "", Buffer.from(await tarball.arrayBuffer()));

      const first = await openEmbedded(dir);
      try {
        expect(
          await rowsOf(first.db, sql`select count(*)::int as n from made_from_the_kept_cluster`),
        ).toEqual([{ n: 0 }]);
        await first.db.execute(sql`create table kept (note text)`);
        await first.db.execute(sql`insert into kept values ('written before the reopen')`);
      } finally {
        await first.close();
      }
      const again = await openEmbedded(dir);
      try {
        expect(await rowsOf(again.db, sql`select note from kept`)).toEqual([
          { note: "written before the reopen" },
        ]);
      } finally {
        await again.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("creates the cluster itself when the kept one is damaged, and forgets the damaged one", async () => {
    const dir = tmp();
    try {
      fs.mkdirSync(path.join(dir, "cache"));
      const made = await emptyClusterTarball(path.join(dir, "cache"));
      expect(made).not.toBeNull();
      fs.writeFileSync(made ?? "", "not a tarball");
      const database = await openEmbedded(dir);
      try {
        expect(await rowsOf(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
      } finally {
        await database.close();
      }
      expect(fs.existsSync(made ?? "")).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("connections to a PostgreSQL server", () => {
  it("run without JIT compilation", async () => {
    const database = await openTestDatabase();
    try {
      expect(database.kind).toBe("postgres");
      expect(await rowsOf(database.db, sql`show jit`)).toEqual([{ jit: "off" }]);
    } finally {
      await database.close();
    }
  });
});
