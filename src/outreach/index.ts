/**
 * What other capabilities may use of outreach: the visits as the one acting may see them, and the
 * standing caveat. Nothing else in this folder is theirs.
 */
export { type VisitRow, visitFor } from "./queries.js";
export { CAVEAT } from "./rules.js";
