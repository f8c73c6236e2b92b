import { and, eq } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import type { Queryable } from "../core/db/index.js";
import { one } from "../core/errors.js";
import type { DocumentKind, MeetingKind } from "../meetings/profile.js";
import { visibleDeadlines, visibleMeeting } from "../meetings/repo.js";
import { deadlineSubmissions, deadlineWaivers } from "../meetings/schema.js";
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

export interface PaperDeadline {
  ruleId: number;
  meetingId: number;
  dueAt: Date;
  waived: boolean;
}

/**
 * The deadline a paper for `meetingId` answers: a rule of the matching document kind anchored on
 * that meeting or on the Plenary it is held in conjunction with ("IE papers 4 weeks before the
 * Plenary"). A waiver for the paper's government is reported, not hidden.
 */
export async function paperDeadline(
  tx: Queryable,
  reader: Reader,
  paper: { kind: PaperKind; meetingId: number; governmentCode: string },
): Promise<PaperDeadline | null> {
  const meeting = await visibleMeeting(tx, reader, paper.meetingId);
  if (!meeting) return null;
  const documentKind = documentKindFor(paper.kind, meeting.kind);
  if (!documentKind) return null;
  const anchors = [meeting.id, ...(meeting.conjunctionWithId ? [meeting.conjunctionWithId] : [])];
  const deadlines = (await visibleDeadlines(tx, reader, { meetingIds: anchors })).filter(
    (d) => d.rule.documentKind === documentKind,
  );
  const d = deadlines[0];
  if (!d) return null;
  const [waiver] = await tx
    .select({ id: deadlineWaivers.id })
    .from(deadlineWaivers)
    .where(
      and(
        eq(deadlineWaivers.ruleId, d.rule.id),
        eq(deadlineWaivers.meetingId, d.meeting.id),
        eq(deadlineWaivers.governmentCode, paper.governmentCode),
      ),
    );
  return { ruleId: d.rule.id, meetingId: d.meeting.id, dueAt: d.dueAt, waived: waiver !== undefined };
}

/**
 * Records the submission against the deadline, so the meeting's page lists it with its lateness.
 * Its title there is the paper's, shown by `paperSubmissionTitles`: the row keeps only the label.
 */
export async function recordSubmission(
  tx: Queryable,
  d: PaperDeadline,
  s: {
    governmentCode: string;
    label: string;
    userId: number;
    at: Date;
    lateSeconds: number;
  },
): Promise<number> {
  const rows = await tx
    .insert(deadlineSubmissions)
    .values({
      ruleId: d.ruleId,
      meetingId: d.meetingId,
      governmentCode: s.governmentCode,
      source: "paper",
      title: s.label,
      submittedBy: s.userId,
      submittedAt: s.at,
      dueAt: d.dueAt,
      lateSeconds: s.lateSeconds,
    })
    .returning({ id: deadlineSubmissions.id });
  return one(rows).id;
}
