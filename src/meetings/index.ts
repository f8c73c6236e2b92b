/**
 * What other capabilities may use of meetings: reads that apply the reader's access, the one
 * path by which anything is submitted against a deadline, and the types and tables they name.
 * Nothing else in this folder is theirs to import.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import type { Queryable } from "../core/db/index.js";
import type { DocumentKind } from "./profile.js";
import { visibleDeadlines, visibleMeetings } from "./repo.js";
import { deadlineWaivers } from "./schema.js";

export { type Submission, submitAgainstDeadline } from "./commands/submit-against-deadline.js";
export type { SubmissionTitles } from "./ports.js";
export type { DocumentKind, MeetingKind } from "./profile.js";
export { DOCUMENT_KINDS, DOCUMENT_LABELS, kindLabel, MEETING_KINDS, PROFILE } from "./profile.js";
export type { Deadline, MeetingRow } from "./repo.js";
export { visibleMeeting, visibleMeetings } from "./repo.js";
export { type Lateness, lateText, latenessOf } from "./rules.js";
/** For foreign keys only: read meetings through the functions above. */
export { deadlineSubmissions, meetings } from "./schema.js";

/** The titles of the meetings the reader may see, by id (others are absent). */
export async function meetingTitles(
  db: Queryable,
  reader: Reader,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await visibleMeetings(db, reader, { ids: [...new Set(ids)] });
  return new Map(rows.map((m) => [m.id, m.title]));
}

/** A deadline a submission answers, for one government: when it is due, and whether it is waived. */
export interface DeadlineFor {
  ruleId: number;
  meetingId: number;
  dueAt: Date;
  waived: boolean;
}

/**
 * The deadline that a submission of `documentKind` for `meetingId` answers: a rule anchored on
 * that meeting or on the Plenary it is held in conjunction with ("IE papers 4 weeks before the
 * Plenary"), as the reader may see them. A waiver for the government is reported, not hidden.
 */
export async function deadlineFor(
  db: Queryable,
  reader: Reader,
  q: { documentKind: DocumentKind; meetingId: number; governmentCode: string },
): Promise<DeadlineFor | null> {
  const [meeting] = await visibleMeetings(db, reader, { ids: [q.meetingId] });
  if (!meeting) return null;
  const anchors = [meeting.id, ...(meeting.conjunctionWithId ? [meeting.conjunctionWithId] : [])];
  const [d] = (await visibleDeadlines(db, reader, { meetingIds: anchors })).filter(
    (x) => x.rule.documentKind === q.documentKind,
  );
  if (!d) return null;
  const [waiver] = await db
    .select({ id: deadlineWaivers.id })
    .from(deadlineWaivers)
    .where(
      and(
        eq(deadlineWaivers.ruleId, d.rule.id),
        eq(deadlineWaivers.meetingId, d.meeting.id),
        inArray(deadlineWaivers.governmentCode, [q.governmentCode]),
      ),
    );
  return { ruleId: d.rule.id, meetingId: d.meeting.id, dueAt: d.dueAt, waived: waiver !== undefined };
}
