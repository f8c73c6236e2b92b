import type { Reader } from "./access/reader.js";
import type { AuditActor } from "./audit/append.js";

/** A person making a change: the access rules apply to them. */
export interface ReaderActing {
  kind: "reader";
  reader: Reader;
  actor: AuditActor;
  now: Date;
}

/**
 * The system making a change (the reference scenario's seed, a job): no reader's access applies,
 * and it is audited as itself. A separate type, so a command cannot take one for the other.
 */
export interface SystemActing {
  kind: "system";
  actor: AuditActor;
  now: Date;
}

export type Acting = ReaderActing | SystemActing;

export function actingAs(reader: Reader, now: Date): ReaderActing {
  return { kind: "reader", reader, actor: { userId: reader.userId, label: reader.username }, now };
}

export function actingAsSystem(now: Date, label = "system"): SystemActing {
  return { kind: "system", actor: { userId: null, label }, now };
}

/** The reader behind a change, or null for the system. */
export function readerOfActing(who: Acting): Reader | null {
  return who.kind === "reader" ? who.reader : null;
}
