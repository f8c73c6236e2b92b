// redactTelegram: what a reader with a given clearance may see. A portion above the clearance is
// replaced by a marker naming its marking, never dropped, so the reader knows something is withheld.
// Each part's level is the one rule of `levels.ts`, which the archive uses too.

import { bannerOf, portionLevel, subjectLevel } from "./levels.js";
import { isMarkingLevel, rank } from "./marking.js";
import type { BodyNode, Marking, MarkingLevel, Telegram } from "./model.js";

export type Clearance = MarkingLevel;

export function withheld(m: Marking): string {
  return `[WITHHELD: (${m.text})]`;
}

/** The marker of a withheld part: its own marking when it has one, else the level it inherits. */
const marker = (m: Marking | null, level: MarkingLevel): string =>
  withheld(m ?? { text: level, level, position: "lead" });

export function redactTelegram(t: Telegram, clearance: Clearance): Telegram {
  if (!isMarkingLevel(clearance)) throw new Error(`Unknown clearance ${String(clearance)}`);
  const banner = bannerOf(t);
  const hidden = (level: MarkingLevel) => rank(level) > rank(clearance);
  const subjectAt = subjectLevel(t, banner);
  const subjectHidden = hidden(subjectAt);
  const subject =
    t.subject && subjectHidden ? { ...t.subject, text: marker(t.subject.marking, subjectAt) } : t.subject;
  // The archive's metadata repeats the subject: it goes out only where the subject does.
  const archive =
    t.archive?.subject && subjectHidden
      ? { ...t.archive, subject: marker(t.subject?.marking ?? null, subjectAt) }
      : t.archive;
  const redactNode = (n: BodyNode, inherited: MarkingLevel): BodyNode => {
    const level = portionLevel(n.marking, inherited, banner);
    const text = hidden(level) ? marker(n.marking, level) : n.text;
    switch (n.kind) {
      case "paragraph":
      case "subparagraph":
        // a sub-paragraph's heading shows only if its own level allows it
        return { ...n, text, children: n.children.map((c) => redactNode(c, level)) };
      default:
        return { ...n, text };
    }
  };
  return { ...t, subject, archive, body: t.body.map((n) => redactNode(n, banner)) };
}
