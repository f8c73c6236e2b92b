// OCR slips in letters and digits. A word is repaired only when its neighbour-letter reading is
// a known telegram word or occurs elsewhere in the same telegram, and every repair is recorded.

import type { ReadContext } from "./diagnostics.js";

const LEXICON = new Set([
  "guidance",
  "agree",
  "agreed",
  "agreement",
  "government",
  "general",
  "group",
  "groups",
  "meeting",
  "meetings",
  "regarding",
  "regime",
  "good",
  "great",
  "begin",
  "background",
  "strategy",
  "delegation",
  "delegations",
  "programs",
]);

const Q_WORD = /\b[A-Za-z]*q[A-Za-z]*\b/g;
const MONTH_YEAR =
  /\b((?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}, )1((?:19|20)\d\d)\b/gi;

export interface OcrScope {
  /** The whole body text, lower-cased on first need. */
  corpus: () => string;
  /** Words already looked up in the corpus. */
  known: Map<string, boolean>;
}

function knownWord(word: string, scope: OcrScope): boolean {
  if (LEXICON.has(word)) return true;
  let k = scope.known.get(word);
  if (k === undefined) {
    k = new RegExp(`\\b${word}\\b`).test(scope.corpus());
    scope.known.set(word, k);
  }
  return k;
}

export function repairOcr(text: string, line: number, ctx: ReadContext, scope: OcrScope): string {
  let out = text;
  if (out.indexOf("q") >= 0) {
    out = out.replace(Q_WORD, (word, offset: number) => {
      const lower = word.toLowerCase();
      const g = lower.replace(/q/g, "g");
      if (g === lower || word.length < 4) return word;
      if (!knownWord(g, scope)) return word;
      const fixed = matchCase(word, g);
      ctx.repair(
        line,
        offset + 1,
        "telegram.ocr_letter",
        word,
        fixed,
        `Read "${word}" as "${fixed}" (q for g).`,
      );
      return fixed;
    });
  }
  if (out.indexOf(", 1") >= 0) {
    out = out.replace(MONTH_YEAR, (all, head: string, year: string, offset: number) => {
      const fixed = `${head}${year}`;
      ctx.repair(
        line,
        offset + head.length + 1,
        "telegram.ocr_digit",
        `1${year}`,
        year,
        `Read the year "1${year}" as ${year}.`,
      );
      void all;
      return fixed;
    });
  }
  return out;
}

function matchCase(model: string, word: string): string {
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const m = model[i] ?? "";
    out += m === m.toUpperCase() && m !== m.toLowerCase() ? (word[i] as string).toUpperCase() : word[i];
  }
  return out;
}
