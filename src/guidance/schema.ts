import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "../directory/index.js";
import { agendaItems, meetings } from "../meetings/index.js";
import type { Approval, GuidanceContent, Portion } from "./content.js";

export const GUIDANCE_STATES = ["draft", "approved", "released"] as const;
export type GuidanceState = (typeof GUIDANCE_STATES)[number];

/** Who approved, beside what the approval puts on the telegram. */
export interface StoredApproval extends Approval {
  userId: number;
  at: string;
  /** The rule the declassification date came from. */
  rule: { years: number; from: string };
}

/**
 * A capital's guidance to its representative for one meeting. It lives in its government's
 * national space (`space` is the government's code) and nobody outside that government sees it,
 * nor that it exists. The content is the data the telegram is rendered from; the banner is the
 * highest portion's rank on the government's ladder, computed on every save.
 */
export const guidance = pgTable(
  "guidance",
  {
    id: serial("id").primaryKey(),
    space: text("space").notNull(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    state: text("state", { enum: GUIDANCE_STATES }).notNull(),
    content: jsonb("content").$type<GuidanceContent>().notNull(),
    /** The highest portion's rank on the government's ladder. */
    banner: integer("banner").notNull(),
    subjectRank: integer("subject_rank").notNull(),
    /** The version the content is: 1 on creation, one more on every save. */
    version: integer("version").notNull(),
    approval: jsonb("approval").$type<StoredApproval>(),
    /** What could not be placed when the draft was started from a telegram; cleared by the next save. */
    unplaced: jsonb("unplaced").$type<{ where: string; text: string }[]>().notNull().default([]),
    /** The request for guidance this guidance answers. */
    answersRequestId: integer("answers_request_id"),
    releasedAt: timestamp("released_at", { withTimezone: true }),
    releasedBy: integer("released_by").references(() => users.id),
    /** The telegram it was released as, in the archive of the same space. */
    telegramId: integer("telegram_id"),
    messageRef: text("message_ref"),
    serial: integer("serial"),
    /** The telegram exactly as released: never changed after. */
    telegramText: text("telegram_text"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("guidance_space_meeting").on(t.space, t.meetingId)],
);

/** Every saved version of a guidance's content, to compare two. */
export const guidanceVersions = pgTable(
  "guidance_versions",
  {
    id: serial("id").primaryKey(),
    guidanceId: integer("guidance_id")
      .notNull()
      .references(() => guidance.id),
    version: integer("version").notNull(),
    content: jsonb("content").$type<GuidanceContent>().notNull(),
    banner: integer("banner").notNull(),
    savedBy: integer("saved_by").references(() => users.id),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("guidance_versions_key").on(t.guidanceId, t.version)],
);

/** An office asked to clear a draft, and its clearance when given (of the version it cleared). */
export const guidanceClearances = pgTable(
  "guidance_clearances",
  {
    id: serial("id").primaryKey(),
    guidanceId: integer("guidance_id")
      .notNull()
      .references(() => guidance.id),
    office: text("office").notNull(),
    requestedBy: integer("requested_by").references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    clearedBy: integer("cleared_by").references(() => users.id),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
    clearedVersion: integer("cleared_version"),
    note: text("note"),
  },
  (t) => [uniqueIndex("guidance_clearances_office").on(t.guidanceId, t.office)],
);

/**
 * A station's message counter for one year, in one government's space: the next release takes
 * `last + 1` with the row locked, so numbers are gapless in commit order.
 */
export const messageCounters = pgTable(
  "message_counters",
  {
    space: text("space").notNull(),
    station: text("station").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.space, t.station, t.year] })],
);

/** What the representative recorded on one item of the guidance. */
export interface ReportItem {
  /** The guidance item's index (0-based) and its agenda item. */
  index: number;
  agendaItemId: number | null;
  said: Portion;
  outcome: Portion;
}

/**
 * A representative's report on a meeting, filed as a telegram from the post that references the
 * guidance telegram, slugged for the office the guidance named; it lands in that office's queue.
 */
export const guidanceReports = pgTable(
  "guidance_reports",
  {
    id: serial("id").primaryKey(),
    space: text("space").notNull(),
    guidanceId: integer("guidance_id")
      .notNull()
      .references(() => guidance.id),
    summary: jsonb("summary").$type<Portion>().notNull(),
    items: jsonb("items").$type<ReportItem[]>().notNull(),
    banner: integer("banner").notNull(),
    slug: text("slug").notNull(),
    telegramId: integer("telegram_id"),
    messageRef: text("message_ref"),
    filedBy: integer("filed_by").references(() => users.id),
    filedAt: timestamp("filed_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("guidance_reports_space_slug").on(t.space, t.slug, t.filedAt)],
);

/**
 * A point raised at a meeting that the guidance does not cover: the representative asks for
 * guidance by a time (the next session); a short guidance that references it answers it.
 */
export const guidanceRequests = pgTable(
  "guidance_requests",
  {
    id: serial("id").primaryKey(),
    space: text("space").notNull(),
    guidanceId: integer("guidance_id")
      .notNull()
      .references(() => guidance.id),
    reportId: integer("report_id").references(() => guidanceReports.id),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id),
    question: text("question").notNull(),
    /** The question's marking: its rank on the government's ladder. */
    rank: integer("rank").notNull(),
    neededBy: timestamp("needed_by", { withTimezone: true }).notNull(),
    slug: text("slug").notNull(),
    askedBy: integer("asked_by").references(() => users.id),
    askedAt: timestamp("asked_at", { withTimezone: true }).notNull(),
    answerGuidanceId: integer("answer_guidance_id"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [index("guidance_requests_space").on(t.space, t.answeredAt, t.neededBy)],
);
