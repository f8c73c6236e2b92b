/**
 * What other capabilities may use of meetings: reads that apply the reader's access, the one
 * path by which anything is submitted against a deadline, and the types and tables they name.
 * Nothing else in this folder is theirs to import.
 */
export { decideDateChange } from "./commands/decide-date-change.js";
export { type Submission, submitAgainstDeadline } from "./commands/submit-against-deadline.js";
export type { AgendaItemView } from "./contract.js";
export type { SubmissionTitles } from "./ports.js";
export { presentAgendaItem } from "./present.js";
export type { DocumentKind, MeetingKind } from "./profile.js";
export { DOCUMENT_KINDS, DOCUMENT_LABELS, kindLabel, MEETING_KINDS, PROFILE } from "./profile.js";
export {
  type AgendaItemRow,
  agendaItemsFor,
  type Deadline,
  type DeadlineFor,
  deadlineFor,
  type MeetingRow,
  meetingFor,
  meetingTitles,
  visibleAgendaItems,
  visibleAgendaItemsById,
  visibleMeeting,
  visibleMeetings,
} from "./queries.js";
export { type Lateness, latenessOf, lateText } from "./rules.js";
/** For foreign keys only: read meetings through the functions above. */
export { agendaItems, deadlineSubmissions, meetingDateChanges, meetings } from "./schema.js";
export { governmentTimeZone, instantAt, instantText, localDay, startOfDay } from "./zones.js";
