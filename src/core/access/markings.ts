/**
 * Marking ladders and their arithmetic. A ladder is an ordered list of markings for one space
 * (the regime's, or one government's). Pure: no I/O.
 */
export interface MarkingLevel {
  /** Short form used in portion marks, e.g. "C" or "RR". */
  code: string;
  /** Banner form, e.g. "CONFIDENTIAL" or "REGIME RESTRICTED". */
  label: string;
}

export interface Ladder {
  id: string;
  name: string;
  levels: readonly MarkingLevel[];
}

export const REGIME_LADDER: Ladder = {
  id: "regime",
  name: "Regime",
  levels: [
    { code: "PUBLIC", label: "PUBLIC" },
    { code: "RR", label: "REGIME RESTRICTED" },
    { code: "RC", label: "REGIME CONFIDENTIAL" },
  ],
};

export const US_LADDER: Ladder = {
  id: "us",
  name: "United States",
  levels: [
    { code: "U", label: "UNCLASSIFIED" },
    { code: "SBU", label: "SENSITIVE BUT UNCLASSIFIED" },
    { code: "C", label: "CONFIDENTIAL" },
    { code: "S", label: "SECRET" },
    { code: "TS", label: "TOP SECRET" },
  ],
};

/** The ladders the reference scenario installs; governments not listed use GENERIC_LADDER. */
export const NATIONAL_LADDERS: readonly Ladder[] = [
  US_LADDER,
  {
    id: "fr",
    name: "France",
    levels: [
      { code: "NP", label: "NON PROTÉGÉ" },
      { code: "DR", label: "DIFFUSION RESTREINTE" },
      { code: "S", label: "SECRET" },
      { code: "TS", label: "TRÈS SECRET" },
    ],
  },
  {
    id: "de",
    name: "Germany",
    levels: [
      { code: "OFFEN", label: "OFFEN" },
      { code: "VS-NFD", label: "VS-NUR FÜR DEN DIENSTGEBRAUCH" },
      { code: "VS-V", label: "VS-VERTRAULICH" },
      { code: "GEHEIM", label: "GEHEIM" },
      { code: "STRENG GEHEIM", label: "STRENG GEHEIM" },
    ],
  },
  {
    id: "gb",
    name: "United Kingdom",
    levels: [
      { code: "U", label: "UNCLASSIFIED" },
      { code: "R", label: "RESTRICTED" },
      { code: "C", label: "CONFIDENTIAL" },
      { code: "S", label: "SECRET" },
      { code: "TS", label: "TOP SECRET" },
    ],
  },
];

export const GENERIC_LADDER: Ladder = {
  id: "generic",
  name: "Generic national",
  levels: [
    { code: "U", label: "UNCLASSIFIED" },
    { code: "R", label: "RESTRICTED" },
    { code: "C", label: "CONFIDENTIAL" },
    { code: "S", label: "SECRET" },
    { code: "TS", label: "TOP SECRET" },
  ],
};

/** Rank of a marking by code or label (case-insensitive), or null when the ladder has no such marking. */
export function rankOf(ladder: Ladder, marking: string): number | null {
  const m = marking.trim().toUpperCase();
  const i = ladder.levels.findIndex((l) => l.code.toUpperCase() === m || l.label.toUpperCase() === m);
  return i < 0 ? null : i;
}

export function levelAt(ladder: Ladder, rank: number): MarkingLevel {
  const level = ladder.levels[Math.max(0, Math.min(rank, ladder.levels.length - 1))];
  if (!level) throw new Error(`ladder ${ladder.id} has no levels`);
  return level;
}

/** The allowed markings, for error messages: "PUBLIC, RR, RC". */
export function allowedMarkings(ladder: Ladder): string {
  return ladder.levels.map((l) => l.code).join(", ");
}

/** A record's banner is the highest of its portions; a record with no portions is at the bottom. */
export function bannerRank(portionRanks: readonly number[]): number {
  let max = 0;
  for (const r of portionRanks) if (r > max) max = r;
  return max;
}

/** A declared banner may be higher than its portions, never lower. */
export function bannerIsValid(declaredRank: number, portionRanks: readonly number[]): boolean {
  return declaredRank >= bannerRank(portionRanks);
}

export function mayRead(clearanceRank: number, markingRank: number): boolean {
  return clearanceRank >= markingRank;
}

/** True when the marking is above the bottom of its ladder: reads of such records are audited. */
export function isMarked(rank: number): boolean {
  return rank > 0;
}

export function validateLadder(ladder: Ladder): string[] {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9-]{1,31}$/.test(ladder.id)) problems.push("id: lower-case letters, digits and hyphens");
  if (ladder.levels.length < 2) problems.push("levels: give at least two markings, lowest first");
  const seen = new Set<string>();
  for (const l of ladder.levels) {
    const key = l.code.toUpperCase();
    if (!l.code.trim() || !l.label.trim()) problems.push("levels: every marking needs a code and a label");
    if (seen.has(key)) problems.push(`levels: marking ${l.code} appears twice`);
    seen.add(key);
  }
  return problems;
}

/** The colour family a classification banner is drawn in, as banners on marked records use. */
export type MarkingTone = "unclassified" | "restricted" | "confidential" | "secret" | "top-secret";

/**
 * A marking's banner colour, read from its words in any of the ladders' languages ("TRÈS
 * SECRET", "VS-VERTRAULICH"); a marking with none of those words is coloured by its place on
 * its ladder (the bottom unclassified, the top secret, between them restricted).
 */
export function markingTone(ladder: Ladder, marking: string): MarkingTone {
  const rank = rankOf(ladder, marking);
  const label = (rank === null ? marking : levelAt(ladder, rank).label).toUpperCase();
  if (/\b(TOP|TRÈS|TRES|STRENG)\b.*\b(SECRET|GEHEIM)\b/.test(label)) return "top-secret";
  if (/\b(SECRET|GEHEIM)\b/.test(label)) return "secret";
  if (/\bCONFIDENTIAL\b|VERTRAULICH/.test(label)) return "confidential";
  if (/RESTRICTED|RESTREINTE|DIENSTGEBRAUCH|SENSITIVE/.test(label))
    return rank === 0 ? "unclassified" : "restricted";
  if (/UNCLASSIFIED|PUBLIC|OFFEN|NON PROTÉGÉ/.test(label)) return "unclassified";
  if (rank === null || rank === 0) return "unclassified";
  return rank === ladder.levels.length - 1 ? "secret" : "restricted";
}

/** A marking in words for its banner ("RR" → "REGIME RESTRICTED"); one the ladder does not know, as given. */
export function bannerWords(ladder: Ladder, marking: string): string {
  const rank = rankOf(ladder, marking);
  return rank === null ? marking.toUpperCase() : levelAt(ladder, rank).label;
}
