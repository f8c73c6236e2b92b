import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { MarkingLevel } from "../core/access/markings.js";

export const markingLadders = pgTable("marking_ladders", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  levels: jsonb("levels").$type<MarkingLevel[]>().notNull(),
});

export const governments = pgTable("governments", {
  /** ISO 3166 alpha-2, as in telegram TAGS: "US", "FR". */
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  /** partner (from its admission on), candidate, non_partner. */
  status: text("status", { enum: ["partner", "candidate", "non_partner"] }).notNull(),
  admittedYear: integer("admitted_year"),
  /** The exact day, where public sources give it. */
  admittedOn: date("admitted_on", { mode: "string" }),
  /** Where sources disagree on the admission year, the other one. */
  admissionNote: text("admission_note"),
  ladderId: text("ladder_id")
    .notNull()
    .references(() => markingLadders.id),
  pointOfContact: boolean("point_of_contact").notNull().default(false),
});

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    governmentCode: text("government_code")
      .notNull()
      .references(() => governments.code),
    title: text("title"),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    /** Rank on the regime ladder. */
    regimeClearance: integer("regime_clearance").notNull().default(0),
    /** Rank on the ladder of the user's government. */
    nationalClearance: integer("national_clearance").notNull().default(0),
    passwordHash: text("password_hash").notNull(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("users_username_key").on(sql`lower(${t.username})`)],
);
