import type { ReaderActing } from "../../core/acting.js";
import type { Tx } from "../../core/db/index.js";
import { submitAgainstDeadline } from "../../meetings/index.js";
import { paperDeadline } from "../deadlines.js";
import type { PaperRow } from "../queries.js";
import { paperLabel } from "../rules.js";

export interface DeadlineAnswer {
  dueAt: Date | null;
  lateSeconds: number | null;
  deadlineSubmissionId?: number;
}

/**
 * A submission is accepted whenever it comes, and marked late by how much against the deadline
 * it answers (none when waived for its government): it goes through meetings' one submission
 * path, so the meeting's deadline lists it too.
 */
export async function answerDeadline(
  tx: Tx,
  who: ReaderActing,
  paper: Pick<PaperRow, "number" | "kind" | "meetingId" | "governmentCode">,
): Promise<DeadlineAnswer> {
  if (paper.meetingId === null) return { dueAt: null, lateSeconds: null };
  const due = await paperDeadline(tx, who.reader, {
    kind: paper.kind,
    meetingId: paper.meetingId,
    governmentCode: paper.governmentCode,
  });
  if (!due) return { dueAt: null, lateSeconds: null };
  const s = await submitAgainstDeadline(tx, who, {
    meetingId: due.meetingId,
    ruleId: due.ruleId,
    title: paperLabel(paper.number),
    source: "paper",
  });
  return { dueAt: due.dueAt, lateSeconds: s.seconds, deadlineSubmissionId: s.id };
}
