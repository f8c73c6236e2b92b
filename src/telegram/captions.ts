// The caption block between the classification line and the body: handling captions, passing
// lines, E.O., TAGS, SUBJECT, REF and Classified By, each possibly wrapped or glued together.

import { CLASSIFIED_BY, parseClassifiedBy } from "./classified-by.js";
import type { Line, ReadContext } from "./diagnostics.js";
import { EO_LINE, parseExecutiveOrder } from "./eo.js";
import { parseMarking } from "./marking.js";
import type { Subject, Telegram } from "./model.js";
import { splitReferences } from "./references.js";
import { parseTags } from "./tags.js";

type Key = "eo" | "tags" | "subject" | "ref" | "by";

const KEYS: ReadonlyArray<readonly [RegExp, Key]> = [
  [EO_LINE, "eo"],
  [/^TAG[SE]\s*:?\s*/i, "tags"],
  [/^SUBJ(?:ECT)?\s*:\s*/i, "subject"],
  [/^REF(?:S|TEL|TELS)?\s*:\s*/i, "ref"],
  [CLASSIFIED_BY, "by"],
];
// keywords that may follow another on the same line (`E.O. 12958: DECL: 04/07/11 TAGS: PREL …`)
const INLINE = /\s(?=(?:TAGS|Tags|SUBJECT|Subject|SUBJ|REF|REFS)\s*:)/;

const CAPTION_WORDS =
  /^(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|STADIS|SENSITIVE|SBU|CHEROKEE|ROGER CHANNEL|ORCON|PROPIN|FOUO|FOR OFFICIAL USE ONLY|SENSITIVE BUT UNCLASSIFIED|NOT FOR INTERNET DISTRIBUTION|E\s?F\s?T\s?O|DEPT PASS\b.*|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)\s*\/\/.*)(?:\s+(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|SENSITIVE))*$/i;

const PARAGRAPH_START = /^(?:\d{1,3}\.(?:\s|$)|\d[A-Z]\.\s|\([A-Z/ -]{1,12}\)\s|-{1,3}\s?\S|[A-Z]\.\s+\()/;

function keyOf(text: string): { key: Key; rest: string } | null {
  for (const [re, key] of KEYS) {
    const m = re.exec(text);
    if (m) return { key, rest: key === "eo" ? text : text.slice(m[0].length) };
  }
  return null;
}

/** Read the caption block starting at `start`; returns the index of the first body line. */
export function readCaptions(lines: Line[], start: number, t: Telegram, ctx: ReadContext): number {
  let i = start;
  let sawKey = false;
  let sawSubject = false;
  const queue: Line[] = [];
  const take = (): Line | undefined => queue.shift() ?? lines[i++];
  const peek = (): Line | undefined => queue[0] ?? lines[i];
  for (;;) {
    const line = peek();
    if (!line) return i;
    const text = line.text.trim();
    if (text === "") {
      take();
      continue;
    }
    const inline = INLINE.exec(text);
    if (inline && inline.index > 0 && keyOf(text)) {
      take();
      const a = text.slice(0, inline.index);
      const b = text.slice(inline.index + 1);
      ctx.repair(
        line.no,
        inline.index + 2,
        "telegram.line_split",
        text,
        `${a} / ${b}`,
        "Split caption lines that were run together.",
      );
      queue.unshift({ ...line, text: a }, { ...line, text: b });
      continue;
    }
    const key = keyOf(text);
    if (!key) {
      if (PARAGRAPH_START.test(text) || sawSubject) return queue.length ? i - 1 : i;
      if (CAPTION_WORDS.test(text)) t.captions.push(text);
      else if (!sawKey && t.passing.length < 6 && text.length <= 100) t.passing.push(text);
      else return queue.length ? i - 1 : i;
      take();
      continue;
    }
    take();
    sawKey = true;
    const parts = [key.rest.trim()];
    // continuation lines: non-blank, not another keyword, not a paragraph
    const refs = key.key === "ref";
    let expect = "B";
    for (;;) {
      let next = peek();
      let skipped = 0;
      if (refs && next && next.text.trim() === "") {
        // references may be separated by blank lines in copies; look for the next letter
        let j = i;
        while (lines[j] && (lines[j] as Line).text.trim() === "") j++;
        const cand = lines[j];
        if (cand && refLetterAt(cand.text.trim(), expect) !== null && !queue.length) {
          skipped = j - i;
          next = cand;
        }
      }
      if (!next) break;
      let nt = next.text.trim();
      if (nt === "" || keyOf(nt) || (!refs && PARAGRAPH_START.test(nt))) break;
      if (refs) {
        const at = refLetterAt(nt, expect);
        if (at === null && (PARAGRAPH_START.test(nt) || skipped)) break;
        if (at === 1) {
          const fixed = nt.slice(1);
          ctx.repair(
            next.no,
            1,
            "telegram.pilcrow_misread",
            nt,
            fixed,
            `Read "${nt.slice(0, 3)}" as reference ${expect} (a copied ¶).`,
          );
          nt = fixed;
        }
        if (at !== null) expect = String.fromCharCode(expect.charCodeAt(0) + 1);
      }
      if (key.key === "tags" && !/^[A-Za-z, ]+(?:\([^)]*\))?[A-Za-z, ]*$/.test(nt)) break;
      if (key.key === "eo") break;
      i += skipped;
      take();
      parts.push(nt);
    }
    assign(key.key, parts.join(" "), line, t);
    if (key.key === "subject" || key.key === "ref" || key.key === "by") sawSubject = true;
  }
}

/** Where the expected reference letter starts the line: 0, 1 after a misread ¶ digit, or null. */
function refLetterAt(text: string, letter: string): number | null {
  const re = new RegExp(`^(\\d)?\\(?[${letter}${letter.toLowerCase()}][.)]\\s`);
  const m = re.exec(text);
  if (!m) return null;
  return m[1] ? 1 : 0;
}

function assign(key: Key, text: string, line: Line, t: Telegram): void {
  switch (key) {
    case "eo":
      t.executiveOrder = parseExecutiveOrder(text);
      return;
    case "tags":
      t.tags.push(...parseTags(text));
      return;
    case "subject":
      t.subject = parseSubject(text);
      return;
    case "ref":
      t.references.push(...splitReferences(text));
      return;
    case "by":
      t.classifiedBy = parseClassifiedBy(text);
      return;
  }
  void line;
}

export function parseSubject(text: string): Subject {
  const t = text.trim();
  const lead = /^\(([^()]{1,30})\)\s+/.exec(t);
  if (lead) {
    const m = parseMarking(lead[1] as string, "lead");
    if (m) return { text: t.slice(lead[0].length), marking: m };
  }
  if (t.endsWith(")")) {
    const open = t.lastIndexOf("(");
    if (open > 0 && t[open - 1] === " ") {
      const m = parseMarking(t.slice(open + 1, -1), "trail");
      if (m) return { text: t.slice(0, open - 1).trimEnd(), marking: m };
    }
  }
  return { text: t, marking: null };
}
