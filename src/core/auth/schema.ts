import { bigserial, boolean, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie's secret: a stolen table does not yield live cookies. */
    id: text("id").primaryKey(),
    /** The user. Its foreign key to users (migration 0000) stays in the database; core's schema names no capability's table. */
    userId: integer("user_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    address: text("address"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: serial("id").primaryKey(),
    /** The user. Its foreign key to users (migration 0000) stays in the database; core's schema names no capability's table. */
    userId: integer("user_id").notNull(),
    name: text("name").notNull(),
    /** SHA-256 of the token; the token itself is shown once, when made. */
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, so an owner can tell tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    username: text("username").notNull(),
    address: text("address").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    succeeded: boolean("succeeded").notNull(),
  },
  (t) => [
    index("sign_in_attempts_user_idx").on(t.username, t.at),
    index("sign_in_attempts_addr_idx").on(t.address, t.at),
  ],
);
