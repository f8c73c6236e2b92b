import { asc, eq, gte } from "drizzle-orm";
import type { Queryable } from "../db/index.js";
import { type ChainBreak, checkLinks, GENESIS_HASH } from "./chain.js";
import { auditHead, auditLog } from "./schema.js";

export interface VerifyResult {
  ok: boolean;
  checked: number;
  broken: ChainBreak | null;
}

/** Walks the whole log in order, in batches, and names the first broken link. */
export async function verifyAudit(db: Queryable, batch = 2000): Promise<VerifyResult> {
  let state = { expectSeq: 1, prevHash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gte(auditLog.seq, state.expectSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batch);
    if (rows.length === 0) break;
    const r = checkLinks(rows, state);
    if ("broken" in r)
      return { ok: false, checked: checked + (r.broken.seq - state.expectSeq), broken: r.broken };
    checked += rows.length;
    state = r;
    if (rows.length < batch) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  const last = state.expectSeq - 1;
  if (!head) return { ok: false, checked, broken: { seq: 0, reason: "the audit head row is missing" } };
  if (head.seq !== last) {
    return {
      ok: false,
      checked,
      broken: {
        seq: last + 1,
        reason:
          head.seq > last
            ? `entries ${last + 1} to ${head.seq} are missing from the end of the log`
            : `the log holds entries past the recorded head (${head.seq})`,
      },
    };
  }
  if (head.hash !== state.prevHash) {
    return {
      ok: false,
      checked,
      broken: { seq: last, reason: `entry ${last} does not match the recorded head` },
    };
  }
  return { ok: true, checked, broken: null };
}
