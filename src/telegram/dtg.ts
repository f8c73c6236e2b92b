// Date-time groups (`021202Z JUL 08`) and the dates of declassification instructions.

import type { ReadContext } from "./diagnostics.js";
import type { DateTimeGroup } from "./model.js";

export const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** Cablegate spans 1966–2010: two-digit years from 66 are 19xx, the rest 20xx. */
export function fullYear(yy: number): number {
  return yy >= 66 ? 1900 + yy : 2000 + yy;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function parseDtg(text: string, line: number, ctx: ReadContext | null): DateTimeGroup {
  const m = /^(\d{2})(\d{2})(\d{2})Z ([A-Za-z]{3}) (\d{2}|\d{4})$/.exec(text);
  if (!m) {
    ctx?.diag(
      line,
      1,
      "warning",
      "telegram.dtg_invalid",
      `The date-time group "${text}" is not DDHHMMZ MON YY.`,
    );
    return { text, instant: null };
  }
  const [day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const month = MONTHS.indexOf((m[4] as string).toUpperCase()) + 1;
  const yy = m[5] as string;
  const year = yy.length === 4 ? Number(yy) : fullYear(Number(yy));
  const date = month > 0 ? isoDate(year, month, day) : null;
  if (!date || hour > 23 || minute > 59) {
    ctx?.diag(
      line,
      1,
      "warning",
      "telegram.dtg_invalid",
      `The date-time group "${text}" names no real time.`,
    );
    return { text, instant: null };
  }
  return { text, instant: `${date}T${pad(hour)}:${pad(minute)}:00Z` };
}

export function formatDtg(iso: string): string {
  const d = new Date(iso);
  const mon = MONTHS[d.getUTCMonth()] as string;
  return `${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z ${mon} ${pad(d.getUTCFullYear() % 100)}`;
}

/**
 * Read a declassification date as drafters wrote it: `07/08/2033`, `7/8/33`, `2033/07/08`,
 * `2019-02-12`, `8/12/85`. Returns an ISO date or null.
 */
export function parseDeclDate(text: string): string | null {
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const y = (m[3] as string).length === 4 ? Number(m[3]) : 2000 + Number(m[3]);
    // two-digit declassification years are in the future of the telegram: 85 is 1985 only for old orders
    const year = (m[3] as string).length === 2 && Number(m[3]) >= 70 ? 1900 + Number(m[3]) : y;
    return isoDate(year, Number(m[1]), Number(m[2]));
  }
  return null;
}
