// Eras of telegram practice, as data. The cut-overs are choices, documented here:
// - Before 1 January 2012 (ACP-127 and early SMART) the precedences were FLASH, IMMEDIATE,
//   PRIORITY and ROUTINE, with NIACT IMMEDIATE for night action (5 FAH-2 H-200 of that time).
// - From 1 January 2012 the handbook lists ROUTINE, IMMEDIATE, NIACT IMMEDIATE and FLASH only;
//   PRIORITY is gone. The Department's SMART rollout finished around then; the exact day is ours.

import type { PrecedenceName } from "./model.js";

export type EraName = "acp127" | "smart";

export interface Era {
  name: EraName;
  /** First day of the era (ISO date), null for the beginning of time. */
  from: string | null;
  precedences: readonly PrecedenceName[];
}

export const ERAS: readonly Era[] = [
  {
    name: "acp127",
    from: null,
    precedences: ["FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE", "NIACT IMMEDIATE"],
  },
  { name: "smart", from: "2012-01-01", precedences: ["FLASH", "IMMEDIATE", "ROUTINE", "NIACT IMMEDIATE"] },
];

export function eraOf(instant: string | null): Era {
  let era = ERAS[0] as Era;
  if (!instant) return era;
  for (const e of ERAS) if (e.from === null || instant >= e.from) era = e;
  return era;
}

export function eraNamed(name: EraName): Era {
  return ERAS.find((e) => e.name === name) ?? (ERAS[0] as Era);
}

// Executive orders: exemption codes they allow, the longest declassification period in years
// (null where the order sets none), and the classification section their reasons cite.
export interface OrderRule {
  exemptions: RegExp;
  maxYears: number | null;
}

export const ORDERS: Readonly<Record<string, OrderRule>> = {
  "11652": { exemptions: /^$/, maxYears: 30 },
  "12065": { exemptions: /^$/, maxYears: 20 },
  "12356": { exemptions: /^$/, maxYears: null },
  "12958": { exemptions: /^(?:X[1-8]|25X[1-9])$/, maxYears: 25 },
  "13526": { exemptions: /^(?:25X[1-9]|50X[12]-(?:HUM|WMD)|75X[1-9])$/, maxYears: 25 },
};

/** E.O. 13292 (effective 25 March 2003) renumbered the reasons from section 1.5 to 1.4. */
export const REASONS_RENUMBERED = "2003-03-25";
