import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { bytea, tsvector } from "../core/db/columns.js";
import { governments, users } from "../directory/index.js";
import { deadlineSubmissions, meetings } from "../meetings/index.js";
import { PAPER_KINDS, PAPER_STATUSES } from "./rules.js";

/** The register's counter: one row per regime, locked while a number is given, so numbers never skip or repeat. */
export const paperCounters = pgTable("paper_counters", {
  regime: text("regime").primaryKey(),
  last: integer("last").notNull(),
});

/**
 * A paper in the Point of Contact's register (POC DOC n). A regime record: its portions carry
 * markings on the regime ladder. Who sees it depends on its status (see visibility.ts).
 */
export const papers = pgTable(
  "papers",
  {
    id: serial("id").primaryKey(),
    /**
     * The POC DOC number, given when the Point of Contact receives the paper (it is submitted, or
     * the Point of Contact's own draft is circulated); null while it is a draft (decision 0006).
     */
    number: integer("number"),
    kind: text("kind", { enum: PAPER_KINDS }).notNull(),
    space: text("space").notNull().default("regime"),
    governmentCode: text("government_code")
      .notNull()
      .references(() => governments.code),
    countryOfOrigin: text("country_of_origin"),
    meetingId: integer("meeting_id").references(() => meetings.id),
    agendaItem: text("agenda_item"),
    status: text("status", { enum: PAPER_STATUSES }).notNull(),
    /** Highest portion marking (regime ladder rank). */
    banner: integer("banner").notNull(),
    /** Rank of the title's own marking: a reader below it sees the title withheld. */
    titleRank: integer("title_rank").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    version: integer("version").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    circulatedAt: timestamp("circulated_at", { withTimezone: true }),
    circulatedBy: integer("circulated_by").references(() => users.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnReason: text("withdrawn_reason"),
    /** The submission recorded against the meeting's deadline, if the paper answered one. */
    deadlineSubmissionId: integer("deadline_submission_id").references(() => deadlineSubmissions.id),
    /** The deadline the submission answered, and by how much it was late (0 on time). */
    dueAt: timestamp("due_at", { withTimezone: true }),
    lateSeconds: integer("late_seconds"),
    statusChangedBy: integer("status_changed_by").references(() => users.id),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("papers_number").on(t.number),
    index("papers_meeting").on(t.meetingId),
    index("papers_dedupe").on(t.dedupeKey),
  ],
);

/** The portions of a paper's current version: its title, summary and sections, each marked. */
export const paperPortions = pgTable(
  "paper_portions",
  {
    id: serial("id").primaryKey(),
    paperId: integer("paper_id")
      .notNull()
      .references(() => papers.id),
    space: text("space").notNull().default("regime"),
    part: text("part", { enum: ["title", "summary", "section", "file"] }).notNull(),
    ordinal: integer("ordinal").notNull(),
    heading: text("heading"),
    body: text("body").notNull(),
    rank: integer("rank").notNull(),
    search: tsvector("search").notNull(),
    // Copies of the paper's columns that decide who may see it, so that search filters the
    // matching portions without reading the register. A trigger (migration 0006) sets them from
    // the paper on every insert and update of a portion, and again whenever the paper's change:
    // whatever is written here by hand is replaced.
    paperSpace: text("paper_space"),
    paperGovernment: text("paper_government"),
    paperStatus: text("paper_status"),
    paperCirculatedAt: timestamp("paper_circulated_at", { withTimezone: true }),
    paperCreatedAt: timestamp("paper_created_at", { withTimezone: true }),
    // And the columns search counts and narrows by (migration 0023).
    paperBanner: integer("paper_banner"),
    paperMeetingId: integer("paper_meeting_id"),
  },
  (t) => [index("paper_portions_paper").on(t.paperId), index("paper_portions_search").using("gin", t.search)],
);

/** Each version of a paper as it was, and the files attached to it. */
export const paperVersions = pgTable(
  "paper_versions",
  {
    id: serial("id").primaryKey(),
    paperId: integer("paper_id")
      .notNull()
      .references(() => papers.id),
    version: integer("version").notNull(),
    note: text("note"),
    /** The portions of this version: [{part, heading, body, marking}]. */
    portions: text("portions").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("paper_versions_key").on(t.paperId, t.version)],
);

export const paperFiles = pgTable(
  "paper_files",
  {
    id: serial("id").primaryKey(),
    paperId: integer("paper_id")
      .notNull()
      .references(() => papers.id),
    version: integer("version").notNull(),
    filename: text("filename").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    rank: integer("rank").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("paper_files_paper").on(t.paperId, t.version)],
);
