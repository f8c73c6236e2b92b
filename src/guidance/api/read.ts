import { levelAt } from "../../core/access/markings.js";
import type { Reader } from "../../core/access/reader.js";
import { actingAs } from "../../core/acting.js";
import { recordExport } from "../../core/audit/reads.js";
import type { Db, Queryable } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import { auditRead, shownMarking } from "../../core/http/audited.js";
import { type Ctx, readerOf } from "../../core/http/env.js";
import type { Logger } from "../../core/log.js";
import { ladderOfGovernment } from "../../directory/index.js";
import { readGuidance } from "../policy.js";
import { presentGuidance } from "../present.js";
import { type GuidanceRow, guidanceFor } from "../queries.js";

/** The guidance row as the reader may see it, or 404 exactly as a missing one. */
export async function visibleRow(db: Queryable, reader: Reader, id: number, now: Date): Promise<GuidanceRow> {
  if (!readGuidance.allows(reader)) throw notFound("guidance");
  const row = await guidanceFor(db, actingAs(reader, now), id);
  if (!row) throw notFound("guidance");
  return row;
}

export async function guidanceOrNotFound(db: Queryable, reader: Reader, id: number, now: Date) {
  return presentGuidance(db, reader, await visibleRow(db, reader, id, now), now);
}

/**
 * Which export of a guidance was taken, by whom: one audit entry per request, in the guidance's
 * space, marked as the guidance is (a reader of the log below that marking sees no details).
 */
export async function auditExport(
  db: Db,
  reader: Reader,
  row: GuidanceRow,
  format: "telegram" | "word",
  now: Date,
  log?: Logger,
): Promise<void> {
  const ladder = await ladderOfGovernment(db, row.space);
  await recordExport({ db, log }, now, reader, {
    action: "guidance.export",
    targetKind: "guidance",
    targetId: String(row.id),
    space: row.space,
    marking: ladder ? levelAt(ladder, row.banner).code : null,
    format,
    details: { version: row.version, withheldAbove: reader.nationalClearance < row.banner },
  });
}

/** One entry per look at the guidance list, in the reader's space: how many it showed. */
export function auditGuidanceList(c: Ctx, shown: number): Promise<void> {
  return auditRead(c, {
    action: "guidance.list",
    targetKind: "guidance",
    marking: shownMarking(readerOf(c), "national"),
    details: { shown },
  });
}
