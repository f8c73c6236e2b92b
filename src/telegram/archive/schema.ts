import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * A telegram in the archive. It belongs to the national space of its originating government and
 * its banner is on that government's ladder. `model` holds the structure as read; `raw` the bytes
 * as imported, unchanged.
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
    raw: bytea("raw").notNull(),
    model: jsonb("model").notNull(),
    diagnostics: integer("diagnostics").notNull(),
    repairs: integer("repairs").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
    importedBy: text("imported_by").notNull(),
  },
  (t) => [
    uniqueIndex("telegrams_dedupe_key").on(t.dedupeKey),
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
    search: tsvector("search").notNull().generatedAlwaysAs(sql`to_tsvector('english', body)`),
  },
  (t) => [
    uniqueIndex("telegram_texts_key").on(t.telegramId, t.rank),
    index("telegram_texts_search").using("gin", t.search),
  ],
);
