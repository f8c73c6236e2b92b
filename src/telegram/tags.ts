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

/** Split the text after `TAGS:`; commas, spaces and wrapped lines all separate tags. */
export function parseTags(text: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === " " || text[i] === "," || text[i] === ";" || text[i] === "\t")) i++;
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
    if (word) tags.push({ text: word, kind: tagKind(word) });
    i = j;
  }
  return tags;
}
