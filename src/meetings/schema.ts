import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { governments, users } from "../directory/index.js";
import { AGREEMENT_STATES, DOCUMENT_KINDS, MEETING_KINDS, MEETING_STATUSES } from "./profile.js";

/**
 * A meeting of the regime. Its days are calendar days in the host's time zone (`timeZone`); it is
 * a regime record (space "regime"), so only Partners' people see it.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: serial("id").primaryKey(),
    space: text("space").notNull().default("regime"),
    kind: text("kind", { enum: MEETING_KINDS }).notNull(),
    title: text("title").notNull(),
    hostCode: text("host_code")
      .notNull()
      .references(() => governments.code),
    city: text("city").notNull(),
    timeZone: text("time_zone").notNull(),
    firstDay: date("first_day", { mode: "string" }).notNull(),
    lastDay: date("last_day", { mode: "string" }).notNull(),
    daysWithoutSessions: date("days_without_sessions", { mode: "string" })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    conjunctionWithId: integer("conjunction_with_id").references((): AnyPgColumn => meetings.id),
    chair: text("chair"),
    status: text("status", { enum: MEETING_STATUSES }).notNull(),
    notes: text("notes"),
    /** The iCalendar UID: stable for the meeting's life, so calendar updates replace the event. */
    uid: text("uid").notNull(),
    /** The iCalendar SEQUENCE: raised on every change. */
    revision: integer("revision").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("meetings_uid").on(t.uid), index("meetings_first_day").on(t.firstDay)],
);

/**
 * One item of a meeting's agenda: a record with a stable id (guidance, reports and decisions link
 * to it), its place on the agenda and its title with a marking on the regime ladder. An item taken
 * off the agenda keeps its row and id (`removedAt`), so what links to it still resolves.
 */
export const agendaItems = pgTable(
  "agenda_items",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    space: text("space").notNull().default("regime"),
    /** 1, 2, 3 … among the items on the agenda; kept as it was on a removed item. */
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /** The title's marking: its rank on the regime ladder. */
    rank: integer("rank").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("agenda_items_meeting").on(t.meetingId, t.position)],
);

/** A proposed change of a meeting's dates and the state of the Partners' agreement to it. */
export const meetingDateChanges = pgTable(
  "meeting_date_changes",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    fromFirstDay: date("from_first_day", { mode: "string" }).notNull(),
    fromLastDay: date("from_last_day", { mode: "string" }).notNull(),
    toFirstDay: date("to_first_day", { mode: "string" }).notNull(),
    toLastDay: date("to_last_day", { mode: "string" }).notNull(),
    /** Who proposed it, as the regime names them ("the TEM Chair"). */
    proposedBy: text("proposed_by").notNull(),
    proposedByUserId: integer("proposed_by_user_id").references(() => users.id),
    proposedOn: date("proposed_on", { mode: "string" }).notNull(),
    agreement: text("agreement", { enum: AGREEMENT_STATES }).notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("meeting_date_changes_meeting").on(t.meetingId)],
);

/**
 * A deadline rule: what is due, before which meeting (every meeting of `anchorKind`, or only
 * `anchorMeetingId`), on which day of it, by how long before (or by a set day), firm or advisory.
 */
export const deadlineRules = pgTable(
  "deadline_rules",
  {
    id: serial("id").primaryKey(),
    space: text("space").notNull().default("regime"),
    code: text("code").notNull(),
    documentKind: text("document_kind", { enum: DOCUMENT_KINDS }).notNull(),
    anchorKind: text("anchor_kind", { enum: MEETING_KINDS }).notNull(),
    anchorMeetingId: integer("anchor_meeting_id").references(() => meetings.id),
    anchorDay: text("anchor_day", { enum: ["first", "last"] }).notNull(),
    offsetAmount: integer("offset_amount"),
    offsetUnit: text("offset_unit", { enum: ["weeks", "days"] }),
    fixedDay: date("fixed_day", { mode: "string" }),
    firm: boolean("firm").notNull(),
    wording: text("wording").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("deadline_rules_code").on(t.code)],
);

/** The Point of Contact's waiver of one deadline for one Partner. */
export const deadlineWaivers = pgTable(
  "deadline_waivers",
  {
    id: serial("id").primaryKey(),
    ruleId: integer("rule_id")
      .notNull()
      .references(() => deadlineRules.id),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    governmentCode: text("government_code")
      .notNull()
      .references(() => governments.code),
    reason: text("reason").notNull(),
    waivedBy: integer("waived_by").references(() => users.id),
    waivedAt: timestamp("waived_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("deadline_waivers_key").on(t.ruleId, t.meetingId, t.governmentCode)],
);

/** A Partner's submission against a deadline: accepted whenever it comes, marked late by how much. */
export const deadlineSubmissions = pgTable(
  "deadline_submissions",
  {
    id: serial("id").primaryKey(),
    ruleId: integer("rule_id")
      .notNull()
      .references(() => deadlineRules.id),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    governmentCode: text("government_code")
      .notNull()
      .references(() => governments.code),
    title: text("title").notNull(),
    /**
     * What the submission stands for when it is another capability's record ("paper"): its title
     * is then that capability's to show (the `submissionTitles` port), only to readers who may
     * see the record; a reader it does not answer for sees no such submission.
     */
    source: text("source"),
    submittedBy: integer("submitted_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** Seconds after the due instant; 0 when on time. */
    lateSeconds: integer("late_seconds").notNull(),
  },
  (t) => [index("deadline_submissions_key").on(t.ruleId, t.meetingId)],
);

/** A user's secret calendar address. Revoked addresses answer 404. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    secret: text("secret").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feeds_secret").on(t.secret),
    uniqueIndex("calendar_feeds_active").on(t.userId).where(sql`revoked_at is null`),
  ],
);

/**
 * One reminder: a (deadline, user, lead time) claimed before it is sent, so that no restart or
 * crash sends it twice. `sending` that never became `sent` means the process died mid-send.
 */
export const reminders = pgTable(
  "reminders",
  {
    id: serial("id").primaryKey(),
    ruleId: integer("rule_id")
      .notNull()
      .references(() => deadlineRules.id),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    leadMinutes: integer("lead_minutes").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: ["sending", "sent", "failed", "skipped"] }).notNull(),
    transport: text("transport", { enum: ["smtp", "outbox"] }),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  // The due instant is in the key: a deadline moved by a change to its rule or its meeting is
  // reminded of again at its new time.
  (t) => [uniqueIndex("reminders_key").on(t.ruleId, t.meetingId, t.userId, t.leadMinutes, t.dueAt)],
);
