// The level of each part of a telegram: one rule, used by the redactor and by the archive (its
// banner, its searchable texts, its list's subjects), so every output withholds the same parts.
//
// A portion with a marking the ladder knows is at that marking. An unmarked portion takes its
// parent's level, and at the top (the subject, a top-level paragraph) the banner's: when in doubt a
// portion counts as high as the telegram. A marking that names no level the ladder knows counts at
// the banner too. The archive's own copy of the subject is at the subject's level.

import { levelOfClassification, rank } from "./marking.js";
import type { BodyNode, Marking, MarkingLevel, Telegram } from "./model.js";

/**
 * The telegram's banner: its classification line, raised to its archive's classification and to
 * its highest portion if one is marked above it (a banner is never lower than a portion). Pure.
 */
export function bannerOf(t: Telegram): MarkingLevel {
  let level: MarkingLevel = t.classification
    ? levelOfClassification(t.classification.level, t.captions)
    : "U";
  const raise = (l: MarkingLevel | null | undefined) => {
    if (l && rank(l) > rank(level)) level = l;
  };
  raise(archiveLevel(t.archive?.classification ?? null));
  raise(t.subject?.marking?.level);
  const walk = (nodes: BodyNode[]) => {
    for (const n of nodes) {
      raise(n.marking?.level);
      if (n.kind === "paragraph" || n.kind === "subparagraph") walk(n.children);
    }
  };
  walk(t.body);
  return level;
}

/** An archive's classification field ("SECRET//NOFORN", "UNCLASSIFIED//FOR OFFICIAL USE ONLY") as a level. */
export function archiveLevel(text: string | null): MarkingLevel | null {
  if (!text) return null;
  const t = text.toUpperCase();
  if (t.startsWith("TOP SECRET")) return "TS";
  if (t.startsWith("SECRET")) return "S";
  if (t.startsWith("CONFIDENTIAL")) return "C";
  if (t.startsWith("LIMITED OFFICIAL USE") || /FOR OFFICIAL USE|FOUO|SBU/.test(t)) return "SBU";
  if (t.startsWith("UNCLASSIFIED")) return "U";
  return null;
}

/** The level of a portion with marking `m` under a parent at `inherited`, in a telegram at `banner`. */
export function portionLevel(m: Marking | null, inherited: MarkingLevel, banner: MarkingLevel): MarkingLevel {
  if (!m) return inherited;
  return m.level ?? banner;
}

/** The subject's level: its own marking, or the banner's when it has none. */
export function subjectLevel(t: Telegram, banner: MarkingLevel = bannerOf(t)): MarkingLevel {
  return portionLevel(t.subject?.marking ?? null, banner, banner);
}

/** Calls `visit` with every body node and its level, parents before children. */
export function walkLevels(
  t: Telegram,
  banner: MarkingLevel,
  visit: (n: BodyNode, level: MarkingLevel) => void,
): void {
  const walk = (nodes: BodyNode[], inherited: MarkingLevel) => {
    for (const n of nodes) {
      const level = portionLevel(n.marking, inherited, banner);
      visit(n, level);
      if (n.kind === "paragraph" || n.kind === "subparagraph") walk(n.children, level);
    }
  };
  walk(t.body, banner);
}
