import { sql } from "drizzle-orm";
import { check, integer, pgTable, timestamp } from "drizzle-orm/pg-core";

/**
 * Where the embedded demo's running clock stood when it last saved (every minute while serving,
 * and on stopping), so that it resumes from there rather than from the scenario's start. One row.
 */
export const demoClock = pgTable(
  "demo_clock",
  {
    id: integer("id").primaryKey().default(1),
    instant: timestamp("instant", { withTimezone: true }).notNull(),
  },
  (t) => [check("demo_clock_one_row", sql`${t.id} = 1`)],
);
