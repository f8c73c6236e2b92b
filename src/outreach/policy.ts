/**
 * Who may do what with outreach. Visits are the regime's record, for the Partners' people; the
 * Chair and the Point of Contact record them and file their reports. A candidate or non-Partner
 * government's users see none.
 */
import { atPointOfContact, isPartner, rule } from "../core/access/rules.js";

export const readOutreach = rule(isPartner, "Outreach is for the Partners' people.");

export const recordOutreach = rule(
  (r) => atPointOfContact(r) || (isPartner(r) && r.roles.includes("chair")),
  "Only the Chair or the Point of Contact records outreach visits and files their reports.",
);
