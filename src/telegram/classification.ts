// The classification line: `CONFIDENTIAL STATE 070895`, `S E C R E T SECTION 01 OF 03 PARIS 001040`,
// `UNCLAS EFTO`, `s e c r e t state 012345`.

import type { ClassificationLevel, ClassificationLine } from "./model.js";

const WORDS: ReadonlyArray<readonly [string, ClassificationLevel]> = [
  ["UNCLASSIFIED", "UNCLASSIFIED"],
  ["UNCLAS", "UNCLASSIFIED"],
  ["CONFIDENTIAL", "CONFIDENTIAL"],
  ["SECRET", "SECRET"],
  ["TOPSECRET", "TOP SECRET"],
  ["LIMITEDOFFICIALUSE", "LIMITED OFFICIAL USE"],
];

export interface ClassificationMatch {
  line: ClassificationLine;
  station: string | null;
  serial: string | null;
  /** The first letter was doubled (`SS E C R E T`); the match dropped it. */
  doubled: string | null;
  /** The first letter of a letter-spaced level was lost (`E C R E T`); the match restored it. */
  dropped?: string;
}

/** Letter-spaced levels that lost their first letter in the copy. */
const LOST_FIRST = /^(?:(e c r e t)|(o n f i d e n t i a l)|(n c l a s s i f i e d))(?=\s|$)/i;

function isPrefix(acc: string): boolean {
  for (const [w] of WORDS) if (w.startsWith(acc)) return true;
  return false;
}

function full(acc: string): ClassificationLevel | null {
  for (const [w, level] of WORDS) if (w === acc) return level;
  return null;
}

/**
 * Match a classification line. `requireReference` asks for a station and serial after the
 * level, which is how a classification glued to the end of another line is recognised.
 */
export function matchClassification(text: string, requireReference = false): ClassificationMatch | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 160) return null;
  const lost = (trimmed.charCodeAt(0) | 0x20) <= 111 ? LOST_FIRST.exec(trimmed) : null;
  if (lost) {
    const letter = lost[1] ? "S" : lost[2] ? "C" : "U";
    const restored = matchClassification(
      `${trimmed[1] === " " && trimmed[0] === trimmed[0]?.toLowerCase() ? letter.toLowerCase() : letter} ${trimmed}`,
      requireReference,
    );
    return restored ? { ...restored, dropped: letter } : null;
  }
  // every level word starts with U, C, S, T or L (or a doubled first letter of one)
  const c = trimmed.charCodeAt(0) | 0x20;
  if (c !== 117 && c !== 99 && c !== 115 && c !== 116 && c !== 108) return null;
  const tokens = trimmed.split(/\s+/);
  const first = tokens[0] as string;
  let doubled: string | null = null;
  let start = tokens;
  const f = first.toUpperCase();
  if (!isPrefix(f) && f.length > 1 && f[0] === f[1] && isPrefix(f.slice(1))) {
    doubled = first;
    start = [first.slice(1), ...tokens.slice(1)];
  }
  let acc = "";
  let used = 0;
  let level: ClassificationLevel | null = null;
  let levelUsed = 0;
  let single = false;
  for (let i = 0; i < start.length && i < 20; i++) {
    const next = acc + (start[i] as string).toUpperCase();
    if (!isPrefix(next)) break;
    acc = next;
    used = i + 1;
    if ((start[i] as string).length === 1) single = true;
    const l = full(acc);
    if (l) {
      level = l;
      levelUsed = used;
    }
  }
  if (!level) return null;
  let rest = start.slice(levelUsed);
  let levelText = start.slice(0, levelUsed).join(" ");
  if (level === "UNCLASSIFIED" && rest[0]?.toUpperCase() === "EFTO") {
    levelText += ` ${rest[0]}`;
    rest = rest.slice(1);
  }
  let section: ClassificationLine["section"] = null;
  if (
    rest[0]?.toUpperCase() === "SECTION" &&
    rest[2]?.toUpperCase() === "OF" &&
    /^\d+$/.test(rest[1] ?? "") &&
    /^\d+$/.test(rest[3] ?? "")
  ) {
    section = { index: Number(rest[1]), of: Number(rest[3]) };
    rest = rest.slice(4);
  }
  const letterSpaced = single && levelUsed > 2;
  const line: ClassificationLine = { level, text: levelText, letterSpaced, section };
  if (rest.length === 0) return requireReference ? null : { line, station: null, serial: null, doubled };
  const serial = rest[rest.length - 1] as string;
  if (!/^\d{1,8}$/.test(serial) || rest.length < 2) return null;
  const stationTokens = rest.slice(0, -1);
  // `C O N F I D E N T I A L 75 LIBREVILLE 1895`: the year written before the station
  if (stationTokens.length > 1 && /^\d{2}$/.test(stationTokens[0] as string)) stationTokens.shift();
  for (const t of stationTokens) if (!/^[A-Za-z][A-Za-z.'-]*$/.test(t)) return null;
  if (stationTokens.length > 5) return null;
  return { line, station: stationTokens.join(" ").toUpperCase(), serial, doubled };
}

const STARTS = [
  "UNCLAS",
  "CONFIDENTIAL",
  "C O N F",
  "SECRET",
  "S E C R",
  "TOP SECRET",
  "LIMITED OFFICIAL",
  "S e c r",
  "C o n f",
];

/**
 * Find a classification line glued to the end of another line
 * (`AMEMBASSY LONDON PRIORITYS E C R E T DOHA 001093`). Returns the index where it starts.
 */
export function findGluedClassification(text: string): { index: number; match: ClassificationMatch } | null {
  if (text.length > 400) return null;
  for (const word of STARTS) {
    let i = text.indexOf(word, 1);
    while (i > 0) {
      const m = matchClassification(text.slice(i), true);
      if (m) return { index: i, match: m };
      i = text.indexOf(word, i + 1);
    }
  }
  return null;
}
