/** The rules of outreach: pure functions, no I/O. */
import type { FieldProblem } from "../core/errors.js";

/** Stands on every outreach record, page and export; not an input, never stored, never removed. */
export const CAVEAT = "A visit does not imply acceptance of the host as a Partner.";

/** The three aims of an outreach visit, in the seed's words; each visit chooses and words its own. */
export const AIMS = ["inform", "encourage", "learn"] as const;
export type Aim = (typeof AIMS)[number];

export const AIM_LABELS: Record<Aim, string> = {
  inform: "Inform the host about the regime",
  encourage: "Encourage controls consistent with the Guidelines and Annex",
  learn: "Learn about its missile-related export controls",
};

export const AIM_WORDING: Record<Aim, string> = {
  inform:
    "To inform the host government about the MTCR, its Guidelines and its Equipment, Software and Technology Annex.",
  encourage:
    "To encourage the host government to adopt export controls consistent with the MTCR Guidelines and Annex.",
  learn: "To learn about the host government's missile-related export controls and their enforcement.",
};

export const FORMATS = ["chair", "troika"] as const;
export type VisitFormat = (typeof FORMATS)[number];
export const FORMAT_LABELS: Record<VisitFormat, string> = {
  chair: "The Chair",
  troika: "A troika (the Chair with the past and the incoming Chairs)",
};

/** The year a visit counts in: the year of its first day, the Plenary year it is reported to. */
export const yearOf = (firstDay: string): number => Number(firstDay.slice(0, 4));

/** Whether a visit has been held by a day (YYYY-MM-DD): its last day is on or before it. */
export const heldBy = (lastDay: string, today: string): boolean => lastDay <= today;

/**
 * What is wrong with a visit's dates and host, every problem at once: a last day before the first,
 * a host that is a Partner on the visit's first day (a visit is to a non-Partner).
 */
export function visitProblems(v: {
  firstDay: string;
  lastDay: string;
  host: { name: string; standingOnFirstDay: string } | null;
  hostCode: string;
}): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!v.host) out.push({ field: "governmentCode", message: `no government has the code ${v.hostCode}` });
  else if (v.host.standingOnFirstDay === "partner")
    out.push({
      field: "governmentCode",
      message: `${v.host.name} is a Partner on ${v.firstDay}: outreach visits are to non-Partners`,
    });
  if (v.lastDay < v.firstDay)
    out.push({
      field: "lastDay",
      message: `the last day (${v.lastDay}) is before the first day (${v.firstDay})`,
    });
  return out;
}

/** "10–11 December 2007", "30 June – 2 July 2008", "29 December 2007 – 3 January 2008". */
export function daysText(firstDay: string, lastDay: string): string {
  const fmt = (d: string, opts: Intl.DateTimeFormatOptions) =>
    new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { timeZone: "UTC", ...opts });
  const full = { day: "numeric", month: "long", year: "numeric" } as const;
  if (firstDay === lastDay) return fmt(firstDay, full);
  if (firstDay.slice(0, 7) === lastDay.slice(0, 7))
    return `${fmt(firstDay, { day: "numeric" })}–${fmt(lastDay, full)}`;
  if (firstDay.slice(0, 4) === lastDay.slice(0, 4))
    return `${fmt(firstDay, { day: "numeric", month: "long" })} – ${fmt(lastDay, full)}`;
  return `${fmt(firstDay, full)} – ${fmt(lastDay, full)}`;
}
