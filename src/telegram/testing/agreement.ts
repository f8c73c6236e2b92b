// Compare what a telegram says about itself with what its archive says about it. Used by the
// corpus test; kept apart so the rules can be read (and unit-tested) on their own.

import type { ReadResult } from "../diagnostics.js";

export interface Disagreement {
  field: "reference" | "day" | "classification" | "origin";
  archive: string;
  telegram: string;
}

const ORIGIN_WORDS: Record<string, string> = {
  "SECRETARY OF STATE": "SECSTATE",
  "US INTERESTS SECTION": "USINT",
  "MISSION USNATO": "USNATO",
};

/** The day of the month in an archive date: `2008-12-08 17:05` or `Wed May 17 00:00:00 +0200 2000`. */
export function archiveDay(created: string): number | null {
  const iso = /^(\d{4})-(\d\d)-(\d\d)/.exec(created);
  if (iso) return Number(iso[3]);
  const long = /^\w{3} \w{3} (\d\d) /.exec(created);
  if (long) return Number(long[1]);
  const us = /^(\d{1,2})\/(\d{1,2})\/\d{4}/.exec(created);
  if (us) return Number(us[2]);
  return null;
}

export function originMatches(archive: string, from: string): boolean {
  const a = archive.toUpperCase();
  const f = from.toUpperCase();
  for (const [k, v] of Object.entries(ORIGIN_WORDS)) if (a.startsWith(k)) return f.includes(v);
  // `Embassy Tehran` ~ `AMEMBASSY TEHRAN`, `UNVIE` ~ `USMISSION UNVIE VIENNA`, `Iran RPO Dubai` ~ `RPO DUBAI`
  const last = a.split(/\s+/).pop() ?? a;
  return f.replace(/\s+/g, "").includes(last.replace(/\s+/g, ""));
}

export function disagreements(r: ReadResult, fileRefId: string | null): Disagreement[] {
  const out: Disagreement[] = [];
  const a = r.model.archive;
  const m = r.model;
  const refId = a?.refId ?? fileRefId;
  if (refId && m.reference) {
    const id = m.reference.year === null ? refId.replace(/^\d+/, "") : refId;
    if (m.reference.id.toUpperCase() !== id.toUpperCase())
      out.push({ field: "reference", archive: refId, telegram: m.reference.id });
  }
  if (!a) return out;
  const day = a.created ? archiveDay(a.created) : null;
  const instant = m.heading?.dtg?.instant;
  if (day !== null && instant) {
    const got = Number(instant.slice(8, 10));
    if (got !== day) out.push({ field: "day", archive: String(day), telegram: String(got) });
  }
  if (a.classification && m.classification) {
    const level = a.classification.split("//")[0]?.trim().toUpperCase() ?? "";
    if (level !== m.classification.level)
      out.push({ field: "classification", archive: level, telegram: m.classification.level });
  }
  const from = m.heading?.from;
  if (a.origin && from && !originMatches(a.origin, from))
    out.push({ field: "origin", archive: a.origin, telegram: from });
  return out;
}
