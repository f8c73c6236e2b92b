import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { governments, users } from "../directory/index.js";
import { meetings } from "../meetings/index.js";
import { EVENT_KINDS, POSITIONS } from "./rules.js";

/**
 * A government's candidacy for membership: when it applied and where it stands. A regime record:
 * the Partners' people see it; the candidate's own users see none of the deliberations on it.
 */
export const candidacies = pgTable(
  "candidacies",
  {
    id: serial("id").primaryKey(),
    space: text("space").notNull().default("regime"),
    governmentCode: text("government_code")
      .notNull()
      .references(() => governments.code),
    appliedOn: date("applied_on", { mode: "string" }).notNull(),
    state: text("state", { enum: ["pending", "admitted", "withdrawn"] }).notNull(),
    admittedOn: date("admitted_on", { mode: "string" }),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("candidacies_government").on(t.governmentCode)],
);

/** One step of a candidacy's history, with the meeting and the record that says so. */
export const candidacyEvents = pgTable(
  "candidacy_events",
  {
    id: serial("id").primaryKey(),
    candidacyId: integer("candidacy_id")
      .notNull()
      .references(() => candidacies.id),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    on: date("on", { mode: "string" }).notNull(),
    meetingId: integer("meeting_id").references(() => meetings.id),
    /** The record that says so: a paper of the register, a proposal decided by consensus, or words. */
    paperNumber: integer("paper_number"),
    proposalId: integer("proposal_id"),
    source: text("source"),
    note: text("note"),
    recordedBy: integer("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("candidacy_events_candidacy").on(t.candidacyId, t.on)],
);

/**
 * A Partner's own view of a candidacy — position, reasoning, instructions — in its national space
 * (`space` is the government's code), marked on its ladder. Nobody else sees it, nor that it exists.
 */
export const candidacyViews = pgTable(
  "candidacy_views",
  {
    id: serial("id").primaryKey(),
    candidacyId: integer("candidacy_id")
      .notNull()
      .references(() => candidacies.id),
    space: text("space").notNull(),
    position: text("position", { enum: POSITIONS }).notNull(),
    reasoning: text("reasoning").notNull(),
    instructions: text("instructions"),
    /** The marking of the whole view on the government's ladder. */
    rank: integer("rank").notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("candidacy_views_key").on(t.candidacyId, t.space)],
);
