/**
 * Who may do what with the directory's people. The API, the pages and the command line all ask
 * these rules; `policy.test.ts` checks them for every demo reader.
 */
import { hasRole, type Reader } from "../core/access/reader.js";
import { rule } from "../core/access/rules.js";

const administrator = (r: Reader) => hasRole(r, "admin");

/** The operator: the one role that administers the users of every government. Nobody in the demo holds it. */
export const isOperator = (r: Reader): boolean => hasRole(r, "operator");

/** What administering users is asked for: adding one, changing one, or the pages that do both. */
export type UserAdministration = "add" | "change" | "manage";

/** Adding and changing users, and the pages for it: a government's administrators, and operators. */
export const administerUsers = rule<[what?: UserAdministration]>(
  (r) => administrator(r) || isOperator(r),
  (what = "manage") => `Only administrators ${what} users.`,
);

/**
 * The users of one government: its own administrators; any government's, an operator (whose every
 * use of it across governments is audited in that government's space).
 */
export const administerUsersOf = rule<[governmentCode: string]>(
  (r, code) => isOperator(r) || (administrator(r) && r.government.code === code.toUpperCase()),
  (code) =>
    `An administrator administers their own government's users only: ${code.toUpperCase()}'s are for its administrators or an operator.`,
);

/** Making someone an operator, or changing an operator's account: operators only. */
export const administerOperators = rule(
  (r) => isOperator(r),
  "Only an operator makes an operator or changes an operator's account.",
);

/**
 * Every account, whatever its government's standing (a candidate's, say): administrators. Others
 * see the people of today's Partners if they are in the regime, and always their own government's.
 */
export const seeEveryAccount = rule(
  (r) => administrator(r) || isOperator(r),
  "Only administrators see every account.",
);

/** A user's clearances, e-mail address and state: administrators and the user's own government. */
export const seeUserDetails = rule<[user: { governmentCode: string }]>(
  (r, user) => administrator(r) || isOperator(r) || r.government.code === user.governmentCode,
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
