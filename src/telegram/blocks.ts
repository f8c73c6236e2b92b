// Paired delimiters inside the body: `BEGIN GUIDANCE:` … `END GUIDANCE.`, `(BACKGROUND: … END
// BACKGROUND.)`, `NOTE: … END NOTE.`, `BEGIN TEXT` … `END TEXT`.

import type { BlockKind } from "./model.js";

export interface Opener {
  kind: BlockKind;
  /** `BEGIN X` and `(BACKGROUND:` must be closed; `NOTE:`, `COMMENT:`, `SUMMARY:` often are not. */
  hard: boolean;
}

const BEGIN = /^BEGIN\s+([A-Z][A-Z-]*)/i;
const SOFT = /^\(?(BACKGROUND|NOTE|COMMENT|SUMMARY|GUIDANCE)\s*:/i;

export function openerOf(text: string): Opener | null {
  const c = text.charCodeAt(0);
  // only B, N, C, S, G and "(" can start an opener; most portions are rejected here
  if (
    c !== 66 &&
    c !== 98 &&
    c !== 40 &&
    c !== 78 &&
    c !== 110 &&
    c !== 67 &&
    c !== 99 &&
    c !== 83 &&
    c !== 115 &&
    c !== 71 &&
    c !== 103
  ) {
    return null;
  }
  const b = BEGIN.exec(text);
  if (b) return { kind: (b[1] as string).toUpperCase(), hard: true };
  const s = SOFT.exec(text);
  if (s) return { kind: (s[1] as string).toUpperCase(), hard: text.startsWith("(") };
  return null;
}

const END = /\bEND\s+(?:OF\s+)?([A-Z][A-Z-]*)/gi;

/** Kinds closed in this text, in order. */
export function closersIn(text: string): BlockKind[] {
  if (text.indexOf("END") < 0 && text.indexOf("End") < 0 && text.indexOf("end") < 0) return [];
  const out: BlockKind[] = [];
  END.lastIndex = 0;
  let m: RegExpExecArray | null = END.exec(text);
  while (m) {
    out.push((m[1] as string).toUpperCase());
    m = END.exec(text);
  }
  return out;
}

/** A portion that starts by closing a block (`END GUIDANCE.`). */
export function startsWithCloser(text: string): BlockKind | null {
  const m = /^END\s+([A-Z][A-Z-]*)/i.exec(text);
  return m ? (m[1] as string).toUpperCase() : null;
}
