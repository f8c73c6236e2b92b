import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { governments, users } from "../directory/index.js";
import { agendaItems, meetingDateChanges, meetings } from "../meetings/index.js";
import { POSITIONS, PROPOSAL_STATES } from "./rules.js";

export interface StoredPortion {
  /** Rank on the regime ladder. */
  rank: number;
  text: string;
}

/**
 * A proposal for the Partners' consensus: its marked text, who made it, what decides it (a meeting
 * or a silence procedure) and what it acts on (a meeting's change of dates). A regime record.
 */
export const proposals = pgTable(
  "proposals",
  {
    id: serial("id").primaryKey(),
    space: text("space").notNull().default("regime"),
    title: text("title").notNull(),
    titleRank: integer("title_rank").notNull(),
    portions: jsonb("portions").$type<StoredPortion[]>().notNull(),
    /** The highest marking of the title and the text. */
    banner: integer("banner").notNull(),
    /** Who made it, as the regime names them: "the TEM Chair", "France". */
    proposer: text("proposer").notNull(),
    /** The government whose draft it is until circulated. */
    governmentCode: text("government_code")
      .notNull()
      .references(() => governments.code),
    createdBy: integer("created_by").references(() => users.id),
    meetingId: integer("meeting_id").references(() => meetings.id),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id),
    /** A change of a meeting's dates this proposal decides. */
    dateChangeId: integer("date_change_id").references(() => meetingDateChanges.id),
    paperNumbers: integer("paper_numbers").array().notNull().default(sql`'{}'::integer[]`),
    procedure: text("procedure", { enum: ["meeting", "silence"] }),
    state: text("state", { enum: PROPOSAL_STATES }).notNull(),
    silenceDeadline: timestamp("silence_deadline", { withTimezone: true }),
    /** A provisional agreement becomes final at the end of this day (Point of Contact time) … */
    finalOn: date("final_on", { mode: "string" }),
    /** … or at the start of this meeting, if no Partner objects by then. */
    finalAtMeetingId: integer("final_at_meeting_id").references(() => meetings.id),
    outcomeNote: text("outcome_note"),
    recordPaper: integer("record_paper"),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** When the Partners were told it was opened, and that it closed: each once. */
    openNoticeAt: timestamp("open_notice_at", { withTimezone: true }),
    closeNoticeAt: timestamp("close_notice_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("proposals_state").on(t.state, t.silenceDeadline),
    index("proposals_meeting").on(t.meetingId),
  ],
);

/**
 * A Partner's position on a proposal, stated by one of its delegates. One per Partner is current
 * (`replacedAt` null); a later one replaces it and both stay as history.
 */
export const proposalPositions = pgTable(
  "proposal_positions",
  {
    id: serial("id").primaryKey(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id),
    governmentCode: text("government_code")
      .notNull()
      .references(() => governments.code),
    position: text("position", { enum: POSITIONS }).notNull(),
    reason: text("reason"),
    amendment: text("amendment"),
    statedBy: integer("stated_by").references(() => users.id),
    /** Who stated it, as they were named then: "H. Smith (gb.delegate)". */
    stater: text("stater").notNull(),
    statedAt: timestamp("stated_at", { withTimezone: true }).notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("proposal_positions_current")
      .on(t.proposalId, t.governmentCode)
      .where(sql`${t.replacedAt} is null`),
    index("proposal_positions_history").on(t.proposalId, t.statedAt),
  ],
);

/** Each change of a proposal's state: who, when, from what to what. */
export const proposalEvents = pgTable(
  "proposal_events",
  {
    id: serial("id").primaryKey(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actor: text("actor").notNull(),
    fromState: text("from_state", { enum: PROPOSAL_STATES }),
    toState: text("to_state", { enum: PROPOSAL_STATES }).notNull(),
    note: text("note"),
  },
  (t) => [index("proposal_events_proposal").on(t.proposalId, t.at)],
);

/**
 * A position a capital prepares for its delegate: in its national space, seen by nobody outside
 * its government, until a delegate states it.
 */
export const positionDrafts = pgTable(
  "position_drafts",
  {
    id: serial("id").primaryKey(),
    /** The government's own space (its code). */
    space: text("space")
      .notNull()
      .references(() => governments.code),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id),
    position: text("position", { enum: POSITIONS }).notNull(),
    reason: text("reason"),
    amendment: text("amendment"),
    preparedBy: integer("prepared_by").references(() => users.id),
    preparer: text("preparer").notNull(),
    preparedAt: timestamp("prepared_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("position_drafts_one").on(t.space, t.proposalId)],
);
