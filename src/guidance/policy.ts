/**
 * Who may do what with guidance. It is for Partners' governments: its meetings are the regime's. Guidance belongs to one government and is that government's
 * alone: its desk officers draft it and ask other offices to clear it, its approvers approve and
 * release it, its delegates read what was released and report back. Nobody of another government —
 * the Point of Contact and the Chair included — sees any of it.
 */
import type { Reader } from "../core/access/reader.js";
import { isPartner, rule } from "../core/access/rules.js";

const has = (r: Reader, ...roles: string[]) => r.roles.some((x) => roles.includes(x));

/** The capital's side: desk officers and approvers see every guidance of their government. */
export const atCapital = (r: Reader): boolean => isPartner(r) && has(r, "desk_officer", "approver");

/** The post's side: a delegate reads released guidance of their government. */
export const atPost = (r: Reader): boolean => isPartner(r) && has(r, "delegate");

export const readGuidance = rule(
  (r) => atCapital(r) || atPost(r),
  "Guidance is for a government's desk officers, approvers and delegates.",
);

export const draftGuidance = rule(
  atCapital,
  "Only your government's desk officers and approvers draft guidance.",
);

export const approveGuidance = rule(
  (r) => has(r, "approver"),
  "Only your government's approvers approve guidance.",
);

export const releaseGuidance = rule(
  (r) => has(r, "approver"),
  "Only your government's approvers release guidance.",
);

export const fileReport = rule(atPost, "Only your government's delegates report on a meeting.");

/** The office's queue of reports and requests for guidance. */
export const readQueue = rule(atCapital, "The office's queue is for its desk officers and approvers.");
