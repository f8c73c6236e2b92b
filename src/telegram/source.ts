// Recognise the form a telegram arrives in and unwrap it to the telegram's own lines,
// keeping what the archive says about it as metadata.

import { decodeEntities, parseCsvRecord, stripTags } from "./decode.js";
import type { Line, ReadContext, SourceFormat } from "./diagnostics.js";
import type { ArchiveMetadata } from "./model.js";

export interface Unwrapped {
  format: SourceFormat;
  lines: Line[];
}

const REF_ID = /^\d{2,4}[A-Z][A-Z-]*\d+$/;
const PARTIAL = "This record is a partial extract of the original cable.";
const PARTIAL_FULL = `${PARTIAL} The full text of the original cable is not available.`;

export function emptyArchive(): ArchiveMetadata {
  return {
    refId: null,
    subject: null,
    created: null,
    released: null,
    classification: null,
    origin: null,
    references: [],
    partial: false,
  };
}

export function unwrap(text: string, ctx: ReadContext): Unwrapped {
  const head = text.slice(0, 200).trimStart();
  if (head.startsWith('"') && /^"\d+","/.test(head)) return fromCsv(text.trimStart(), ctx);
  if (text.indexOf("<pre") >= 0 || text.indexOf("<PRE") >= 0) return fromHtml(text, ctx);
  const raw = toLines(text, 1);
  const header = raw.findIndex((l, i) => i < 400 && l.text === "header:");
  if (header >= 0 && raw.some((l) => l.text.includes("header ends")))
    return fromCablegateText(raw, header, ctx);
  if (looksLikeArchiveText(raw)) return fromArchiveText(raw, ctx);
  return { format: "plain", lines: raw };
}

export function toLines(text: string, firstNo: number): Line[] {
  const parts = text.split("\n");
  const lines: Line[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    lines[i] = { no: firstNo + i, text: parts[i] as string, anchored: false };
  }
  return lines;
}

function looksLikeArchiveText(lines: Line[]): boolean {
  if (lines.length < 5) return false;
  const id = lines[0]?.text.trim() ?? "";
  const cls = lines[3]?.text.trim().toUpperCase() ?? "";
  return REF_ID.test(id) && /CLASSIFIED|CONFIDENTIAL|SECRET|OFFICIAL USE/.test(cls);
}

function fromArchiveText(lines: Line[], ctx: ReadContext): Unwrapped {
  const meta = emptyArchive();
  meta.refId = lines[0]?.text.trim() || null;
  meta.subject = lines[1]?.text.trim() || null;
  meta.created = lines[2]?.text.trim() || null;
  meta.classification = lines[3]?.text.trim() || null;
  meta.origin = lines[4]?.text.trim() || null;
  ctx.archive = meta;
  let rest = lines.slice(5);
  // the note may follow a blank line
  let lead = 0;
  while (lead < rest.length && lead < 3 && (rest[lead] as Line).text.trim() === "") lead++;
  const first = rest[lead];
  if (first?.text.startsWith(PARTIAL)) {
    meta.partial = true;
    const tail = first.text.startsWith(PARTIAL_FULL)
      ? first.text.slice(PARTIAL_FULL.length)
      : first.text.slice(PARTIAL.length);
    ctx.diag(
      first.no,
      1,
      "info",
      "telegram.partial_extract",
      "The archive holds only part of this telegram.",
    );
    rest = tail.trim() ? [{ ...first, text: tail }, ...rest.slice(lead + 1)] : rest.slice(lead + 1);
  }
  return { format: "archive-text", lines: rest };
}

function fromCablegateText(lines: Line[], header: number, ctx: ReadContext): Unwrapped {
  const meta = ctx.archive ?? emptyArchive();
  ctx.archive = meta;
  if (looksLikeArchiveText(lines)) {
    meta.refId = lines[0]?.text.trim() || null;
    meta.subject = lines[1]?.text.trim() || null;
  }
  for (let i = Math.max(0, header - 12); i < header; i++) {
    const t = (lines[i] as Line).text;
    const m = /(?:^|[^a-z])(id|date|refid|origin|classification|destination): ?(.*)$/.exec(t);
    if (!m) continue;
    const value = (m[2] ?? "").trim();
    if (m[1] === "date") meta.created = value;
    else if (m[1] === "refid") meta.refId = value;
    else if (m[1] === "origin") meta.origin = value;
    else if (m[1] === "classification") meta.classification = value;
    else if (m[1] === "destination") meta.references = value ? value.split("|") : [];
  }
  const ends = lines.findIndex((l, i) => i > header && l.text.includes("header ends"));
  let stop = lines.length;
  for (let i = lines.length - 1; i > ends; i--) {
    if ((lines[i] as Line).text.includes("CABLE ENDS")) {
      stop = i;
      break;
    }
  }
  const out = [...lines.slice(header + 1, ends), ...lines.slice(ends + 1, stop)];
  return { format: "cablegate-text", lines: out };
}

function fromCsv(text: string, ctx: ReadContext): Unwrapped {
  const { fields, end } = parseCsvRecord(text);
  const meta = emptyArchive();
  ctx.archive = meta;
  if (fields.length < 8) {
    ctx.diag(
      1,
      1,
      "warning",
      "telegram.csv_short_row",
      `The CSV row has ${fields.length} fields; 8 are expected.`,
    );
  }
  const f = (i: number) => (fields[i] ?? "").trim();
  meta.created = f(1) || null;
  meta.refId = f(2) || null;
  meta.origin = f(3) || null;
  meta.classification = f(4) || null;
  meta.references = f(5) ? f(5).split(/[|,]\s*/) : [];
  if (text.slice(end).trim().length > 0) {
    ctx.diag(1, 1, "info", "telegram.csv_extra_rows", "Only the first CSV row was read.");
  }
  const headerText = (fields[6] ?? "").replace(/\r\n?/g, "\n");
  const bodyText = (fields[7] ?? "").replace(/\r\n?/g, "\n");
  const headerLines = toLines(headerText, 1);
  const bodyLines = toLines(bodyText, headerLines.length + 2);
  return {
    format: "cablegate-csv",
    lines: [...headerLines, { no: headerLines.length + 1, text: "", anchored: false }, ...bodyLines],
  };
}

function fromHtml(html: string, ctx: ReadContext): Unwrapped {
  const meta = emptyArchive();
  ctx.archive = meta;
  const table = html.indexOf("<table class='cable'>");
  if (table >= 0) {
    const tableEnd = html.indexOf("</table>", table);
    const cells: string[] = [];
    let i = html.indexOf("<td", table);
    while (i >= 0 && (tableEnd < 0 || i < tableEnd)) {
      const open = html.indexOf(">", i);
      const close = html.indexOf("</td>", open);
      if (open < 0 || close < 0) break;
      cells.push(decodeEntities(stripTags(html.slice(open + 1, close))).trim());
      i = html.indexOf("<td", close);
    }
    meta.refId = cells[0] || null;
    meta.created = cells[1] || null;
    meta.released = cells[2] || null;
    meta.classification = cells[3] || null;
    meta.origin = cells[4] || null;
  }
  const blocks: string[] = [];
  let at = Math.max(table, 0);
  for (;;) {
    const open = indexOfPre(html, at);
    if (open < 0) break;
    const start = html.indexOf(">", open) + 1;
    let close = html.indexOf("</pre>", start);
    if (close < 0) close = html.indexOf("</PRE>", start);
    if (close < 0) close = html.length;
    blocks.push(decodeEntities(stripTags(html.slice(start, close))));
    at = close;
  }
  if (blocks.length === 0) {
    ctx.diag(
      1,
      1,
      "warning",
      "telegram.html_no_text",
      "The HTML page holds no <pre> block with telegram text.",
    );
  }
  const lines: Line[] = [];
  let no = 1;
  for (const block of blocks) {
    for (const line of toLines(block.replace(/\r\n?/g, "\n"), no)) lines.push(line);
    no = lines.length + 1;
    lines.push({ no, text: "", anchored: false });
    no++;
  }
  return { format: "archive-html", lines };
}

function indexOfPre(html: string, from: number): number {
  const a = html.indexOf("<pre", from);
  const b = html.indexOf("<PRE", from);
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}
