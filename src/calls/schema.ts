import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { governments, users } from "../directory/index.js";
import { meetings } from "../meetings/index.js";
import { papers } from "../papers/index.js";

/** An experts meeting's call for papers (itself a paper) and the contributions Partners volunteer. */
export const paperCalls = pgTable("paper_calls", {
  id: serial("id").primaryKey(),
  paperId: integer("paper_id")
    .notNull()
    .references(() => papers.id),
  meetingId: integer("meeting_id")
    .notNull()
    .references(() => meetings.id),
  closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
  openedBy: integer("opened_by").references(() => users.id),
  agendaPaperId: integer("agenda_paper_id").references(() => papers.id),
});

/** What a Partner volunteers in answer to a call: its government's until the chair accepts it. */
export const contributions = pgTable(
  "call_contributions",
  {
    id: serial("id").primaryKey(),
    callId: integer("call_id")
      .notNull()
      .references(() => paperCalls.id),
    governmentCode: text("government_code")
      .notNull()
      .references(() => governments.code),
    kind: text("kind", { enum: ["paper", "presentation"] }).notNull(),
    title: text("title").notNull(),
    countryOfOrigin: text("country_of_origin").notNull(),
    summary: text("summary").notNull(),
    state: text("state", { enum: ["proposed", "accepted", "declined"] }).notNull(),
    position: integer("position"),
    proposedBy: integer("proposed_by").references(() => users.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull(),
    lateSeconds: integer("late_seconds").notNull(),
  },
  (t) => [index("call_contributions_call").on(t.callId)],
);
