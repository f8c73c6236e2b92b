import { createHash } from "node:crypto";

/** The fields of an audit entry that its hash covers. Pure. */
export interface AuditFields {
  seq: number;
  at: string;
  actorUserId: number | null;
  actor: string;
  action: string;
  targetKind: string | null;
  targetId: string | null;
  space: string | null;
  marking: string | null;
  details: Record<string, unknown>;
}

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted, so the same value always gives the same text (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

export function entryHash(prevHash: string, e: AuditFields): string {
  const body = canonicalJson([
    e.seq,
    new Date(e.at).toISOString(),
    e.actorUserId,
    e.actor,
    e.action,
    e.targetKind,
    e.targetId,
    e.space,
    e.marking,
    e.details,
  ]);
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

export interface StoredEntry extends AuditFields {
  prevHash: string;
  hash: string;
}

/**
 * Checks entries in order, continuing from (`expectSeq`, `prevHash`). Returns the first broken
 * link, or the state to continue from.
 */
export function checkLinks(
  entries: readonly StoredEntry[],
  state: { expectSeq: number; prevHash: string },
): { broken: ChainBreak } | { expectSeq: number; prevHash: string } {
  let { expectSeq, prevHash } = state;
  for (const e of entries) {
    if (e.seq !== expectSeq) {
      return {
        broken: {
          seq: expectSeq,
          reason:
            e.seq > expectSeq
              ? `entry ${expectSeq} is missing (the next entry is ${e.seq})`
              : `entry ${e.seq} appears out of order`,
        },
      };
    }
    if (e.prevHash !== prevHash) {
      return {
        broken: {
          seq: e.seq,
          reason: `entry ${e.seq} does not follow entry ${e.seq - 1} (previous hash differs)`,
        },
      };
    }
    if (entryHash(prevHash, e) !== e.hash) {
      return {
        broken: { seq: e.seq, reason: `entry ${e.seq} was altered (its content does not match its hash)` },
      };
    }
    prevHash = e.hash;
    expectSeq++;
  }
  return { expectSeq, prevHash };
}
