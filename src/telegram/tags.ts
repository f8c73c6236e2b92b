// TAGS: subject (four letters, first in ABCELMOPST), program (K…), geographic (two letters),
// organisation (MTCRE, NATO) and person (`OVIP (NAME, FIRST)`) tags.

import type { Tag, TagKind } from "./model.js";

const SUBJECT_FIELDS = "ABCELMOPST";

export function tagKind(text: string): TagKind {
  const t = text.toUpperCase();
  if (t.includes("(")) return "person";
  if (!/^[A-Z]+$/.test(t)) return "unknown";
  if (t.length === 2) return "geographic";
  if (t.length === 4 && t[0] === "K") return "program";
  if (t.length === 4 && SUBJECT_FIELDS.includes(t[0] as string)) return "subject";
  if (t[0] === "K" && t.length > 4) return "program";
  return "organisation";
}

/** Split the text after `TAGS:` into words and person tags (`OVIP (RICE, CONDOLEEZZA)`). */
function words(text: string): Array<{ word: string; sep: string }> {
  const out: Array<{ word: string; sep: string }> = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let sep = "";
    while (i < n && (text[i] === " " || text[i] === "," || text[i] === ";" || text[i] === "\t")) {
      if (text[i] !== " " && text[i] !== "\t") sep = text[i] as string;
      i++;
    }
    if (i >= n) break;
    let j = i;
    while (j < n && text[j] !== " " && text[j] !== "," && text[j] !== ";" && text[j] !== "(") j++;
    let word = text.slice(i, j);
    // a person tag carries its name in parentheses: `OVIP (RICE, CONDOLEEZZA)`
    let k = j;
    while (k < n && text[k] === " ") k++;
    if (text[k] === "(") {
      const close = text.indexOf(")", k);
      const end = close < 0 ? n : close + 1;
      word = word ? `${word} ${text.slice(k, end)}` : text.slice(k, end);
      j = end;
    }
    if (word) out.push({ word, sep: out.length === 0 ? "," : sep });
    i = j;
  }
  return out;
}

/** A word that cannot be a tag code: mixed case in an upper-case list, or a long plain word. */
function freeWord(w: string, upperList: boolean): boolean {
  if (w.includes("(")) return false;
  if (upperList && /[a-z]/.test(w)) return true;
  return w.length >= 6 && /^[A-Za-z]+$/.test(w) && !/^K/.test(w.toUpperCase());
}

/**
 * Split the text after `TAGS:`; commas, semicolons, spaces and wrapped lines all separate tags.
 * Free-text items stay whole: `COUNTER TERRORISM`, `Organized Crime` (runs of words that are
 * not codes, or in a comma list an item of several words that are not all codes).
 */
export function parseTags(text: string): Tag[] {
  const ws = words(text);
  const upperList = !/[a-z]/.test(
    text.replace(/\([^)]*\)/g, "").replace(/\b[A-Za-z][a-z]+ [A-Z][a-z]+\b/g, ""),
  );
  const commaList = /[,;]/.test(text.replace(/\([^)]*\)/g, ""));
  const tags: Tag[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = (ws[i] as { word: string }).word;
    let j = i + 1;
    if (freeWord(w, upperList)) {
      // join the run: in a comma list up to the next separator, otherwise while words stay free
      while (j < ws.length) {
        const nx = ws[j] as { word: string; sep: string };
        if (nx.sep) break;
        if (!commaList && !freeWord(nx.word, upperList)) break;
        j++;
      }
    }
    const word = ws
      .slice(i, j)
      .map((x) => x.word)
      .join(" ");
    tags.push({ text: word, kind: tagKind(word) });
    i = j - 1;
  }
  return tags;
}
