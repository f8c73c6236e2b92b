/**
 * Who may do what with the Annex. The control list is the Partners' shared record: every
 * Partner's people read it; the Point of Contact records its versions and the amendment sets the
 * Plenary agrees, and applies them. A candidate government sees nothing.
 */
import { atPointOfContact, isPartner, rule } from "../core/access/rules.js";

export const readAnnex = rule(isPartner, "The Annex is for the Partners' people.");

/** Recording a version, an amendment set, and applying a set to a version. */
export const manageAnnex = rule(
  atPointOfContact,
  "Only the Point of Contact records versions of the Annex and the amendment sets the Plenary agrees.",
);
