import { AsyncLocalStorage } from "node:async_hooks";
import { eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../db/index.js";
import { AppError } from "../errors.js";
import { entryHash } from "./chain.js";
import { auditHead, auditLog } from "./schema.js";

export interface AuditActor {
  userId: number | null;
  /** A username, or "system", or "cli:<os user>". */
  label: string;
}

export interface AuditEvent {
  action: `${string}.${string}`;
  targetKind?: string;
  targetId?: string | number;
  /**
   * The space the entry belongs to, as the record it is about: "regime", a government's code (its
   * sign-ins, users, tokens), or SYSTEM_SPACE for what concerns no government. Browsing shows an
   * entry only to readers of its space.
   */
  space: string;
  marking?: string | null;
  details?: Record<string, unknown>;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, label: "system" };

const history = new AsyncLocalStorage<true>();

/**
 * Runs `fn` as the loading of past history (the reference scenario's seed, whose changes carry the
 * dates they stand for): inside it, an entry dated before its predecessor is recorded at its
 * predecessor's time — when it was loaded — instead of being refused. The records keep their dates.
 */
export function loadingHistory<T>(fn: () => Promise<T>): Promise<T> {
  return history.run(true, fn);
}

/** An entry older than its predecessor: the clock was set back behind the log. */
function outOfOrder(at: Date, seq: number, lastAt: Date): AppError {
  return new AppError(
    "audit.out_of_order",
    500,
    `The audit log refuses an entry at ${at.toISOString()}: its last entry (${seq}) is at ${lastAt.toISOString()}, ` +
      "and an entry is never older than the one before it. The clock is behind the log: set PLENARY_NOW " +
      `to ${lastAt.toISOString()} or later, or PLENARY_NOW=real.`,
  );
}

/**
 * Appends one entry. Call it inside the transaction that makes the change (or the read), so the
 * change and its entry commit together or not at all. The head row's lock serialises appends. An
 * entry older than its predecessor is refused (`audit.out_of_order`), and the change with it —
 * except one written `afterTheFact` (a read recorded once it has been answered, `recordRead`),
 * which another request may have overtaken: it is dated at its predecessor's time, so the log's
 * times still never go backwards.
 */
export async function appendAudit(
  tx: Tx,
  at: Date,
  actor: AuditActor,
  event: AuditEvent,
  opts: { afterTheFact?: boolean } = {},
): Promise<number> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for("update");
  if (!head) throw new Error("audit_head is missing: the database was not migrated");
  let when = at;
  if (head.seq > 0) {
    const [last] = await tx.select({ at: auditLog.at }).from(auditLog).where(eq(auditLog.seq, head.seq));
    const lastAt = last ? new Date(last.at) : null;
    if (lastAt && lastAt.getTime() > at.getTime()) {
      if (!history.getStore() && !opts.afterTheFact) throw outOfOrder(at, head.seq, lastAt);
      when = lastAt;
    }
  }
  const fields = {
    seq: head.seq + 1,
    at: when.toISOString(),
    actorUserId: actor.userId,
    actor: actor.label,
    action: event.action,
    targetKind: event.targetKind ?? null,
    targetId: event.targetId === undefined ? null : String(event.targetId),
    space: event.space ?? null,
    marking: event.marking ?? null,
    details: event.details ?? {},
  };
  const hash = entryHash(head.hash, fields);
  await tx.insert(auditLog).values({ ...fields, prevHash: head.hash, hash });
  await tx.update(auditHead).set({ seq: fields.seq, hash }).where(eq(auditHead.id, 1));
  return fields.seq;
}

export async function auditCount(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return row?.n ?? 0;
}
