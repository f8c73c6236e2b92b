/**
 * Items of guidance read from a telegram, linked to a meeting's agenda items by their headings:
 * the same words, the same acronym in brackets ("(RPOC)"), or most words in common. Each agenda
 * item is linked once; an item that matches none stays unlinked. Pure.
 */
import type { GuidanceContent } from "./content.js";

const words = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z0-9 ]+/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 1 && !["THE", "OF", "AND", "FOR", "TO"].includes(w));

const acronyms = (s: string) => [...s.toUpperCase().matchAll(/\(([A-Z]{2,8})\)/g)].map((m) => m[1]);

/** How well a heading matches an agenda item's title: 0 (not at all) to 3 (the same words). */
export function matchScore(heading: string, title: string): number {
  const a = words(heading);
  const b = words(title);
  if (a.length && a.join(" ") === b.join(" ")) return 3;
  const ta = acronyms(heading);
  if (ta.length && acronyms(title).some((x) => ta.includes(x))) return 2;
  const common = a.filter((w) => b.includes(w)).length;
  const union = new Set([...a, ...b]).size;
  return union && common / union >= 0.5 ? 1 : 0;
}

export function linkAgenda(
  content: GuidanceContent,
  agenda: readonly { id: number; title: string }[],
): GuidanceContent {
  const taken = new Set<number>();
  const items = content.items.map((item) => {
    let best: { id: number; score: number } | null = null;
    for (const a of agenda) {
      if (taken.has(a.id)) continue;
      const score = matchScore(item.heading.text, a.title);
      if (score > 0 && (!best || score > best.score)) best = { id: a.id, score };
    }
    if (best) taken.add(best.id);
    return { ...item, agendaItemId: best?.id ?? null };
  });
  return { ...content, items };
}
