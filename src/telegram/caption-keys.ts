// The caption keywords of a telegram's head and where they may stand: at the start of a line in
// any case, with or without a colon (`TAGS PGOV`, `Tag:`, `SUBJECT`, `REFTEL`), and glued after
// other text on the same line (`DEPT FOR WHA/BSC E.O. 12958: …`, `… 1396 Classified By: …`).

import { CLASSIFIED_BY } from "./classified-by.js";
import { EO_LINE } from "./eo.js";

export type Key = "eo" | "tags" | "subject" | "ref" | "by";

const KEYS: ReadonlyArray<readonly [RegExp, Key]> = [
  [EO_LINE, "eo"],
  [/^TAG[SE]?\b\s*[:.]?\s*/i, "tags"],
  [/^SUBJ(?:ECT)?\b\s*[:.]?\s*/i, "subject"],
  // `REF:`, `REFS:`, `REFTEL:`, and without the colon when a reference follows
  [/^REF(?:S|TELS?)?(?:\s*:\s*|\s+(?=\(?[A-Za-z0-9]))/i, "ref"],
  [CLASSIFIED_BY, "by"],
];

/**
 * A caption keyword after other text on the line. Only keywords with their colon (or an E.O.
 * number) count here: a bare `REF` or `TAGS` in the middle of a line is ordinary text.
 */
const GLUED =
  /\s(?=(?:E\.\s?O\.\s?\d{5}|EO\s\d{5}\s*:?\s*(?:DECL|N\/A)|TAGS?\s*:|Tags?\s*:|SUBJECT\s*:|Subject\s*:|SUBJ\s*:|REF(?:S|TELS?)?\s*:|Ref\s*:|Classified\s+By\b|CLASSIFIED\s+BY\b))/g;

export function keyOf(text: string): { key: Key; rest: string } | null {
  const c = text.charCodeAt(0) | 0x20;
  // every keyword starts with e, t, s, r, c or `(` (`(U) Classified by`)
  if (c !== 101 && c !== 116 && c !== 115 && c !== 114 && c !== 99 && text.charCodeAt(0) !== 40) return null;
  for (const [re, key] of KEYS) {
    const m = re.exec(text);
    if (m) return { key, rest: key === "eo" ? text : text.slice(m[0].length) };
  }
  return null;
}

const PORTION_ONLY = /^\((?:U|SBU|C|S|TS)\)$/;

/** Cut a line where caption keywords were glued onto it; returns the pieces (one when none). */
export function splitGlued(text: string): string[] {
  if (text.length < 8) return [text];
  GLUED.lastIndex = 0;
  let m = GLUED.exec(text);
  if (!m) return [text];
  const out: string[] = [];
  let from = 0;
  while (m) {
    const piece = text.slice(from, m.index).trim();
    if (piece) out.push(piece);
    from = m.index + 1;
    m = GLUED.exec(text);
  }
  const last = text.slice(from).trim();
  if (last) out.push(last);
  // `(U) CLASSIFIED BY …`: the portion mark before the keyword belongs to it
  if (out.length > 1 && PORTION_ONLY.test(out[0] as string) && CLASSIFIED_BY.test(`${out[0]} ${out[1]}`))
    out.splice(0, 2, `${out[0]} ${out[1]}`);
  // the first piece must stay when it is not a keyword line: it is what came before the keyword
  return out.length ? out : [text];
}

/** A numbered top-level paragraph: `1.`, `1.(C)`, `12. (S)` — not `1.4(C).` of a wrapped reason. */
export const NUMBERED = /^\d{1,3}\.(?!\d)/;

/** Text that starts a body portion when no caption precedes it. */
export const PARAGRAPH_START =
  /^(?:\d{1,3}\.(?!\d)|\d[A-Z]\.\s|\([A-Z/ -]{1,12}\)\s|-{1,3}\s?\S|[A-Z]\.\s+\()/;
