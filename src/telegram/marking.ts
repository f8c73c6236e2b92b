import type { ClassificationLevel, ClassificationLine, Marking, MarkingLevel } from "./model.js";

/** The US portion-marking ladder, lowest first. */
export const MARKING_LADDER: readonly MarkingLevel[] = ["U", "SBU", "C", "S", "TS"];

const RANKS: Record<MarkingLevel, number> = { U: 0, SBU: 1, C: 2, S: 3, TS: 4 };

export function rank(level: MarkingLevel): number {
  return RANKS[level];
}

export function isMarkingLevel(text: string): text is MarkingLevel {
  return text === "U" || text === "SBU" || text === "C" || text === "S" || text === "TS";
}

// The first component of a portion marking names the level; the rest are dissemination controls.
const LEVEL_WORDS: Record<string, MarkingLevel> = {
  U: "U",
  UNCLAS: "U",
  UNCLASSIFIED: "U",
  SBU: "SBU",
  FOUO: "SBU",
  LOU: "SBU",
  "U//FOUO": "SBU",
  "U//SBU": "SBU",
  C: "C",
  CONFIDENTIAL: "C",
  S: "S",
  SECRET: "S",
  TS: "TS",
  "TOP SECRET": "TS",
};

const CONTROL_WORDS = new Set([
  "NF",
  "NOFORN",
  "REL",
  "ENTIRE",
  "TEXT",
  "SIPDIS",
  "ORCON",
  "PROPIN",
  "EXDIS",
  "NODIS",
  "LIMDIS",
  "FGI",
  "FOUO",
  "SBU",
  "RELIDO",
  "DISPLAY",
  "ONLY",
  "TO",
  "AND",
]);

/**
 * Parse the inside of `( … )` as a portion marking. Returns null for text that is not a
 * marking (`(AND PREVIOUS)`, `(RPOC)`), so ordinary parentheses stay in the text.
 */
export function parseMarking(inner: string, position: Marking["position"]): Marking | null {
  const text = inner.trim();
  if (text.length === 0 || text.length > 40) return null;
  const upper = text.toUpperCase();
  const whole = LEVEL_WORDS[upper];
  if (whole) return { text, level: whole, position };
  let cut = upper.length;
  for (let i = 0; i < upper.length; i++) {
    const ch = upper.charCodeAt(i);
    // "/", " ", "-" separate the level from its controls
    if (ch === 47 || ch === 32 || ch === 45) {
      cut = i;
      break;
    }
  }
  const head = upper.slice(0, cut);
  const level = LEVEL_WORDS[head];
  if (!level) return null;
  const rest = upper.slice(cut).split(/[\s/,-]+/);
  // after REL come country and regime names (`REL SAU`, `REL MTCR`, `Rel China`)
  if (rest.includes("REL")) return { text, level, position };
  for (const word of rest) {
    if (word.length === 0 || CONTROL_WORDS.has(word)) continue;
    return null;
  }
  return { text, level, position };
}

export function marking(text: string, position: Marking["position"] = "lead"): Marking {
  return parseMarking(text, position) ?? { text, level: null, position };
}

/** The portion level a classification line allows at most. */
export function classificationRank(line: ClassificationLine, captions: readonly string[]): number {
  return rank(levelOfClassification(line.level, captions));
}

export function levelOfClassification(
  level: ClassificationLevel,
  captions: readonly string[] = [],
): MarkingLevel {
  switch (level) {
    case "TOP SECRET":
      return "TS";
    case "SECRET":
      return "S";
    case "CONFIDENTIAL":
      return "C";
    case "LIMITED OFFICIAL USE":
      return "SBU";
    case "UNCLASSIFIED":
      return captions.some((c) => /SENSITIVE|SBU|FOUO|FOR OFFICIAL USE/i.test(c)) ? "SBU" : "U";
  }
}
