import { sql } from "drizzle-orm";
import {
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
import { amendmentSets } from "../annex/index.js";
import { governments, users } from "../directory/index.js";
import { REPORT_STATUSES } from "./matrix.js";
import { SOURCE_KINDS } from "./rules.js";

/**
 * A Partner's report of its national enactment of an amendment set: one row of POC DOC 39's
 * matrix. Reporting again replaces the current report (`replacedAt` set) and keeps it as history.
 */
export const enactmentReports = pgTable(
  "enactment_reports",
  {
    id: serial("id").primaryKey(),
    space: text("space").notNull().default("regime"),
    setId: integer("set_id")
      .notNull()
      .references(() => amendmentSets.id),
    governmentCode: text("government_code")
      .notNull()
      .references(() => governments.code),
    status: text("status", { enum: REPORT_STATUSES }).notNull(),
    /** The national instrument, e.g. the US Commerce Control List. */
    instrument: text("instrument"),
    effectiveOn: date("effective_on", { mode: "string" }),
    sourceKind: text("source_kind", { enum: SOURCE_KINDS }),
    /** The paper's number, the telegram's reference, or the link. */
    sourceRef: text("source_ref"),
    note: text("note"),
    /** Reported after the set's "updates by" deadline: accepted, and marked. */
    late: boolean("late").notNull(),
    reportedBy: integer("reported_by").references(() => users.id),
    /** Who reported it, as they were named then: "H. Smith (us.delegate)". */
    reporter: text("reporter"),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("enactment_reports_current")
      .on(t.setId, t.governmentCode)
      .where(sql`${t.replacedAt} is null`),
    index("enactment_reports_history").on(t.setId, t.governmentCode, t.reportedAt),
  ],
);
