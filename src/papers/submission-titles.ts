import { and, eq, inArray } from "drizzle-orm";
import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import { withheldText } from "../core/access/redaction.js";
import type { SubmissionTitles } from "../meetings/index.js";
import { paperLabel } from "./rules.js";
import { paperPortions, papers } from "./schema.js";
import { visiblePapers } from "./visibility.js";

/**
 * The titles of the deadline submissions papers made, for meetings' deadlines: only papers the
 * reader may see, under their current title, withheld above the reader's clearance.
 */
export const paperSubmissionTitles: SubmissionTitles = async (db, reader, ids) => {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      submission: papers.deadlineSubmissionId,
      number: papers.number,
      titleRank: papers.titleRank,
      title: paperPortions.body,
    })
    .from(papers)
    .leftJoin(paperPortions, and(eq(paperPortions.paperId, papers.id), eq(paperPortions.part, "title")))
    .where(and(inArray(papers.deadlineSubmissionId, [...ids]), visiblePapers(reader)));
  const out = new Map<number, string>();
  for (const r of rows) {
    if (r.submission === null) continue;
    const title =
      r.titleRank > reader.regimeClearance
        ? withheldText(levelAt(REGIME_LADDER, r.titleRank).code)
        : (r.title ?? "");
    out.set(r.submission, `${paperLabel(r.number)}: ${title}`);
  }
  return out;
};
