// The captions of a telegram's head — handling captions, passing lines, E.O., TAGS, SUBJECT,
// REF and Classified By — found wherever they stand before the first numbered paragraph: after
// record headers, partial-extract notes, letter-spaced classification lines, page headers or
// another copy of the same captions (the last copy is the telegram's own), in any case, with or
// without colons, wrapped or glued together. See docs/decisions/0009.

import { type Key, keyOf, NUMBERED, PARAGRAPH_START, splitGlued } from "./caption-keys.js";
import { CAPTION_WORDS, continuesBy, continuesSubject, continuesTags, joinBy } from "./caption-lines.js";
import { matchClassification } from "./classification.js";
import { parseClassifiedBy } from "./classified-by.js";
import type { Line, ReadContext } from "./diagnostics.js";
import { classifiedByOfOrder, parseExecutiveOrder } from "./eo.js";
import { parseMarking } from "./marking.js";
import type { Subject, Telegram } from "./model.js";
import { hasMarker, splitReferences } from "./references.js";
import { parseTags } from "./tags.js";

/** How far into the telegram captions are looked for when no numbered paragraph ends the head. */
const HEAD_LINES = 160;
/** Non-caption lines that may stand between two captions (record headers, page lines, passing lines). */
const GAP_LINES = 30;

const ARCHIVE_DATE = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d$/;

interface Item {
  /** Index of the line in `lines`. */
  at: number;
  line: Line;
  text: string;
  /** The line was cut where a keyword was glued on; `text` is one of its pieces. */
  piece: boolean;
}

export interface CaptionResult {
  /** Index of the first body line. */
  next: number;
  /** Classification lines met in the head, in order (the telegram's own is chosen by the caller). */
  classifications: Line[];
}

function headItems(lines: Line[], start: number, ctx: ReadContext): Item[] {
  const items: Item[] = [];
  const limit = Math.min(lines.length, start + HEAD_LINES);
  for (let i = start; i < limit; i++) {
    const line = lines[i] as Line;
    const text = line.text.trim();
    if (NUMBERED.test(text) && i > start) break;
    const pieces = splitGlued(text);
    if (pieces.length > 1 && pieces.slice(1).some((p) => keyOf(p))) {
      ctx.repair(
        line.no,
        line.text.indexOf(pieces[1] as string) + 1,
        "telegram.line_split",
        text,
        pieces.join(" / "),
        "Split caption lines that were run together.",
      );
      for (const p of pieces) items.push({ at: i, line, text: p, piece: true });
    } else items.push({ at: i, line, text, piece: false });
  }
  return items;
}

/** Read the captions from `start`; returns the first body line and the classification lines seen. */
export function readCaptions(lines: Line[], start: number, t: Telegram, ctx: ReadContext): CaptionResult {
  const items = headItems(lines, start, ctx);
  const classifications: Line[] = [];
  const keyAt: boolean[] = items.map((it) => it.text !== "" && keyOf(it.text) !== null);
  const anyKey = keyAt.includes(true);
  let next = start;
  let sawKey = false;
  let k = 0;
  const done = (at: number): void => {
    next = Math.max(next, at + 1);
  };
  while (k < items.length) {
    const it = items[k] as Item;
    const text = it.text;
    if (text === "") {
      k++;
      continue;
    }
    const key = keyAt[k] ? keyOf(text) : null;
    if (key) {
      k = readBlock(items, k, key.key, key.rest, t, ctx);
      done((items[k - 1] as Item).at);
      sawKey = true;
      continue;
    }
    if (matchClassification(text)) {
      classifications.push(it.piece ? { ...it.line, text } : it.line);
      if (anyKey && keyAhead(items, keyAt, k)) {
        done(it.at);
        k++;
        continue;
      }
      if (!sawKey) {
        done(it.at);
        k++;
        continue;
      }
      break;
    }
    if (ARCHIVE_DATE.test(text)) {
      ctx.diag(it.line.no, 1, "info", "telegram.archive_line", "Skipped the archive's date line.");
      done(it.at);
      k++;
      continue;
    }
    if (!anyKey) {
      // no captions at all: the old rule — handling captions and a few passing lines, then the body
      if (PARAGRAPH_START.test(text)) break;
      if (CAPTION_WORDS.test(text)) t.captions.push(text);
      else if (t.passing.length < 6 && text.length <= 100) t.passing.push(text);
      else break;
      done(it.at);
      k++;
      continue;
    }
    if (!keyAhead(items, keyAt, k)) break;
    if (CAPTION_WORDS.test(text)) t.captions.push(text);
    else if (!sawKey && t.passing.length < 6 && text.length <= 100) t.passing.push(text);
    else
      ctx.diag(
        it.line.no,
        1,
        "info",
        "telegram.caption_noise",
        "Skipped a line standing between captions (a record header or another copy of them).",
      );
    done(it.at);
    k++;
  }
  return { next, classifications };
}

/** Is there a caption keyword a few lines on, with no body paragraph before it? */
function keyAhead(items: Item[], keyAt: boolean[], k: number): boolean {
  let seen = 0;
  for (let j = k + 1; j < items.length && seen <= GAP_LINES; j++) {
    const text = (items[j] as Item).text;
    if (text === "") continue;
    if (keyAt[j]) return true;
    if (
      text.length > 400 ||
      (text.length > 120 && /[a-z]{2,} [a-z]{2,}/.test(text)) ||
      /^-{1,3}\s?[A-Za-z]/.test(text)
    )
      return false;
    seen++;
  }
  return false;
}

/** Read one caption and its continuation lines; returns the index of the item after it. */
function readBlock(
  items: Item[],
  start: number,
  key: Key,
  rest: string,
  t: Telegram,
  ctx: ReadContext,
): number {
  const first = items[start] as Item;
  const parts = [rest.trim()];
  let k = start + 1;
  let expect = "B";
  for (; k < items.length; k++) {
    let it = items[k] as Item;
    let nt = it.text;
    if (key === "ref" && nt === "") {
      // references may be separated by blank lines in copies; look for the next letter
      let j = k;
      while (j < items.length && (items[j] as Item).text === "") j++;
      const cand = items[j];
      if (!cand || j - k > 2) break;
      const ct = cand.text;
      const last = parts[parts.length - 1] as string;
      // a wrap the copy turned into a blank line: more lettered references, or the serial of the last
      const wraps =
        ct.length < 80 &&
        !keyOf(ct) &&
        !NUMBERED.test(ct) &&
        (hasMarker(ct, expect) ||
          /\s\(?[A-Za-z][.)]\s/.test(ct) ||
          (/^\d{1,7}[.,;]?$/.test(ct) && /[A-Za-z]$/.test(last)));
      if (refLetterAt(ct, expect) === null && !wraps) break;
      k = j;
      it = cand;
      nt = cand.text;
    }
    if (key === "by" && nt === "") {
      // `FOR REASON` ⏎⏎ `1.4(C).`: reasons after a blank line
      const cand = items[k + 1]?.text === "" ? items[k + 2] : items[k + 1];
      if (!cand || !/^(?:\(?\s*1\.[45]|reasons?\b)/i.test(cand.text) || /\b1\.[45]/.test(parts.join(" ")))
        break;
      k = items.indexOf(cand);
      it = cand;
      nt = cand.text;
    }
    if (nt === "" || keyOf(nt) || NUMBERED.test(nt)) break;
    if (key === "eo") break;
    if (key === "ref") {
      if (matchClassification(nt)) break;
      const at = refLetterAt(nt, expect);
      if (at === null && PARAGRAPH_START.test(nt) && !/^\(?[A-Za-z][.)]/.test(nt)) break;
      if (at === 1) {
        const fixed = nt.slice(1);
        ctx.repair(
          it.line.no,
          1,
          "telegram.pilcrow_misread",
          nt,
          fixed,
          `Read "${nt.slice(0, 3)}" as reference ${expect} (a copied ¶).`,
        );
        nt = fixed;
      }
      if (at !== null) expect = String.fromCharCode(expect.charCodeAt(0) + 1);
      parts.push(nt);
      continue;
    }
    if (key === "tags") {
      if (!continuesTags(parts.join(" "), nt)) break;
      parts.push(nt);
      continue;
    }
    if (key === "subject") {
      const c = continuesSubject(nt, items[k + 1]?.text ?? "");
      if (c === null) break;
      if (c === "") continue;
      parts.push(c);
      continue;
    }
    // Classified By
    const so = parts.join(" ");
    if (!continuesBy(so, nt)) break;
    parts[parts.length - 1] = joinBy(parts[parts.length - 1] as string, nt);
  }
  assign(key, parts.join(" "), first.line, t);
  return k;
}

/** Where the expected reference letter starts the line: 0, 1 after a misread ¶ digit, or null. */
function refLetterAt(text: string, letter: string): number | null {
  let i = 0;
  if (text.charCodeAt(0) >= 48 && text.charCodeAt(0) <= 57) i = 1;
  if (text[i] === "(") i++;
  const c = text[i];
  if (c !== letter && c !== letter.toLowerCase()) return null;
  const d = text[i + 1];
  if (d !== "." && d !== ")") return null;
  const e = text[i + 2];
  if (e !== undefined && e !== " ") return null;
  return i > 0 && text[0] !== "(" ? 1 : 0;
}

function assign(key: Key, text: string, line: Line, t: Telegram): void {
  switch (key) {
    case "eo": {
      const eo = parseExecutiveOrder(text);
      t.executiveOrder = eo;
      const by = eo ? classifiedByOfOrder(eo) : null;
      if (by && !t.classifiedBy) t.classifiedBy = by;
      return;
    }
    case "tags":
      t.tags = parseTags(text);
      return;
    case "subject":
      t.subject = parseSubject(text);
      return;
    case "ref":
      t.references = splitReferences(text);
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
