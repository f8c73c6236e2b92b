/**
 * Who may do what with proposals and decisions. The party is a Partner: a delegate states their
 * own government's position, never another's. The Point of Contact and the chairs put proposals
 * to a decision and record a meeting's outcome. A candidate or non-Partner government sees nothing.
 */
import type { Reader } from "../core/access/reader.js";
import { atPointOfContact, isPartner, rule } from "../core/access/rules.js";

const has = (r: Reader, ...roles: string[]) => r.roles.some((x) => roles.includes(x));

export const readDecisions = rule(isPartner, "Decisions are for the Partners' people.");

/** Making a proposal: a Partner's delegate or desk officer, a chair, or the Point of Contact. */
export const propose = rule(
  (r) => isPartner(r) && has(r, "delegate", "desk_officer", "chair", "secretariat"),
  "Only a Partner's delegates and desk officers, a chair or the Point of Contact make proposals.",
);

/** Circulating, putting to a decision, recording a meeting's outcome, withdrawing: the Point of Contact or a chair. */
export const manageDecisions = rule(
  (r) => atPointOfContact(r) || (isPartner(r) && has(r, "chair")),
  "Only the Point of Contact or a chair puts a proposal to a decision or records its outcome.",
);

/** Withdrawing a proposal: its own government's people, or the Point of Contact or a chair. */
export const withdrawProposal = rule(
  (r, governmentCode: string) =>
    manageDecisions.allows(r) || (propose.allows(r) && r.government.code === governmentCode),
  "Only the government that made a proposal, the Point of Contact or a chair withdraws it.",
);

/** Stating a Partner's position: that Partner's own delegates. */
export const statePosition = rule(
  (r, governmentCode: string) => isPartner(r) && has(r, "delegate") && r.government.code === governmentCode,
  (governmentCode: string) =>
    `A Partner states its own position: only ${governmentCode}'s delegates state ${governmentCode}'s position.`,
);

/** Whether the reader states positions for their own government (the pages offer the form). */
export const statesForOwn = (r: Reader): boolean => statePosition.allows(r, r.government.code);

/** Preparing a draft position in the national space: the government's delegates, desk officers and approvers. */
export const prepareDraft = rule(
  (r) => isPartner(r) && has(r, "delegate", "desk_officer", "approver"),
  "Only a Partner's delegates, desk officers and approvers prepare their government's draft positions.",
);
