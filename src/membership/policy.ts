/**
 * Who may do what with candidacies. The regime's record — a candidacy and its history — is for the
 * Partners' people; the Point of Contact and the chairs record it. A Partner's own view is its
 * government's alone. A candidate government's users see none of it.
 */
import type { Reader } from "../core/access/reader.js";
import { atPointOfContact, isPartner, rule } from "../core/access/rules.js";

const has = (r: Reader, ...roles: string[]) => r.roles.some((x) => roles.includes(x));

export const readCandidacies = rule(isPartner, "Candidacies are for the Partners' people.");

export const recordCandidacy = rule(
  (r) => atPointOfContact(r) || (isPartner(r) && has(r, "chair")),
  "Only the Point of Contact or a chair records a candidacy and its history.",
);

/** A Partner's own view: its delegates, desk officers and approvers keep it. */
export const keepView = rule(
  (r) => isPartner(r) && has(r, "delegate", "desk_officer", "approver"),
  "Only a Partner's delegates, desk officers and approvers keep their government's view of a candidacy.",
);
