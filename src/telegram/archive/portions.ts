import { levelOfClassification, rank } from "../marking.js";
import type { BodyNode, MarkingLevel, Telegram } from "../model.js";

/**
 * The telegram's banner: its classification line, raised to its highest portion if a portion is
 * marked above it (a banner is never lower than a portion). Pure.
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

/**
 * The searchable text of a telegram by marking level. An unmarked portion takes its parent's
 * level, and at the top the banner's: when in doubt, a portion counts as high as the telegram.
 */
export function textsByLevel(t: Telegram, banner: MarkingLevel): Map<MarkingLevel, string> {
  const out = new Map<MarkingLevel, string[]>();
  const add = (level: MarkingLevel, text: string) => {
    if (!text.trim()) return;
    const list = out.get(level) ?? [];
    list.push(text);
    out.set(level, list);
  };
  if (t.subject) add(t.subject.marking?.level ?? banner, t.subject.text);
  const walk = (nodes: BodyNode[], inherited: MarkingLevel) => {
    for (const n of nodes) {
      const level = n.marking?.level ?? inherited;
      add(level, n.text);
      if (n.kind === "paragraph" || n.kind === "subparagraph") walk(n.children, level);
    }
  };
  walk(t.body, banner);
  return new Map([...out].map(([k, v]) => [k, v.join("\n")]));
}

export function subjectLevel(t: Telegram, banner: MarkingLevel): MarkingLevel {
  return t.subject?.marking?.level ?? banner;
}

/**
 * Whether what was read is a telegram at all: without a heading, a classification line and a
 * message reference there is nothing to file it by.
 */
export function headerProblem(t: Telegram): string | null {
  if (!t.heading && !t.classification && !t.reference && !t.archive?.refId) {
    return "no telegram header: no precedence and date-time group, no classification line, no message reference";
  }
  return null;
}
