import { and, asc, eq, gt, gte } from "drizzle-orm";
import type { Reader } from "../access/reader.js";
import type { Queryable } from "../db/index.js";
import { auditVisible } from "./browse.js";
import { type ChainBreak, checkLinks, entryHash, GENESIS_HASH } from "./chain.js";
import { auditHead, auditLog } from "./schema.js";

export interface VerifyResult {
  ok: boolean;
  checked: number;
  broken: ChainBreak | null;
}

/** Walks the whole log in order, in batches, and names the first broken link: for operators and the command line. */
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

/** What a reader who may not verify the whole chain is told: about the entries they may see. */
export interface VisibleVerifyResult {
  ok: boolean;
  checked: number;
  /** The first broken entry, by its position among the entries the reader may see (1 = oldest). */
  broken: { position: number; reason: string } | null;
}

/**
 * Checks the entries the reader may see (`auditVisible`), oldest first: each must match its own
 * hash, and one that directly follows another seen entry must hash it. It says nothing of the
 * entries between them — their number, or whether they exist — which only the whole chain's
 * verification (an operator's, or `plenary audit verify`) covers.
 */
export async function verifyVisibleAudit(
  db: Queryable,
  reader: Reader,
  batch = 2000,
): Promise<VisibleVerifyResult> {
  let after = 0;
  let checked = 0;
  let previous: { seq: number; hash: string } | null = null;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(auditVisible(reader), gt(auditLog.seq, after)))
      .orderBy(asc(auditLog.seq))
      .limit(batch);
    for (const e of rows) {
      const position = checked + 1;
      if (entryHash(e.prevHash, e) !== e.hash)
        return {
          ok: false,
          checked,
          broken: { position, reason: `entry ${position} was altered (its content does not match its hash)` },
        };
      if (previous && previous.seq === e.seq - 1 && e.prevHash !== previous.hash)
        return {
          ok: false,
          checked,
          broken: { position, reason: `entry ${position} does not follow the entry before it` },
        };
      previous = { seq: e.seq, hash: e.hash };
      checked++;
    }
    if (rows.length < batch) break;
    after = rows[rows.length - 1]?.seq ?? after;
  }
  return { ok: true, checked, broken: null };
}
