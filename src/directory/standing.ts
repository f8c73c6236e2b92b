import type { GovernmentStatus } from "../core/access/reader.js";

/**
 * A government's standing on a day (YYYY-MM-DD): a Partner from its admission (the exact day where
 * known, else 1 January of its year); before that, what it was — a non-Partner. Pure.
 */
export function standingOn(
  gov: { status: GovernmentStatus; admittedYear: number | null; admittedOn: string | null },
  day: string,
): GovernmentStatus {
  if (gov.status !== "partner") return gov.status;
  const from = gov.admittedOn ?? (gov.admittedYear ? `${gov.admittedYear}-01-01` : null);
  return from === null || from <= day ? "partner" : "non_partner";
}
