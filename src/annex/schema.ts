import {
  type AnyPgColumn,
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
import { tsvector } from "../core/db/columns.js";
import { users } from "../directory/index.js";
import { meetings } from "../meetings/index.js";
import { CHANGE_OPS } from "./amend.js";
import type { EntryText } from "./tree.js";

/**
 * A version of the control list as of a day: the one imported whole, or the one an amendment set
 * made from another. A regime record (the published Annex is public; its versions here are the
 * Partners' working copy).
 */
export const annexVersions = pgTable(
  "annex_versions",
  {
    id: serial("id").primaryKey(),
    space: text("space").notNull().default("regime"),
    label: text("label").notNull(),
    asOf: date("as_of", { mode: "string" }).notNull(),
    basedOnId: integer("based_on_id").references((): AnyPgColumn => annexVersions.id),
    /** The amendment set that made it from `basedOnId`: a set makes one version, once. */
    amendmentSetId: integer("amendment_set_id").references((): AnyPgColumn => amendmentSets.id),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("annex_versions_label").on(t.label),
    uniqueIndex("annex_versions_set").on(t.amendmentSetId),
  ],
);

/** An item, sub-group, entry or sub-entry of one version, with its text, notes and technical notes. */
export const annexEntries = pgTable(
  "annex_entries",
  {
    id: serial("id").primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => annexVersions.id),
    number: text("number").notNull(),
    /** The number as the Annex orders it (numbering.ts `sortKey`). */
    sortKey: text("sort_key").notNull(),
    parentNumber: text("parent_number"),
    kind: text("kind", { enum: ["item", "group", "entry"] }).notNull(),
    text: text("text").notNull(),
    notes: jsonb("notes").$type<string[]>().notNull(),
    technicalNotes: jsonb("technical_notes").$type<string[]>().notNull(),
    search: tsvector("search").notNull(),
  },
  (t) => [
    uniqueIndex("annex_entries_number").on(t.versionId, t.number),
    index("annex_entries_order").on(t.versionId, t.sortKey),
    index("annex_entries_search").using("gin", t.search),
  ],
);

/** Changes to the Annex agreed together at a Plenary (the Athens 2007 set). */
export const amendmentSets = pgTable(
  "amendment_sets",
  {
    id: serial("id").primaryKey(),
    space: text("space").notNull().default("regime"),
    title: text("title").notNull(),
    /** The Plenary that agreed it. */
    meetingId: integer("meeting_id").references(() => meetings.id),
    adoptedOn: date("adopted_on", { mode: "string" }).notNull(),
    /** The meeting whose "enactment updates by" deadline applies to the Partners' reports. */
    updatesMeetingId: integer("updates_meeting_id").references(() => meetings.id),
    note: text("note"),
    /** The proposal adopted by consensus that decided the set, when the decisions know it. */
    proposalId: integer("proposal_id"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("amendment_sets_title").on(t.title)],
);

/** One change of a set: an entry added, changed or deleted, with its text before and after. */
export const amendmentChanges = pgTable(
  "amendment_changes",
  {
    id: serial("id").primaryKey(),
    setId: integer("set_id")
      .notNull()
      .references(() => amendmentSets.id),
    ordinal: integer("ordinal").notNull(),
    op: text("op", { enum: CHANGE_OPS }).notNull(),
    number: text("number").notNull(),
    before: jsonb("before").$type<EntryText>(),
    after: jsonb("after").$type<EntryText>(),
  },
  (t) => [uniqueIndex("amendment_changes_number").on(t.setId, t.number)],
);
