import type { Reader } from "../core/access/reader.js";
import { circulatedRecordVisible } from "../core/access/sql.js";
import { paperPortions, papers } from "./schema.js";

/** The reader's access to papers as SQL: see `circulatedRecordVisible`. */
export function visiblePapers(reader: Reader) {
  return circulatedRecordVisible(reader, {
    space: papers.space,
    government: papers.governmentCode,
    status: papers.status,
    circulatedAt: papers.circulatedAt,
  });
}

/**
 * The same rule on a portion's copies of its paper's columns, which a trigger keeps equal to the
 * paper's: search filters matching portions with it without reading the register.
 */
export function visiblePaperPortions(reader: Reader) {
  return circulatedRecordVisible(reader, {
    space: paperPortions.paperSpace,
    government: paperPortions.paperGovernment,
    status: paperPortions.paperStatus,
    circulatedAt: paperPortions.paperCirculatedAt,
  });
}
