/**
 * Who may do what with meetings and deadlines. The API, the pages and the command line all ask
 * these rules (pages with `allows` to decide what to offer, commands with `authorize`);
 * `policy.test.ts` checks them for every demo reader.
 */
import { hasRole, type Reader } from "../core/access/reader.js";
import { isPartner, rule } from "../core/access/rules.js";
import { type MeetingKind, PROFILE } from "./profile.js";

/** A Partner's secretariat: the Point of Contact, who convenes every kind of meeting. */
const secretariat = (r: Reader) => isPartner(r) && hasRole(r, "secretariat");

/**
 * Scheduling experts meetings (TEM, IE, LEEM, working groups): the Point of Contact and the
 * Chair or an experts-group chair. Whoever this allows is offered the form to schedule a meeting.
 */
export const scheduleExperts = rule(
  (r) => secretariat(r) || (isPartner(r) && hasRole(r, "chair")),
  "Only the Point of Contact and the chairs schedule experts meetings.",
);

/**
 * Scheduling a meeting of a kind, changing it and proposing a change of its dates: experts
 * meetings as `scheduleExperts`, every other kind (POC, RPOC, Plenary) the Point of Contact only.
 */
export const schedule = rule(
  (r, kind: MeetingKind) => (PROFILE.kinds[kind].experts ? scheduleExperts.allows(r) : secretariat(r)),
  (kind: MeetingKind) =>
    PROFILE.kinds[kind].experts
      ? "Only the Point of Contact and the chairs schedule experts meetings."
      : `Only the Point of Contact schedules a ${PROFILE.kinds[kind].label}.`,
);

/** Recording the Partners' agreement to a proposed change of dates. */
export const recordAgreement = rule(
  secretariat,
  "Only the Point of Contact records the Partners' agreement.",
);

/** Making deadline rules. */
export const manageRules = rule(secretariat, "Only the Point of Contact makes deadline rules.");

/** Waiving a deadline for a Partner. */
export const waive = rule(secretariat, "Only the Point of Contact waives a deadline.");

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
