/**
 * Reads recorded after they are answered: a search, a list of marked titles, an export, a denied
 * attempt. Each is one entry per request, appended in a small transaction of its own once the
 * read is done, so the read never waits on the log's lock while it reads, and never fails because
 * of the log: an entry that cannot be written is logged as a warning instead.
 */
import type { Reader } from "../access/reader.js";
import type { Db } from "../db/index.js";
import type { Logger } from "../log.js";
import { errorForLog } from "../log.js";
import { type AuditEvent, appendAudit } from "./append.js";

export interface ReadAudit {
  db: Db;
  /** Where an entry that cannot be written is told; without one (the command line) it throws. */
  log?: Logger;
}

/** The reader's own space: where an entry about what they asked for belongs. */
export const readerSpace = (reader: Reader): string => reader.government.code;

/**
 * Appends the entry for a read already answered. Dated `at` — or, when another request has
 * appended a later entry meanwhile, at that one's time (`afterTheFact`): the chain's order holds.
 */
export async function recordRead(
  deps: ReadAudit,
  at: Date,
  reader: Reader,
  event: Omit<AuditEvent, "space"> & { space?: string },
): Promise<void> {
  try {
    await deps.db.transaction((tx) =>
      appendAudit(
        tx,
        at,
        { userId: reader.userId, label: reader.username },
        { ...event, space: event.space ?? readerSpace(reader) },
        { afterTheFact: true },
      ),
    );
  } catch (err) {
    if (!deps.log) throw err;
    deps.log.warn({ err: errorForLog(err), action: event.action }, "a read could not be audited");
  }
}

/**
 * Which export of a record was taken (a Word file, a telegram's text, a spreadsheet, a feed): one
 * entry per request, in the record's space and marked as the record is, so a reader of the log
 * below that marking sees that an export was taken but not its details.
 */
export function recordExport(
  deps: ReadAudit,
  at: Date,
  reader: Reader,
  e: {
    action: AuditEvent["action"];
    targetKind: string;
    targetId: string | number;
    space: string;
    marking: string | null;
    format: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const { format, details, ...event } = e;
  return recordRead(deps, at, reader, { ...event, details: { format, ...details } });
}
