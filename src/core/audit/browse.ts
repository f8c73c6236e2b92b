import { and, desc, gte, ilike, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Reader } from "../access/reader.js";
import { inReaderSpaces } from "../access/sql.js";
import type { Queryable } from "../db/index.js";
import { auditLog } from "./schema.js";

export interface AuditFilter {
  action?: string | undefined;
  actor?: string | undefined;
  target?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: number | undefined;
  /** Entries to skip, for a page of the list past the first. */
  offset?: number | undefined;
  limit: number;
}

/**
 * Entries the reader may see: the system's own and those of the reader's spaces. An entry about a
 * record in another government's space does not exist for this reader.
 */
export async function browseAudit(db: Queryable, reader: Reader, f: AuditFilter) {
  const conds: SQL[] = [or(isNull(auditLog.space), inReaderSpaces(reader, auditLog.space)) ?? sql`false`];
  if (f.action) conds.push(ilike(auditLog.action, `${f.action.replace(/[%_\\]/g, "\\$&")}%`));
  if (f.actor) conds.push(sql`lower(${auditLog.actor}) = ${f.actor.toLowerCase()}`);
  if (f.target)
    conds.push(
      sql`${auditLog.targetKind} || ':' || coalesce(${auditLog.targetId}, '') ilike ${`%${f.target.replace(/[%_\\]/g, "\\$&")}%`}`,
    );
  if (f.from) conds.push(gte(auditLog.at, f.from.toISOString()));
  if (f.to) conds.push(lte(auditLog.at, f.to.toISOString()));
  if (f.before) conds.push(sql`${auditLog.seq} < ${f.before}`);
  const where = and(...conds);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(f.limit)
    .offset(f.offset ?? 0);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return {
    total: count?.n ?? 0,
    entries: rows.map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      action: r.action,
      target: r.targetKind ? `${r.targetKind}:${r.targetId ?? ""}` : null,
      space: r.space,
      marking: r.marking,
      details: r.details,
    })),
  };
}
