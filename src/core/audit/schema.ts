import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained. `seq` comes from `audit_head` under a row lock, so it has no gaps and
 * the chain's order is the order in which transactions committed.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull(),
    actorUserId: integer("actor_user_id"),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    targetKind: text("target_kind"),
    targetId: text("target_id"),
    /**
     * The space of the record concerned ("regime", a government code, "system" for what concerns no
     * government). Null only in entries written before every entry had one: operators see those.
     */
    space: text("space"),
    marking: text("marking"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_log_action_idx").on(t.action), index("audit_log_actor_idx").on(t.actor)],
);

export const auditHead = pgTable("audit_head", {
  id: integer("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});
