import type { Reader } from "../core/access/reader.js";
import type { Queryable } from "../core/db/index.js";
import {
  type DeadlineFor,
  type DocumentKind,
  deadlineFor,
  type MeetingKind,
  visibleMeeting,
} from "../meetings/index.js";
import type { PaperKind } from "./rules.js";

/** Which deadline rule a paper answers, by its kind and the kind of meeting it is for. */
export function documentKindFor(kind: PaperKind, meetingKind: MeetingKind): DocumentKind | null {
  if ((kind === "ie_paper" || kind === "presentation") && meetingKind === "ie") return "ie_paper";
  if (kind === "presentation" && meetingKind === "leem") return "leem_presentation";
  if (kind === "proposal" && meetingKind === "tem") return "tem_proposal";
  if (kind === "proposal" && meetingKind === "plenary") return "plenary_proposal";
  if (kind === "matrix") return "enactment_update";
  return null;
}

/** The deadline a paper for `meetingId` answers, for its government, as the reader may see it. */
export async function paperDeadline(
  db: Queryable,
  reader: Reader,
  paper: { kind: PaperKind; meetingId: number; governmentCode: string },
): Promise<DeadlineFor | null> {
  const meeting = await visibleMeeting(db, reader, paper.meetingId);
  const documentKind = meeting ? documentKindFor(paper.kind, meeting.kind) : null;
  if (!documentKind) return null;
  return deadlineFor(db, reader, {
    documentKind,
    meetingId: paper.meetingId,
    governmentCode: paper.governmentCode,
  });
}
