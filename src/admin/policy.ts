/**
 * Who may read the records that watch over the system: the audit log and the outbox. Who may
 * administer users is the directory's rule (`administerUsers`), asked by these pages too.
 * `policy.test.ts` checks them for every demo reader.
 */
import { hasRole } from "../core/access/reader.js";
import { isPartner, rule } from "../core/access/rules.js";

/**
 * Browsing the audit log (the entries of the reader's spaces; the system's for operators; details
 * withheld above the reader's clearance): administrators.
 */
export const browseAudit = rule((r) => hasRole(r, "admin"), "Only administrators browse the audit log.");

/** Walking the audit log's hash chain: administrators. */
export const verifyAudit = rule((r) => hasRole(r, "admin"), "Only administrators verify the audit log.");

/** The outbox holds regime mail (circulations, deadline reminders): a Partner's administrators only. */
export const readOutbox = rule(
  (r) => isPartner(r) && hasRole(r, "admin"),
  "Only a Partner's administrators read the outbox.",
);
