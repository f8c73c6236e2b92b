import type { Reader } from "../core/access/reader.js";
import { browseAudit as browse } from "../core/audit/browse.js";
import type { Queryable } from "../core/db/index.js";
import type { AuditQueryInput } from "./contract.js";

/** A day or an instant as the filter's bound: a bare day runs to its last millisecond. */
function bound(v: string | undefined, end: boolean): Date | undefined {
  if (!v) return undefined;
  if (v.length === 10) return new Date(`${v}T${end ? "23:59:59.999" : "00:00:00"}Z`);
  return new Date(v);
}

/**
 * The audit entries the reader may see (those of the reader's spaces, and the system's for an
 * operator: the access is in core's `where`; details above the reader's clearance withheld),
 * newest first, with how many match.
 */
export function auditEntries(db: Queryable, reader: Reader, q: AuditQueryInput, limit = 100, offset = 0) {
  return browse(db, reader, {
    action: q.action || undefined,
    actor: q.actor || undefined,
    target: q.target || undefined,
    from: bound(q.from, false),
    to: bound(q.to, true),
    before: q.before,
    limit: q.limit ?? limit,
    offset,
  });
}

export type AuditEntries = Awaited<ReturnType<typeof auditEntries>>;
