import { eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../db/index.js";
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
  space?: string | null;
  marking?: string | null;
  details?: Record<string, unknown>;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, label: "system" };

/**
 * Appends one entry. Call it inside the transaction that makes the change (or the read), so the
 * change and its entry commit together or not at all. The head row's lock serialises appends.
 */
export async function appendAudit(tx: Tx, at: Date, actor: AuditActor, event: AuditEvent): Promise<number> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for("update");
  if (!head) throw new Error("audit_head is missing: the database was not migrated");
  const fields = {
    seq: head.seq + 1,
    at: at.toISOString(),
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
