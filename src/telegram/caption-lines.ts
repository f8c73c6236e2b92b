// Which lines continue a caption: wrapped TAGS, a subject broken by a page header, a Classified
// By line whose reasons wrap (`1.5 (B) a` ⏎ `nd (D).`).

import { matchClassification } from "./classification.js";

export const CAPTION_WORDS =
  /^(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|STADIS|SENSITIVE|SBU|CHEROKEE|ROGER CHANNEL|ORCON|PROPIN|FOUO|FOR OFFICIAL USE ONLY|SENSITIVE BUT UNCLASSIFIED|NOT FOR INTERNET DISTRIBUTION|E\s?F\s?T\s?O|DEPT PASS\b.*|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)\s*\/\/.*)(?:\s+(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|SENSITIVE))*$/i;

const TAG_LINE = /^[A-Za-z, ;]+(?:\([^)]*\))?[A-Za-z, ;]*$/;
const CODES = /^(?:[A-Z]{2,8}[\s,;]*)+$/;
const VISIT_TAG = /^O[A-Z]{3}\s+\([A-Z][A-Za-z ,.'-]{2,40}\)$/;

/** A line continues TAGS when it is tag-like and the tags so far end with a separator or it is all codes. */
export function continuesTags(sofar: string, line: string): boolean {
  if (!TAG_LINE.test(line) || CAPTION_WORDS.test(line)) return false;
  if (/[,;]\s*$/.test(sofar)) return true;
  // `OVIP (CLINTON, WILLIAM J.)` on a line of its own: a visit tag and the visitor
  if (VISIT_TAG.test(line)) return true;
  return CODES.test(line) && line.length <= 40 && !/^(?:SUMMARY|SUBJECT|BACKGROUND|COMMENT)\b/.test(line);
}

/** `PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER`: a page header glued to the text. */
const PAGE_GLUED = /^PAGE \d{2,3}\s+[A-Z][A-Z .'-]*?\s+\d{4,8}\s+\d{2,3} OF \d{2,3}\s+\d{6}Z\s*/;
const PAGE_MARK = /^[A-Z][A-Z .'-]{1,30} \d{5,8}\s+\d{3}(?:\.\d)? OF \d{3}$/;

/**
 * What a line adds to a subject: its text, "" for page junk to skip, or null when the subject
 * has ended (a caption word, a classification line, a heading underlined on the next line).
 */
export function continuesSubject(line: string, after: string): string | null {
  if (PAGE_MARK.test(line)) return "";
  const glued = PAGE_GLUED.exec(line);
  if (glued) return line.slice(glued[0].length).trim();
  const cls = matchClassification(line);
  if (cls) return cls.line.section === null && !cls.station && /^PAGE \d/.test(after) ? "" : null;
  if (CAPTION_WORDS.test(line) || /^-{3,}/.test(line) || DATELINE.test(line)) return null;
  // a heading underlined on the next line (`Summary` ⏎ `-------`) starts the body
  if (/^-{3,}\s*$/.test(after) && Math.abs(after.trim().length - line.length) <= 2) return null;
  if (/^\(?[A-Z]\)?[.)]\s/.test(line) || /^\d{1,3}\.(?!\d)/.test(line)) return null;
  return line;
}

/** `WEDNESDAY, NOVEMBER 4, 2009` under a subject is the date of a report, not the subject. */
const DATELINE = /^(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY,? [A-Z]+ \d{1,2},? \d{4}\.?$/i;

const REASONS = /\b1\.[45]\b/;

/** A Classified By line goes on while its reasons are not complete. */
export function continuesBy(sofar: string, line: string): boolean {
  if (matchClassification(line) || CAPTION_WORDS.test(line) || /^-{2,}/.test(line)) return false;
  if (sofar.split("(").length > sofar.split(")").length) return line.length < 60;
  if (!REASONS.test(sofar) && line.length < 60 && /^[a-z]/.test(line)) return true;
  if (!REASONS.test(sofar))
    return (
      /^(?:reasons?\b|for\b|per\b|1\.[45]\b|\(?[a-h]\)|E\.?O\.?\s)/i.test(line) ||
      /(?:,|\bfor|\breasons?:?|\bper)\s*$/i.test(sofar) ||
      /^(?:REASON|Reason)/.test(line)
    );
  if (/^(?:\(?[a-hA-H]\)|and\b|or\b|nd\b|&|,)/.test(line)) return true;
  // `REASON 1.5 (B)` ⏎ `AND (D)`: more letters, in capitals
  if (/^(?:AND|OR)\s+\(?[A-H]\)?[.,;]?(?:\s|$)/.test(line) && line.length < 40) return true;
  return /(?:1\.[45]|\band|\bor|,|\ba|\ban|\()\s*$/i.test(sofar) && line.length < 40;
}

/** Join a wrapped Classified By line, mending a word split at the wrap (`a` ⏎ `nd`). */
export function joinBy(prev: string, line: string): string {
  if (/\ba$/i.test(prev) && /^nd\b/i.test(line)) return `${prev}${line}`;
  if (/\ban$/i.test(prev) && /^d\b/i.test(line)) return `${prev}${line}`;
  return `${prev} ${line}`;
}
