/**
 * What other capabilities may use of the Annex: reads that apply the reader's access, and the
 * types and tables they name. Nothing else in this folder is theirs to import.
 */
export { type AmendmentChange, OP_LABELS } from "./amend.js";
export { Day } from "./contract.js";
export { type AmendmentSetRow, amendmentSetFor, changesOf, visibleAmendmentSets } from "./queries.js";
/** For foreign keys only: read amendment sets through the functions above. */
export { amendmentSets } from "./schema.js";
