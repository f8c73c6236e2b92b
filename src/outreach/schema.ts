import { date, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { governments, users } from "../directory/index.js";
import { type AIMS, FORMATS } from "./rules.js";

export interface StoredAim {
  aim: (typeof AIMS)[number];
  text: string;
}

export interface StoredPoint {
  /** Rank on the regime ladder. */
  rank: number;
  text: string;
}

/**
 * An outreach visit by the Chair (or a troika) to a non-Partner government: when, where, whom it
 * met, who went, its aims, its marked talking points, and the report afterwards (a paper of the
 * register). A regime record. The standing caveat is not stored: every output adds it.
 */
export const outreachVisits = pgTable(
  "outreach_visits",
  {
    id: serial("id").primaryKey(),
    space: text("space").notNull().default("regime"),
    governmentCode: text("government_code")
      .notNull()
      .references(() => governments.code),
    format: text("format", { enum: FORMATS }).notNull(),
    city: text("city").notNull(),
    firstDay: date("first_day", { mode: "string" }).notNull(),
    lastDay: date("last_day", { mode: "string" }).notNull(),
    authorities: jsonb("authorities").$type<string[]>().notNull(),
    delegation: jsonb("delegation").$type<string[]>().notNull(),
    aims: jsonb("aims").$type<StoredAim[]>().notNull(),
    points: jsonb("points").$type<StoredPoint[]>().notNull(),
    /** The highest marking of the talking points. */
    banner: integer("banner").notNull(),
    reportPaper: integer("report_paper"),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("outreach_visits_first_day").on(t.firstDay)],
);
