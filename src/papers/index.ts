/**
 * What other capabilities may use of the register (calls for papers, chiefly): the commands that
 * make a call's paper, circulate it and issue a draft agenda as a paper; reads that apply the
 * paper visibility rule; the paper's answer and its presenter; the types and the table they name.
 * Nothing else in this folder is theirs to import.
 */

export { attachFile, type CheckedFile, checkFile } from "./commands/attach-file.js";
export { circulateOpenedCall, circulatePaper } from "./commands/circulate-paper.js";
export { createPaper } from "./commands/create-paper.js";
export { issueRecordPaper, type RecordInput } from "./commands/issue-record.js";
export { type NewPaperInput, PaperOut, type PaperOutput } from "./contract.js";
export { paperDeadline } from "./deadlines.js";
export { sendAfterCommit } from "./notify.js";
export { presentPaper } from "./present.js";
export {
  meetingPaperTitles,
  type PaperDetail,
  type PaperRow,
  paperFor,
  readPaper,
  visiblePaperNumber,
} from "./queries.js";
export { numberOf, type PaperKind, paperLabel, paperRef, summaryProblem } from "./rules.js";
/** For foreign keys, and for joins that apply `visiblePapers`, only: read papers through the functions above. */
export { papers } from "./schema.js";
export { visiblePapers } from "./visibility.js";
