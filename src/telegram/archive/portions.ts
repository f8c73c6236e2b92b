import { subjectLevel, walkLevels } from "../levels.js";
import type { MarkingLevel, Telegram } from "../model.js";

export { archiveLevel, bannerOf, subjectLevel } from "../levels.js";

/**
 * The searchable text of a telegram by marking level, each part at the level the redactor gives it
 * (`levels.ts`): a reader searches exactly the parts the redactor shows them.
 */
export function textsByLevel(t: Telegram, banner: MarkingLevel): Map<MarkingLevel, string> {
  const out = new Map<MarkingLevel, string[]>();
  const add = (level: MarkingLevel, text: string) => {
    if (!text.trim()) return;
    const list = out.get(level) ?? [];
    list.push(text);
    out.set(level, list);
  };
  if (t.subject) add(subjectLevel(t, banner), t.subject.text);
  walkLevels(t, banner, (n, level) => add(level, n.text));
  return new Map([...out].map(([k, v]) => [k, v.join("\n")]));
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
