// redactTelegram: what a reader with a given clearance may see. A portion above the clearance is
// replaced by a marker naming its marking, never dropped, so the reader knows something is withheld.

import { isMarkingLevel, rank } from "./marking.js";
import type { BodyNode, Marking, MarkingLevel, Telegram } from "./model.js";

export type Clearance = MarkingLevel;

export function withheld(m: Marking): string {
  return `[WITHHELD: (${m.text})]`;
}

/** A portion with no level the ladder knows is withheld unless the reader is cleared to the top. */
function allowed(m: Marking | null, clearance: Clearance, inherited: MarkingLevel | null): boolean {
  const level = m ? m.level : inherited;
  if (level === null) return rank(clearance) >= rank("TS");
  return rank(level) <= rank(clearance);
}

export function redactTelegram(t: Telegram, clearance: Clearance): Telegram {
  if (!isMarkingLevel(clearance)) throw new Error(`Unknown clearance ${String(clearance)}`);
  const subject =
    t.subject && !allowed(t.subject.marking, clearance, null) && t.subject.marking
      ? { ...t.subject, text: withheld(t.subject.marking) }
      : t.subject;
  return { ...t, subject, body: t.body.map((n) => redactNode(n, clearance, null)) };
}

function redactNode(n: BodyNode, clearance: Clearance, inherited: MarkingLevel | null): BodyNode {
  const level = n.marking?.level ?? inherited;
  const ok = allowed(n.marking, clearance, inherited);
  const text = ok ? n.text : withheld(n.marking ?? { text: level ?? "?", level, position: "lead" });
  switch (n.kind) {
    case "paragraph":
      return { ...n, text, children: n.children.map((c) => redactNode(c, clearance, level)) };
    case "subparagraph":
      // the heading shows only if the sub-paragraph's own marking allows it
      return { ...n, text, children: n.children.map((c) => redactNode(c, clearance, level)) };
    default:
      return { ...n, text };
  }
}
