/**
 * Who may do what with the directory's people. The API, the pages and the command line all ask
 * these rules; `policy.test.ts` checks them for every demo reader.
 */
import { hasRole, type Reader } from "../core/access/reader.js";
import { rule } from "../core/access/rules.js";

const administrator = (r: Reader) => hasRole(r, "admin");

/** What administering users is asked for: adding one, changing one, or the pages that do both. */
export type UserAdministration = "add" | "change" | "manage";

/** Adding and changing users, and the pages for it: a government's administrators. */
export const administerUsers = rule<[what?: UserAdministration]>(
  (r) => administrator(r),
  (what = "manage") => `Only administrators ${what} users.`,
);

/**
 * Every account, whatever its government's standing (a candidate's, say): administrators. Others
 * see the people of today's Partners if they are in the regime, and always their own government's.
 */
export const seeEveryAccount = rule((r) => administrator(r), "Only administrators see every account.");

/** A user's clearances, e-mail address and state: administrators and the user's own government. */
export const seeUserDetails = rule<[user: { governmentCode: string }]>(
  (r, user) => administrator(r) || r.government.code === user.governmentCode,
  "A user's clearances are shown to their own government and to administrators.",
);

/**
 * Governments and their marking ladders: the directory's reference data, changed from the command
 * line (the system) only — no reader adds a government or changes a ladder.
 */
export const keepReferenceData = rule(
  () => false,
  "Governments and their marking ladders come from the directory's reference data and the command line.",
);
