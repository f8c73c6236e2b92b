/**
 * Who may do what with meetings and deadlines. The API, the pages and the command line all ask
 * these rules; `policy.test.ts` checks them for every demo reader.
 */
import { isPartner, rule } from "../core/access/rules.js";

/**
 * Submitting against a deadline, the one rule for every path (a paper entering the register, or
 * a submission recorded by title): a Partner's people who write papers — its delegates and desk
 * officers, the Chair, the Point of Contact.
 */
export const submit = rule(
  (r) =>
    isPartner(r) &&
    r.roles.some((x) => x === "delegate" || x === "desk_officer" || x === "chair" || x === "secretariat"),
  "Submissions come from a Partner's delegates and desk officers, the Chair and the Point of Contact.",
);
