import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import { type ReadAudit, readerSpace, recordExport } from "../core/audit/reads.js";
import { auditRead, shownMarking } from "../core/http/audited.js";
import { type Ctx, readerOf } from "../core/http/env.js";
import type { PaperRow } from "./queries.js";
import { paperTarget } from "./rules.js";

/**
 * One entry per look at the register (the API's list, the page), in the reader's space: the
 * filter, whose titles may be marked. Not one per paper, and not how many it showed: the Point of
 * Contact's secretariat sees submissions its government's administrator does not.
 */
export function auditList(c: Ctx, details: Record<string, unknown>): Promise<void> {
  return auditRead(c, {
    action: "paper.list",
    targetKind: "register",
    marking: shownMarking(readerOf(c), "regime"),
    details,
  });
}

/**
 * Which export of a paper was taken (its Word file, its JSON from the command line): one entry, in
 * the reader's space — who took which export is their government's to watch — marked as the paper.
 */
export function auditPaperExport(
  deps: ReadAudit,
  at: Date,
  reader: Reader,
  paper: PaperRow,
  format: "word" | "json",
): Promise<void> {
  return recordExport(deps, at, reader, {
    action: "paper.export",
    targetKind: "paper",
    targetId: paperTarget(paper),
    space: readerSpace(reader),
    marking: levelAt(REGIME_LADDER, paper.banner).code,
    format,
    details: { version: paper.version },
  });
}
