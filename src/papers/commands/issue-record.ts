import { bannerRank } from "../../core/access/markings.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { one } from "../../core/errors.js";
import { pointOfContactCode } from "../../directory/index.js";
import type { PaperRow } from "../queries.js";
import { dedupeKey } from "../rules.js";
import { papers, paperVersions } from "../schema.js";
import { markingCode, nextNumber, portionsOf, writePortions } from "./portions.js";

export interface RecordInput {
  title: { text: string; marking: string };
  summary: { text: string; marking: string };
  sections: { heading: string | null; text: string; marking: string }[];
  meetingId: number | null;
  agendaItem: string | null;
  /** A record of decision unless told otherwise (an outreach report is a report). */
  kind?: "record_of_decision" | "report";
}

/**
 * Issues a record the regime has made (a record of decision, say): a paper of the Point of
 * Contact's government under the register's next number, circulated at once. Whoever closed the
 * decision — the Point of Contact, a chair, or the system at a silence deadline — has been
 * authorized by the caller; the paper is the regime's, not theirs.
 */
export async function issueRecordPaper(tx: Tx, who: Acting, input: RecordInput): Promise<PaperRow> {
  const government = await pointOfContactCode(tx);
  const portions = portionsOf(input);
  const number = await nextNumber(tx);
  const by = who.kind === "reader" ? who.reader.userId : null;
  const kind = input.kind ?? "record_of_decision";
  const paper = one(
    await tx
      .insert(papers)
      .values({
        number,
        kind,
        governmentCode: government,
        countryOfOrigin: null,
        meetingId: input.meetingId,
        agendaItem: input.agendaItem,
        status: "circulated",
        banner: bannerRank(portions.map((p) => p.rank)),
        titleRank: portions[0].rank,
        dedupeKey: `${dedupeKey({ government, kind, meetingId: input.meetingId, title: input.title.text })}#${number}`,
        version: 1,
        createdBy: by,
        createdAt: who.now,
        submittedAt: who.now,
        circulatedAt: who.now,
        circulatedBy: by,
        statusChangedBy: by,
        statusChangedAt: who.now,
      })
      .returning(),
  );
  await writePortions(tx, paper.id, portions);
  await tx.insert(paperVersions).values({
    paperId: paper.id,
    version: 1,
    note: null,
    portions: JSON.stringify(portions),
    createdBy: by,
    createdAt: who.now,
  });
  await appendAudit(tx, who.now, who.actor, {
    action: "paper.issue_record",
    targetKind: "paper",
    targetId: number,
    space: "regime",
    marking: markingCode(paper.banner),
    details: { kind },
  });
  return paper;
}
