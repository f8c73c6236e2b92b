/**
 * Reads of guidance, reports and requests for guidance, with the reader's access in their `where`.
 * All of it is in the government's national space: a reader of another government finds nothing.
 * The capital (desk officers, approvers) sees every guidance; the post (delegates) what was released.
 */
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import type { Acting } from "../core/acting.js";
import type { Queryable } from "../core/db/index.js";
import { atCapital, atPost } from "./policy.js";
import {
  type GuidanceState,
  guidance,
  guidanceClearances,
  guidanceReports,
  guidanceRequests,
  guidanceVersions,
} from "./schema.js";

export type GuidanceRow = typeof guidance.$inferSelect;
export type ReportRow = typeof guidanceReports.$inferSelect;
export type RequestRow = typeof guidanceRequests.$inferSelect;
export type ClearanceRow = typeof guidanceClearances.$inferSelect;
export type VersionRow = typeof guidanceVersions.$inferSelect;

/** The guidance a reader may see: their own government's; at the post only what was released. */
export function visibleGuidance(reader: Reader): SQL {
  const own = eq(guidance.space, reader.government.code);
  if (atCapital(reader)) return own;
  if (atPost(reader)) return and(own, eq(guidance.state, "released")) ?? sql`false`;
  return sql`false`;
}

/** The guidance, if the one acting may see it (the system sees all); `lock` locks its row. */
export async function guidanceFor(
  db: Queryable,
  who: Acting,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<GuidanceRow | null> {
  const where =
    who.kind === "reader" ? and(eq(guidance.id, id), visibleGuidance(who.reader)) : eq(guidance.id, id);
  const q = db.select().from(guidance).where(where);
  const [row] = opts.lock ? await q.for("update") : await q;
  return row ?? null;
}

export async function listGuidance(
  db: Queryable,
  reader: Reader,
  filter: { state?: GuidanceState; meetingId?: number } = {},
): Promise<GuidanceRow[]> {
  return db
    .select()
    .from(guidance)
    .where(
      and(
        visibleGuidance(reader),
        filter.state ? eq(guidance.state, filter.state) : undefined,
        filter.meetingId ? eq(guidance.meetingId, filter.meetingId) : undefined,
      ),
    )
    .orderBy(desc(guidance.updatedAt), desc(guidance.id));
}

export async function versionsOf(db: Queryable, guidanceId: number): Promise<VersionRow[]> {
  return db
    .select()
    .from(guidanceVersions)
    .where(eq(guidanceVersions.guidanceId, guidanceId))
    .orderBy(asc(guidanceVersions.version));
}

export async function clearancesOf(db: Queryable, guidanceId: number): Promise<ClearanceRow[]> {
  return db
    .select()
    .from(guidanceClearances)
    .where(eq(guidanceClearances.guidanceId, guidanceId))
    .orderBy(asc(guidanceClearances.id));
}

/**
 * Reports a reader may see: at the capital every report of their government; at the post those
 * on guidance they may read (their government's released guidance).
 */
export function visibleReports(reader: Reader): SQL {
  if (!atCapital(reader) && !atPost(reader)) return sql`false`;
  return eq(guidanceReports.space, reader.government.code);
}

export async function listReports(
  db: Queryable,
  reader: Reader,
  filter: { guidanceId?: number; slug?: string } = {},
): Promise<ReportRow[]> {
  return db
    .select()
    .from(guidanceReports)
    .where(
      and(
        visibleReports(reader),
        filter.guidanceId ? eq(guidanceReports.guidanceId, filter.guidanceId) : undefined,
        filter.slug ? eq(guidanceReports.slug, filter.slug) : undefined,
      ),
    )
    .orderBy(desc(guidanceReports.filedAt), desc(guidanceReports.id));
}

export async function reportFor(db: Queryable, who: Acting, id: number): Promise<ReportRow | null> {
  const where =
    who.kind === "reader"
      ? and(eq(guidanceReports.id, id), visibleReports(who.reader))
      : eq(guidanceReports.id, id);
  const [row] = await db.select().from(guidanceReports).where(where);
  return row ?? null;
}

export function visibleRequests(reader: Reader): SQL {
  if (!atCapital(reader) && !atPost(reader)) return sql`false`;
  return eq(guidanceRequests.space, reader.government.code);
}

export async function listRequests(
  db: Queryable,
  reader: Reader,
  filter: { open?: boolean; reportIds?: number[]; guidanceId?: number } = {},
): Promise<RequestRow[]> {
  return db
    .select()
    .from(guidanceRequests)
    .where(
      and(
        visibleRequests(reader),
        filter.open ? isNull(guidanceRequests.answeredAt) : undefined,
        filter.reportIds
          ? inArray(guidanceRequests.reportId, filter.reportIds.length ? filter.reportIds : [-1])
          : undefined,
        filter.guidanceId ? eq(guidanceRequests.guidanceId, filter.guidanceId) : undefined,
      ),
    )
    .orderBy(asc(guidanceRequests.neededBy), asc(guidanceRequests.id));
}

export async function requestFor(
  db: Queryable,
  who: Acting,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<RequestRow | null> {
  const where =
    who.kind === "reader"
      ? and(eq(guidanceRequests.id, id), visibleRequests(who.reader))
      : eq(guidanceRequests.id, id);
  const q = db.select().from(guidanceRequests).where(where);
  const [row] = opts.lock ? await q.for("update") : await q;
  return row ?? null;
}
