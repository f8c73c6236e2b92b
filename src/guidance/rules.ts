/**
 * The rules of guidance as plain functions: portions and their markings on the government's
 * ladder, the banner, the declassification rule and what an approval refuses. No I/O.
 */
import { allowedMarkings, type Ladder, levelAt, rankOf } from "../core/access/markings.js";
import type { ClassificationLevel } from "../telegram/index.js";
import { ORDERS } from "../telegram/index.js";
import type { GuidanceContent, Portion } from "./content.js";

export type LadderLike = Ladder;

export interface FieldProblem {
  field: string;
  message: string;
}

/** Every portion with the field that holds it ("items.2.blocks.0.points.1") and words for it. */
export function portionsOf(c: GuidanceContent): { field: string; what: string; portion: Portion }[] {
  const out: { field: string; what: string; portion: Portion }[] = [
    { field: "subject", what: "the subject", portion: c.subject },
    { field: "actionRequest", what: "paragraph 1", portion: c.actionRequest },
    { field: "purpose", what: "paragraph 2", portion: c.purpose },
  ];
  if (c.openingNote) out.push({ field: "openingNote", what: "the opening note", portion: c.openingNote });
  c.items.forEach((item, i) => {
    const n = `item ${i + 1}`;
    out.push({ field: `items.${i}.heading`, what: `the heading of ${n}`, portion: item.heading });
    if (item.background)
      out.push({ field: `items.${i}.background`, what: `the background of ${n}`, portion: item.background });
    item.blocks.forEach((b, j) => {
      b.points.forEach((p, k) => {
        out.push({
          field: `items.${i}.blocks.${j}.points.${k}`,
          what: `point ${k + 1} of block ${j + 1} of ${n}`,
          portion: p,
        });
      });
    });
    item.notes.forEach((p, k) => {
      out.push({ field: `items.${i}.notes.${k}`, what: `note ${k + 1} of ${n}`, portion: p });
    });
  });
  out.push({ field: "closing", what: "the last paragraph", portion: c.closing });
  return out;
}

/** The rank of a portion's marking, or null when unmarked or not on the ladder. */
export const rankOfPortion = (ladder: Ladder, p: Portion): number | null =>
  p.marking.trim() ? rankOf(ladder, p.marking) : null;

/** The code of the highest marking among the portions (the bottom of the ladder when none is marked). */
export function highestCode(ladder: Ladder, portions: readonly Portion[]): string {
  let top = 0;
  for (const p of portions) top = Math.max(top, rankOfPortion(ladder, p) ?? 0);
  return levelAt(ladder, top).code;
}

export function bannerRank(ladder: Ladder, c: GuidanceContent): number {
  let top = 0;
  for (const { portion } of portionsOf(c)) top = Math.max(top, rankOfPortion(ladder, portion) ?? 0);
  return top;
}

const TELEGRAM_LEVELS: readonly ClassificationLevel[] = ["CONFIDENTIAL", "SECRET", "TOP SECRET"];

/**
 * The classification line a set of portions gives: the banner's label when the telegram format
 * knows it (CONFIDENTIAL, SECRET, TOP SECRET), UNCLASSIFIED below (SBU travels unclassified with
 * its caption, see `captionsOf`).
 */
export function classificationOf(ladder: Ladder, portions: readonly Portion[]): ClassificationLevel {
  const code = highestCode(ladder, portions);
  const label = (ladder.levels.find((l) => l.code === code)?.label ?? "").toUpperCase();
  return (TELEGRAM_LEVELS as readonly string[]).includes(label)
    ? (label as ClassificationLevel)
    : "UNCLASSIFIED";
}

/**
 * Marking problems: every portion unmarked or marked off the ladder, and — when a clearance is
 * given — every portion above it. Each names its field and what is allowed.
 */
export function markingProblems(
  ladder: Ladder,
  c: GuidanceContent,
  clearance: number | null,
): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const { field, what, portion } of portionsOf(c)) {
    const m = portion.marking.trim();
    if (!m) {
      out.push({
        field: `${field}.marking`,
        message: `${what} is not marked: give one of ${allowedMarkings(ladder)}`,
      });
      continue;
    }
    const r = rankOf(ladder, m);
    if (r === null) {
      out.push({
        field: `${field}.marking`,
        message: `${m} is not a marking on the ${ladder.name} ladder: give one of ${allowedMarkings(ladder)}`,
      });
    } else if (clearance !== null && r > clearance) {
      out.push({
        field: `${field}.marking`,
        message: `${what} is marked ${levelAt(ladder, r).code}, above the approver's clearance ${levelAt(ladder, clearance).code}`,
      });
    }
  }
  return out;
}

/** The executive order in force on a day: 12958 (as amended) until E.O. 13526 took effect on 27 June 2010. */
export function orderOn(day: string): string {
  return day < "2010-06-27" ? "12958" : "13526";
}

/** A declassification rule: so many years from a day the approver picks (the meeting's, say). */
export interface DeclassificationRule {
  years: number;
  from: string;
}

/** The date the rule gives: `years` after `from`, on the same month and day (28 Feb for 29 Feb). */
export function declassifyOn(rule: DeclassificationRule): string {
  const y = Number(rule.from.slice(0, 4)) + rule.years;
  const md = rule.from.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, "0")}-${md === "02-29" && !leap ? "02-28" : md}`;
}

/**
 * A declassification date against the order: not before the approval, and not past the end of
 * the year the order's limit gives counted from the approval (the telegram checker's rule).
 */
export function declassificationProblem(
  order: string,
  approvedOn: string,
  date: string,
): FieldProblem | null {
  if (date <= approvedOn)
    return {
      field: "declassification",
      message: `${date} is not after the approval on ${approvedOn}: give a later date`,
    };
  const max = ORDERS[order]?.maxYears ?? null;
  if (max === null) return null;
  const last = `${Number(approvedOn.slice(0, 4)) + max}-12-31`;
  if (date > last)
    return {
      field: "declassification",
      message: `${date} is beyond E.O. ${order}'s limit of ${max} years: give a date on or before ${last}`,
    };
  return null;
}

const REASONS = /^\s*(1\.[45])\s*((?:\(?[A-Ha-h]\)?\s*,?\s*)+)\.?\s*$/;

/** "1.4 (B), (D)" → section and letters; null when it is not a reason the orders give. */
export function parseReasons(text: string): { section: string; letters: string[] } | null {
  const m = REASONS.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const letters = [...m[2].toUpperCase().matchAll(/[A-H]/g)].map((x) => x[0]);
  return letters.length ? { section: m[1], letters } : null;
}
