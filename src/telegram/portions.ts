// Split body lines into portions: a numbered paragraph, a lettered sub-paragraph, a `--` point,
// or free text. Wrapped lines are joined with one space. Paragraph numbers and letters must
// follow in order, which is what lets `12.` be read as a copied `¶2.`.

import type { Line, ReadContext } from "./diagnostics.js";

export type PortionKind = "paragraph" | "subparagraph" | "point" | "text" | "rule";

export interface Portion {
  kind: PortionKind;
  line: number;
  /** Paragraph number, sub-paragraph letter (as written) or bullet. */
  label: string;
  text: string;
}

const PARA = /^(\d{1,4})\.(?=\s|\(|$)\s*/;
const SUB = /^(\d)?(\()?([A-Za-z])([.)])(?:\s+|$)/;
const POINT = /^(-{1,3})(?!-)\s*(?=\S)/;
const RULE = /^[-=_*]{3,}$/;

export interface Numbering {
  /** Last paragraph number seen. */
  paragraph: number;
  /** Last sub-paragraph letter in the current container, null at its start. */
  letter: string | null;
}

function nextLetter(l: string): string {
  return String.fromCharCode(l.charCodeAt(0) + 1);
}

/**
 * What structure a line starts, given the numbering so far. `fresh` is true after a blank line
 * or at the start; without it only an anchored or exactly expected number starts a paragraph.
 */
export function classify(line: Line, fresh: boolean, num: Numbering, ctx: ReadContext): Portion | null {
  const text = line.text.trimStart();
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const m = PARA.exec(text);
    if (m) {
      const written = m[1] as string;
      const n = Number(written);
      const expected = num.paragraph + 1;
      let accepted: number | null = null;
      if (n === expected) accepted = n;
      else if (
        written.length >= 2 &&
        written[0] === "1" &&
        Number(written.slice(1)) === expected &&
        !line.anchored &&
        (fresh || /^[(A-Z]/.test(text.slice(m[0].length)))
      ) {
        ctx.repair(
          line.no,
          1,
          "telegram.pilcrow_misread",
          `${written}.`,
          `${expected}.`,
          `Read "${written}." as paragraph ${expected} (a copied ¶ became "1").`,
        );
        accepted = expected;
      } else if ((fresh || line.anchored) && n > expected && n <= expected + 3) accepted = n;
      else if (line.anchored && n > 0 && n < 1000) accepted = n;
      if (accepted !== null) {
        return { kind: "paragraph", line: line.no, label: String(accepted), text: text.slice(m[0].length) };
      }
    }
  }
  if (fresh || line.anchored) {
    const s = SUB.exec(text);
    if (s && !(s[2] && s[4] === ".")) {
      const letter = s[3] as string;
      const lower = letter === letter.toLowerCase();
      const prev = num.letter;
      const first = lower ? "a" : "A";
      const ok =
        prev === null
          ? letter === first
          : (prev === prev.toLowerCase()) === lower &&
            letter.toUpperCase() > prev.toUpperCase() &&
            letter.toUpperCase() <= String.fromCharCode(prev.toUpperCase().charCodeAt(0) + 3);
      if (ok) {
        if (s[1]) {
          ctx.repair(
            line.no,
            1,
            "telegram.pilcrow_misread",
            `${s[1]}${letter}.`,
            `${letter}.`,
            `Read "${s[1]}${letter}." as sub-paragraph ${letter} (a copied ¶ became "${s[1]}").`,
          );
        }
        return { kind: "subparagraph", line: line.no, label: letter, text: text.slice(s[0].length) };
      }
    }
  }
  if (c === 45) {
    if (RULE.test(text)) return { kind: "rule", line: line.no, label: "", text };
    const p = POINT.exec(text);
    if (p && ((p[1] as string).length > 1 || text[1] === " ")) {
      return { kind: "point", line: line.no, label: p[1] as string, text: text.slice(p[0].length) };
    }
  } else if ((c === 61 || c === 95 || c === 42) && RULE.test(text)) {
    return { kind: "rule", line: line.no, label: "", text };
  }
  return null;
}

export { nextLetter };

const TERMINAL = /[.:;!?)"'\]]$/;

/** Group lines into portions. `onStart` keeps the numbering current as structures begin. */
export function splitPortions(
  lines: Line[],
  num: Numbering,
  ctx: ReadContext,
  onStart: (p: Portion) => void,
): Portion[] {
  const out: Portion[] = [];
  let cur: Portion | null = null;
  let fresh = true;
  for (const line of lines) {
    const raw = line.text;
    if (raw.length === 0 || raw.trim().length === 0) {
      cur = null;
      fresh = true;
      continue;
    }
    const started = classify(line, fresh, num, ctx);
    if (started) {
      onStart(started);
      out.push(started);
      cur = started.kind === "rule" ? null : started;
      fresh = started.kind === "rule";
      continue;
    }
    const text = raw.trim();
    if (cur) {
      cur.text = cur.text ? `${cur.text} ${text}` : text;
    } else {
      const prev = out[out.length - 1];
      const cc = text.charCodeAt(0);
      // a blank line in the middle of a sentence is the copy's, not the drafter's
      if (prev && prev.kind !== "rule" && cc >= 97 && cc <= 122 && prev.text && !TERMINAL.test(prev.text)) {
        ctx.repair(
          line.no,
          1,
          "telegram.line_rejoined",
          "",
          text.slice(0, 20),
          "Joined a line the copy split from its sentence by a blank line.",
        );
        prev.text = `${prev.text} ${text}`;
        cur = prev;
      } else {
        cur = { kind: "text", line: line.no, label: "", text };
        out.push(cur);
      }
    }
    fresh = false;
  }
  return out;
}
