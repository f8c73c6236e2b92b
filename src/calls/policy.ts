/**
 * Who may do what with calls for papers. The API and the pages ask these rules; `policy.test.ts`
 * checks them for every demo reader.
 */
import { atPointOfContact, isPartner, rule } from "../core/access/rules.js";

/** Running a call — opening it, deciding on what is volunteered, issuing its agenda: a chair, or the Point of Contact. */
export const mayRunCall = rule(
  (r) => isPartner(r) && (r.roles.includes("chair") || atPointOfContact(r)),
  "Calls for papers are run by the chair of an experts meeting or the Point of Contact.",
);

export const mayOpenCall = rule(
  mayRunCall.allows,
  "Calls for papers are opened by the chair of an experts meeting or the Point of Contact.",
);

export const mayDecide = rule(mayRunCall.allows, "The chair decides which contributions go on the agenda.");

export const mayIssueAgenda = rule(mayRunCall.allows, "The chair issues the draft agenda.");

/** Volunteering a paper or presentation: a Partner's delegates and desk officers. */
export const mayVolunteer = rule(
  (r) => isPartner(r) && (r.roles.includes("delegate") || r.roles.includes("desk_officer")),
  "A Partner's delegates and desk officers volunteer papers.",
);

/**
 * Seeing every contribution to a call: whoever runs calls. Others see their own government's
 * and those accepted onto the agenda.
 */
export const seesEveryContribution = mayRunCall;
