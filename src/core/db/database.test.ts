import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/context.js";
import { openEmbedded, rowsOf } from "./index.js";

describe("the embedded database", () => {
  it("starts a new data folder from an empty cluster made once and kept in its cache", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-db-"));
    try {
      const first = await openEmbedded(dir);
      try {
        await first.db.execute(sql`create table kept (note text)`);
        await first.db.execute(sql`insert into kept values ('written before the reopen')`);
      } finally {
        await first.close();
      }
      const cached = fs.readdirSync(path.join(dir, "cache"));
      expect(cached).toEqual([expect.stringMatching(/^empty-cluster-pglite-[\d.]+\.tar\.gz$/)]);
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
