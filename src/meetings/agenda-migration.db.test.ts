/**
 * Migration 0011 moves the agenda strings of meetings made before agenda items were records into
 * `agenda_items`. The test builds a database as it was before (migrations up to 0010), puts
 * meetings with agendas in it, then runs the rest and reads the items.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "../core/db/index.js";

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** A copy of the migrations folder holding those up to and including `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
  ) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  const entries = journal.entries.slice(0, last + 1);
  for (const e of entries)
    fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  return dir;
}

describe("migration 0011: agenda strings become agenda items", () => {
  it("moves each meeting's strings in order, PUBLIC, positions 1…n, blanks left out, then drops the strings", async () => {
    const client = await PGlite.create();
    const db = drizzle({ client });
    const before = migrationsUpTo("0010_agenda_items");
    try {
      await migrate(db, { migrationsFolder: before });
      // Only the meetings' own columns matter here: foreign keys are not checked while they are put in.
      await client.exec(`
        set session_replication_role = replica;
        insert into meetings (id, space, kind, title, host_code, city, time_zone, first_day, last_day, status, agenda, uid, created_at, updated_at)
        values
          (1, 'regime', 'poc', 'POC meeting, 8 July 2008', 'FR', 'Paris', 'Europe/Paris', '2008-07-08', '2008-07-08', 'confirmed',
           '["Reinforced POC meeting (RPOC)", "  ", "Outreach ", "Membership"]', 'a@t', '2008-06-01T00:00Z', '2008-06-20T00:00Z'),
          (2, 'regime', 'plenary', '2008 Canberra Plenary', 'AU', 'Canberra', 'Australia/Sydney', '2008-11-03', '2008-11-07', 'confirmed',
           '[]', 'b@t', '2008-06-01T00:00Z', '2008-06-01T00:00Z'),
          (3, 'regime', 'tem', '2008 Canberra TEM', 'AU', 'Canberra', 'Australia/Sydney', '2008-10-30', '2008-11-04', 'confirmed',
           '["Proposals"]', 'c@t', '2008-06-01T00:00Z', '2008-06-02T00:00Z');
        set session_replication_role = origin;
      `);
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      const items = await client.query<Record<string, unknown>>(
        "select meeting_id, space, position, title, rank, updated_at, removed_at from agenda_items order by id",
      );
      expect(items.rows).toEqual([
        {
          meeting_id: 1,
          space: "regime",
          position: 1,
          title: "Reinforced POC meeting (RPOC)",
          rank: 0,
          updated_at: new Date("2008-06-20T00:00Z"),
          removed_at: null,
        },
        {
          meeting_id: 1,
          space: "regime",
          position: 2,
          title: "Outreach",
          rank: 0,
          updated_at: new Date("2008-06-20T00:00Z"),
          removed_at: null,
        },
        {
          meeting_id: 1,
          space: "regime",
          position: 3,
          title: "Membership",
          rank: 0,
          updated_at: new Date("2008-06-20T00:00Z"),
          removed_at: null,
        },
        {
          meeting_id: 3,
          space: "regime",
          position: 1,
          title: "Proposals",
          rank: 0,
          updated_at: new Date("2008-06-02T00:00Z"),
          removed_at: null,
        },
      ]);
      const columns = await db.execute(
        sql`select column_name from information_schema.columns where table_name = 'meetings' and column_name = 'agenda'`,
      );
      expect(columns.rows).toEqual([]);
    } finally {
      await client.close();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
