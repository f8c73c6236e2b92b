/**
 * Who may do what with the enactment matrix. A Partner reports its own government's enactment;
 * what is reported is seen by every Partner; the Point of Contact sees every row, who has not
 * reported, and issues the matrix as POC DOC 39. A candidate government sees nothing.
 */
import type { Reader } from "../core/access/reader.js";
import { atPointOfContact, isPartner, rule } from "../core/access/rules.js";

export const readMatrix = rule(isPartner, "The enactment matrix is for the Partners' people.");

/** The whole matrix: every row, including who has not reported. */
export const seeWholeMatrix = rule(atPointOfContact, "Only the Point of Contact sees who has not reported.");

const reporters = (r: Reader) =>
  r.roles.some((x) => x === "delegate" || x === "desk_officer" || x === "approver" || x === "secretariat");

/** Reporting a government's enactment: that government's own delegates, desk officers and approvers. */
export const reportEnactment = rule(
  (r, governmentCode: string) => isPartner(r) && reporters(r) && r.government.code === governmentCode,
  (governmentCode: string) =>
    `A Partner reports its own enactment: only ${governmentCode}'s delegates and desk officers report for ${governmentCode}.`,
);

/** Whether the reader may report for their own government at all (the pages offer the form). */
export const reportsForOwn = (r: Reader): boolean => reportEnactment.allows(r, r.government.code);

/** Issuing the matrix as a new version of POC DOC 39, and exporting it whole. */
export const issueMatrix = rule(atPointOfContact, "Only the Point of Contact issues the matrix.");
