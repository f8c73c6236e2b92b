import { and, desc, eq, gte, ilike, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { mayRead, REGIME_LADDER, rankOf } from "../access/markings.js";
import { hasRole, REGIME_SPACE, type Reader, SYSTEM_SPACE } from "../access/reader.js";
import { inReaderSpaces } from "../access/sql.js";
import type { Queryable } from "../db/index.js";
import { auditLog } from "./schema.js";

export interface AuditFilter {
  action?: string | undefined;
  actor?: string | undefined;
  target?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Entries before this position among those matching (positions count from 1, the oldest). */
  before?: number | undefined;
  /** Entries to skip, for a page of the list past the first. */
  offset?: number | undefined;
  limit: number;
}

/**
 * The entries a reader may see: those of the reader's spaces (a government's sign-ins, users and
 * tokens are in its space); those of no government (SYSTEM_SPACE, and entries written before
 * every entry had a space) only for an operator.
 */
export function auditVisible(reader: Reader): SQL {
  const own = inReaderSpaces(reader, auditLog.space);
  if (!hasRole(reader, "operator")) return own;
  return or(own, eq(auditLog.space, SYSTEM_SPACE), isNull(auditLog.space)) ?? own;
}

/**
 * Whether the reader is cleared for an entry's marking. An entry's details carry the marking of
 * the record they describe (a file's name, a paper's title). In the regime's space the marking is
 * on the regime's ladder; in the reader's national space on their government's ladder, or on the
 * regime's (a paper not yet circulated is audited there) — on both when both name it, and the
 * reader must be cleared on each. A marking no ladder of the space knows is withheld.
 */
export function clearedForEntry(reader: Reader, space: string | null, marking: string | null): boolean {
  if (!marking) return true;
  const checks: { rank: number | null; clearance: number }[] = [];
  if (space === REGIME_SPACE || space === reader.government.code)
    checks.push({ rank: rankOf(REGIME_LADDER, marking), clearance: reader.regimeClearance });
  if (space === reader.government.code)
    checks.push({ rank: rankOf(reader.government.ladder, marking), clearance: reader.nationalClearance });
  const known = checks.filter((c): c is { rank: number; clearance: number } => c.rank !== null);
  return known.length > 0 && known.every((c) => mayRead(c.clearance, c.rank));
}

/**
 * Entries the reader may see (`auditVisible`): an entry in another government's space does not
 * exist for this reader. The details of an entry marked above the reader's clearance are withheld,
 * its marking named. An entry is numbered by its position among the matching entries (1 = the
 * oldest), never by its place in the whole chain: the chain's numbers would show, by their gaps,
 * how many entries other spaces hold.
 */
export async function browseAudit(db: Queryable, reader: Reader, f: AuditFilter) {
  const conds: SQL[] = [auditVisible(reader)];
  if (f.action) conds.push(ilike(auditLog.action, `${f.action.replace(/[%_\\]/g, "\\$&")}%`));
  if (f.actor) conds.push(sql`lower(${auditLog.actor}) = ${f.actor.toLowerCase()}`);
  if (f.target)
    conds.push(
      sql`${auditLog.targetKind} || ':' || coalesce(${auditLog.targetId}, '') ilike ${`%${f.target.replace(/[%_\\]/g, "\\$&")}%`}`,
    );
  if (f.from) conds.push(gte(auditLog.at, f.from.toISOString()));
  if (f.to) conds.push(lte(auditLog.at, f.to.toISOString()));
  const where = and(...conds);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const total = count?.n ?? 0;
  // Newest first: the entry at offset k has position total − k; "before p" skips positions ≥ p.
  const skip = (f.before ? Math.max(0, total - f.before + 1) : 0) + (f.offset ?? 0);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(f.limit)
    .offset(skip);
  return {
    total,
    entries: rows.map((r, i) => {
      const cleared = clearedForEntry(reader, r.space, r.marking);
      return {
        position: total - skip - i,
        at: new Date(r.at).toISOString(),
        actor: r.actor,
        action: r.action,
        target: r.targetKind ? `${r.targetKind}:${r.targetId ?? ""}` : null,
        space: r.space,
        marking: r.marking,
        details: cleared ? r.details : {},
        detailsWithheld: !cleared,
      };
    }),
  };
}
