import { hasRole, type Reader } from "../core/access/reader.js";
import { verifyAudit, verifyVisibleAudit } from "../core/audit/verify.js";
import type { Queryable } from "../core/db/index.js";
import type { VerifyOutput } from "./contract.js";

/**
 * Verifies the audit log for a reader: an operator walks the whole chain (as `plenary audit
 * verify` does); an administrator checks the entries of their own spaces, and is told nothing of
 * the chain's length or of the entries of other spaces.
 */
export async function verifyFor(db: Queryable, reader: Reader): Promise<VerifyOutput> {
  if (hasRole(reader, "operator")) {
    const r = await verifyAudit(db);
    return {
      scope: "chain",
      ok: r.ok,
      checked: r.checked,
      broken: r.broken ? { position: r.broken.seq, reason: r.broken.reason } : null,
    };
  }
  return { scope: "visible", ...(await verifyVisibleAudit(db, reader)) };
}
