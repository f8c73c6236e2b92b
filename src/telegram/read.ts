// readTelegram: text or bytes in any archive form → model, diagnostics and repairs. Pure,
// linear in the input, and never throws.

import { readBody, readEnd } from "./body.js";
import { NUMBERED } from "./caption-keys.js";
import { parseSubject, readCaptions } from "./captions.js";
import { matchClassification } from "./classification.js";
import { parseClassifiedBy } from "./classified-by.js";
import { decodeBytes, normaliseNewlines } from "./decode.js";
import { type Line, ReadContext, type ReadResult, type SourceFormat } from "./diagnostics.js";
import { readHeading, startsHeading } from "./heading.js";
import { emptyTelegram, type MessageReference, type Telegram } from "./model.js";
import { cleanLines } from "./noise.js";
import { unwrap } from "./source.js";

/** Archives print the creation time above the text: `Wednesday, 26 March 2008, 09:48`. */
const ARCHIVE_DATE = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d$/;

export interface ReadOptions {
  /** Refuse inputs above this many characters (default 16 MB) with a diagnostic. */
  maxLength?: number;
}

export function readTelegram(input: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const ctx = new ReadContext();
  const model = emptyTelegram();
  let format: SourceFormat = "plain";
  try {
    let text: string;
    if (typeof input === "string") text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    else {
      const d = decodeBytes(input);
      text = d.text;
      if (d.latin1)
        ctx.diag(1, 1, "info", "telegram.latin1", "The bytes are not UTF-8; they were read as ISO-8859-1.");
    }
    const max = opts.maxLength ?? 16 * 1024 * 1024;
    if (text.length > max) {
      ctx.diag(
        1,
        1,
        "error",
        "telegram.too_large",
        `The input has ${text.length} characters; at most ${max} are read.`,
      );
      return { model, diagnostics: ctx.diagnostics, repairs: ctx.repairs, format };
    }
    text = normaliseNewlines(text);
    if (text.trim() === "") {
      ctx.diag(1, 1, "error", "telegram.empty", "The input holds no text.");
      return { model, diagnostics: ctx.diagnostics, repairs: ctx.repairs, format };
    }
    const un = unwrap(text, ctx);
    format = un.format;
    model.archive = ctx.archive;
    readStructure(cleanLines(un.lines, ctx), model, ctx);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    ctx.diag(
      1,
      1,
      "error",
      "telegram.internal_error",
      `The reader failed on this input (${reason}); the model is partial.`,
    );
  }
  return { model, diagnostics: ctx.diagnostics, repairs: ctx.repairs, format };
}

/** The heading, also where a record header, an e-mail printout or page lines stand before it. */
function findHeading(lines: Line[], ctx: ReadContext): ReturnType<typeof readHeading> {
  const h = readHeading(lines, ctx);
  if (h.heading?.dtg) return h;
  const limit = Math.min(lines.length, 250);
  for (let k = h.next; k < limit; k++) {
    const text = (lines[k] as Line).text;
    if (NUMBERED.test(text.trim())) break;
    if (!startsHeading(text)) continue;
    const found = readHeading(lines, ctx, k);
    if (!found.heading?.dtg) continue;
    ctx.diag(
      (lines[h.next] as Line | undefined)?.no ?? 1,
      1,
      "info",
      "telegram.record_header",
      `Skipped ${k - h.next} lines before the heading (a record header, e-mail printout or page lines).`,
    );
    return found;
  }
  return h;
}

function readStructure(lines: Line[], t: Telegram, ctx: ReadContext): void {
  const h = findHeading(lines, ctx);
  t.heading = h.heading;
  if (!h.heading?.precedence || !h.heading.dtg) {
    const line = lines[h.next]?.no ?? 1;
    ctx.diag(
      line,
      1,
      "warning",
      "telegram.heading_missing",
      "No precedence and date-time group line (e.g. `P R 021202Z JUL 08`) was found.",
    );
  }
  let i = h.next;
  let cls: Line | null = h.glued;
  if (!cls) {
    for (; i < lines.length; i++) {
      const text = (lines[i] as Line).text.trim();
      if (text === "") continue;
      if (!ARCHIVE_DATE.test(text)) break;
      ctx.diag((lines[i] as Line).no, 1, "info", "telegram.archive_line", "Skipped the archive's date line.");
    }
    const l = lines[i];
    if (l && matchClassification(l.text)) {
      cls = l;
      i++;
    }
  }
  const caps = readCaptions(lines, i, t, ctx);
  // a bare level line may belong to a record header; prefer the telegram's own, which cites it
  if (!cls || !matchClassification(cls.text)?.station) {
    const own = caps.classifications.find((l) => matchClassification(l.text)?.station);
    cls = own ?? cls ?? caps.classifications[0] ?? null;
  }
  if (cls) {
    const m = matchClassification(cls.text);
    if (m) {
      t.classification = m.line;
      if (m.doubled) {
        ctx.repair(
          cls.no,
          1,
          "telegram.classification_typo",
          m.doubled,
          m.doubled.slice(1),
          "Dropped a doubled first letter of the classification.",
        );
      }
      if (m.dropped) {
        ctx.repair(
          cls.no,
          1,
          "telegram.classification_typo",
          cls.text.trim(),
          `${m.dropped} ${cls.text.trim()}`,
          "Restored the first letter the copy lost from the classification.",
        );
      }
      if (m.station && m.serial) t.reference = reference(m.station, m.serial, t, ctx, cls.no);
    }
  } else {
    ctx.diag(
      lines[i]?.no ?? 1,
      1,
      "warning",
      "telegram.classification_missing",
      "No classification line (e.g. `CONFIDENTIAL STATE 070895`) was found.",
    );
  }
  readBody(readEnd(lines.slice(caps.next), t), t, ctx);
  if (!t.classifiedBy) classifiedByInBody(t);
  // a record that holds only the archive's metadata: its subject is all there is
  const archived = t.archive?.subject;
  if (!t.subject && archived && t.body.length === 0 && !t.heading) {
    t.subject = parseSubject(archived);
    ctx.diag(
      1,
      1,
      "info",
      "telegram.subject_from_archive",
      "The subject was taken from the archive's metadata.",
    );
  }
}

function reference(
  station: string,
  serial: string,
  t: Telegram,
  ctx: ReadContext,
  line: number,
): MessageReference {
  let year: string | null = null;
  const instant = t.heading?.dtg?.instant;
  if (instant) year = instant.slice(2, 4);
  else {
    const created = t.archive?.created ?? "";
    const y = /\b(19\d\d|20\d\d)\b/.exec(created);
    if (y) {
      year = (y[1] as string).slice(2);
      ctx.diag(
        line,
        1,
        "info",
        "telegram.year_from_archive",
        "The year of the message reference was taken from the archive's date.",
      );
    }
  }
  const compact = station.replace(/\s+/g, "");
  const n = String(Number(serial));
  return { year, station, serial, id: `${year ?? ""}${compact}${n}`, display: `${station} ${serial}` };
}

/** `(U) Classified by`, `CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY`, `(C) Classified by`. */
const BY_IN_BODY =
  /^(?:\([A-Z/]{1,8}\)\s*)?(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)\s*[-–]?\s*ENTIRE TEXT\.?\s*)?classified\s+by\s*:?\s*/i;

/** Some telegrams put `(U) Classified by …` in paragraph 1; read it without moving the text. */
function classifiedByInBody(t: Telegram): void {
  const first = t.body[0];
  if (!first || (first.kind !== "paragraph" && first.kind !== "text")) return;
  const m = BY_IN_BODY.exec(first.text.slice(0, 400));
  if (m) t.classifiedBy = parseClassifiedBy(first.text.slice(m[0].length));
}
