// REF lines: lettered references to telegrams (`STATE 633 (AND PREVIOUS)`, `05 ABU DHABI 3243`),
// e-mails and other sources.

import type { Reference } from "./model.js";

const FLAGS = /\s*\(?\b(AND PREVIOUS|NOTAL)\b\)?/gi;
const TELEGRAM = /^(?:(\d{2})\s+)?([A-Za-z][A-Za-z.'-]*(?:\s[A-Za-z][A-Za-z.'-]*){0,3})\s+(\d{1,7})$/;

export function parseReference(letter: string | null, text: string): Reference {
  const t = text.trim();
  const andPrevious = /\bAND PREVIOUS\b/i.test(t);
  const notal = /\bNOTAL\b/i.test(t);
  const core = t
    .replace(FLAGS, "")
    .replace(/[\s.,;:]+$/, "")
    .trim();
  let kind: Reference["kind"] = "other";
  let telegram: Reference["telegram"] = null;
  if (/\bE[- ]?MAIL\b|\bEMAIL\b/i.test(core)) kind = "email";
  else {
    const m = TELEGRAM.exec(core);
    if (m && !/\b(OF|ON|TELCON|MEMCON|FAX|LETTER|MEETING|CALL)\b/i.test(m[2] as string)) {
      kind = "telegram";
      telegram = { year: m[1] ?? null, station: (m[2] as string).toUpperCase(), serial: m[3] as string };
    }
  }
  return { letter, text: t, kind, telegram, andPrevious, notal };
}

/** Unlettered references listed with `:` or `;` (`TEHRAN 1091: TEHRAN 263`, `STATE 272523; USUN 6028`). */
function splitUnlettered(t: string): Reference[] {
  for (const sep of [";", ":"]) {
    if (t.indexOf(sep) < 0) continue;
    const pieces = t
      .split(sep)
      .map((p) => p.trim())
      .filter(Boolean);
    if (pieces.length > 1 && pieces.every((p) => parseReference(null, p).kind === "telegram"))
      return pieces.map((p) => parseReference(null, p));
  }
  return [parseReference(null, t)];
}

/**
 * Split the text after `REF:` into lettered items (`A. …  B. …`, `A) … B) …`, `(A) … (B) …`,
 * `(A)STATE 071143`, doubled `A. A. …` and `A. (A) …`). Letters must follow in order, so a capital
 * letter inside a reference does not start one.
 */
export function splitReferences(text: string): Reference[] {
  const t = text.trim().replace(/^REF(?:S|TELS?)?\s*:?\s+(?=\(?[A-Za-z][.)])/i, "");
  const first = markerAt(t, 0, "A");
  if (first === null) return t ? leadThenLettered(t) : [];
  const out: Reference[] = [];
  let letter = t[first.letterAt] as string;
  let start = skipDoubled(t, first.end, letter);
  let from = start;
  for (;;) {
    const nextLetter = String.fromCharCode(letter.charCodeAt(0) + 1);
    const next = findMarker(t, from, nextLetter);
    if (!next) {
      out.push(parseReference(letter, t.slice(start)));
      return out;
    }
    out.push(parseReference(letter, t.slice(start, next.at).replace(/[\s,;]+$/, "")));
    letter = t[next.letterAt] as string;
    start = skipDoubled(t, next.end, letter);
    from = start;
  }
}

/**
 * `09 STATE 96625; A. A)STATE 70789; B. …`: an unlettered reference before the lettered ones,
 * kept as one of its own; otherwise the unlettered list.
 */
function leadThenLettered(t: string): Reference[] {
  const semi = t.indexOf(";");
  if (semi > 0) {
    const rest = t.slice(semi + 1).trimStart();
    const lead = t.slice(0, semi).trim();
    if (markerAt(rest, 0, "A") && parseReference(null, lead).kind === "telegram") {
      const lettered = splitReferences(rest);
      if (lettered.length > 1) return [parseReference(null, lead), ...lettered];
    }
  }
  return splitUnlettered(t);
}

/** `A. A. STATE 99125`, `A. (A) PARIS 7682`, `A. A)STATE 70789`: the letter written twice. */
function skipDoubled(t: string, at: number, letter: string): number {
  const upper = letter.toUpperCase();
  const again = markerAt(t, at, upper);
  if (again) return again.end;
  // The second letter's bracket glued to the reference: `A)STATE`.
  if (t[at]?.toUpperCase() === upper && t[at + 1] === ")" && /[A-Z0-9]/.test(t[at + 2] ?? "")) return at + 2;
  return at;
}

/** Does the line hold the marker of reference `letter` (`… OF 10/6 D) STATE 215870`)? */
export function hasMarker(text: string, letter: string): boolean {
  return markerAt(text, 0, letter) !== null || findMarker(text, 0, letter) !== null;
}

interface Marker {
  at: number;
  letterAt: number;
  end: number;
}

function markerAt(t: string, at: number, letter: string): Marker | null {
  const lower = letter.toLowerCase();
  let i = at;
  const paren = t[i] === "(";
  if (paren) i++;
  const c = t[i];
  if (c !== letter && c !== lower) return null;
  const letterAt = i;
  i++;
  if (paren) {
    if (t[i] !== ")") return null;
    i++;
    // `(A)STATE 071143`: the bracket is enough
    if (i < t.length && t[i] !== " " && !/[A-Z0-9]/.test(t[i] as string)) return null;
  } else if (t[i] !== "." && t[i] !== ")") return null;
  else {
    i++;
    if (i < t.length && t[i] !== " ") return null;
  }
  while (t[i] === " ") i++;
  return { at, letterAt, end: i };
}

function findMarker(t: string, from: number, letter: string): Marker | null {
  for (let i = from; i < t.length; i++) {
    const c = t[i];
    if (c !== letter && c !== letter.toLowerCase() && c !== "(") continue;
    const prev = i === 0 ? " " : t[i - 1];
    if (prev !== " " && prev !== "," && prev !== ";" && prev !== ")") continue;
    const m = markerAt(t, i, letter);
    if (m && (m.end < t.length || t[i] === "(")) return m;
  }
  return null;
}
