/**
 * What other capabilities may use of decisions: the proposal as the one acting may see it (an
 * admission names the adopted proposal that decided it). Nothing else in this folder is theirs.
 */
export { type ProposalRow, proposalFor } from "./queries.js";
