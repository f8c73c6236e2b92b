/**
 * Who may do what with papers. The API, the pages and the command line all ask these rules;
 * `policy.test.ts` checks them for every demo reader.
 */
import type { Role } from "../core/access/reader.js";
import { atPointOfContact, isPartner, rule } from "../core/access/rules.js";

const WRITERS: readonly Role[] = ["delegate", "desk_officer", "chair", "secretariat"];

/** A paper as the rules need it: whose it is. */
export interface Owned {
  governmentCode: string;
}

/** Writing papers: a Partner's delegates and desk officers, the Chair, the Point of Contact. */
export const mayWrite = rule(
  (r) => isPartner(r) && r.roles.some((x) => WRITERS.includes(x)),
  "Papers are submitted by a Partner's delegates and desk officers, the Chair and the Point of Contact.",
);

/** Changing a paper (a new version, its meeting, submitting a draft): its own government's writers. */
export const mayChange = rule(
  (r, paper: Owned) => mayWrite.allows(r) && paper.governmentCode === r.government.code,
  "Only the government that submitted a paper changes it; the Point of Contact may withdraw it.",
);

/** Withdrawing a paper: whoever may change it, and the Point of Contact. */
export const mayWithdraw = rule(
  (r, paper: Owned) => mayChange.allows(r, paper) || atPointOfContact(r),
  "Only the government that submitted a paper changes it; the Point of Contact may withdraw it.",
);

/** Circulating a paper to every Partner: the Point of Contact alone. */
export const mayCirculate = rule(atPointOfContact, "Only the Point of Contact circulates papers.");

/** Attaching a file (a new version): the paper's own government's writers. */
export const mayAttach = rule(
  (r, paper: Owned) => mayChange.allows(r, paper),
  "Only the government that submitted a paper attaches files to it.",
);
