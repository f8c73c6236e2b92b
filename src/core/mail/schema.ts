import { pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Mail kept for a Partner's administrators to read when no SMTP server is configured
 * (circulations, deadline reminders). `source` names what wrote it, e.g. "reminder:12".
 */
export const mailOutbox = pgTable("mail_outbox", {
  id: serial("id").primaryKey(),
  source: text("source"),
  recipient: text("recipient").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});
