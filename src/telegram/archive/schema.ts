import {
  type AnyPgColumn,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { bytea, tsvector } from "../../core/db/columns.js";

/**
 * A telegram in the archive. It belongs to the national space of its originating government and
 * its banner is on that government's ladder. The bytes are kept as imported; the structure is read
 * from them again when the telegram is shown (the reader is fast and improves; the bytes do not change).
 */
export const telegrams = pgTable(
  "telegrams",
  {
    id: serial("id").primaryKey(),
    /** The message reference (08STATE70895), or sha256:<hex> of the raw bytes when it has none. */
    dedupeKey: text("dedupe_key").notNull(),
    messageRef: text("message_ref"),
    space: text("space").notNull(),
    /** Rank of the classification line on the space's ladder. */
    banner: integer("banner").notNull(),
    classification: text("classification").notNull(),
    /** Rank of the subject's own marking (the banner when it has none). */
    subjectRank: integer("subject_rank").notNull(),
    subject: text("subject"),
    originator: text("originator"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    tags: text("tags").array().notNull(),
    format: text("format").notNull(),
    sourceName: text("source_name"),
    /** The bytes as imported: as text when they are valid UTF-8 (the same bytes again on encoding), else as bytes. */
    rawText: text("raw_text"),
    rawBytes: bytea("raw_bytes"),
    diagnostics: integer("diagnostics").notNull(),
    repairs: integer("repairs").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
    importedBy: text("imported_by").notNull(),
  },
  (t) => [
    /** A duplicate is one in the same space: each government keeps its own copy of a telegram. */
    uniqueIndex("telegrams_space_dedupe_key").on(t.space, t.dedupeKey),
    index("telegrams_space_sent").on(t.space, t.sentAt),
    index("telegrams_tags").using("gin", t.tags),
  ],
);

/**
 * The searchable text of a telegram, one row per marking rank: a reader cleared to rank r searches
 * (and sees snippets of) only the rows with rank ≤ r, so a withheld portion never matches.
 */
export const telegramTexts = pgTable(
  "telegram_texts",
  {
    telegramId: integer("telegram_id")
      .notNull()
      .references((): AnyPgColumn => telegrams.id, { onDelete: "cascade" }),
    space: text("space").notNull(),
    rank: integer("rank").notNull(),
    body: text("body").notNull(),
    /** to_tsvector('english', body), computed when the text is stored. */
    search: tsvector("search").notNull(),
  },
  (t) => [
    uniqueIndex("telegram_texts_key").on(t.telegramId, t.rank),
    index("telegram_texts_search").using("gin", t.search),
  ],
);
