// Line-level noise that copying, OCR and archives add, removed before structure is read.
// Each change is recorded as a repair; the structural repairs (`12.` for `¶2.`) need
// context and are made by the body reader.

import type { Line, ReadContext } from "./diagnostics.js";

const LATEX_PILCROW = /\$\\P\s*([0-9A-Za-z]{1,3})\$/g;
const LATEX_SPACING = /\s*\$\\(?:[,;:! ]|quad|qquad)\$/g;
const PAGE_HEADER = /^\s*PAGE \d{2}\s{2,}/;
const CONTINUATION = /^\s*[A-Z][A-Z .'-]{1,30} \d{5,8}\s+\d{3}(?:\.\d)? OF \d{3}\s*$/;
const PTQ = /^\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s+PTQ\d+\s*$/;
const FOOTER = /^\s{10,}(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|TOP SECRET)\s*$/;
const DISTRIBUTION = /^(?:ACTION|INFO)?\s+(?:[A-Z0-9]{1,6}-\d\d\s+){2,}/;
const DIST_LINE =
  /^\s*(?:ACTION\s+[A-Z]+-\d\d|(?:INFO\s+)?(?:[A-Z0-9]{1,6}-\d\d(?:\s+|$))+(?:\/\d+W)?|\/\d+W|-{6,}[0-9A-F]{6}\s+\d{6}Z\s+\/\d+)\s*$/;
const SLASH_RUN = /\s*\/{5,}\s*$/;

/** Characters that make a line worth a closer look; lines without them pass untouched. */
function suspicious(text: string): boolean {
  const c = text.charCodeAt(0);
  // ¶ (0xB6), $, -, space, P (PAGE), A/I (distribution), and upper-case first letters of page lines
  if (c === 0xb6 || c === 36 || c === 45 || c === 32 || c === 9) return true;
  if (text.indexOf("$") >= 0) return true;
  if (text.endsWith("/////") || text.endsWith("///// ")) return true;
  if (
    c >= 65 &&
    c <= 90 &&
    text.length < 90 &&
    /\d(?:\.\d)? OF \d{3}|PTQ\d|^PAGE \d|-\d\d(?:\s|$)/.test(text)
  )
    return true;
  return false;
}

/**
 * Clean lines in place: LaTeX pilcrows and spacing, list prefixes the copy added, paragraph
 * anchors, page-break and distribution lines. Returns the lines that remain.
 */
export function cleanLines(lines: Line[], ctx: ReadContext): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    let text = line.text;
    if (text.length > 0 && text.charCodeAt(text.length - 1) <= 32) text = text.trimEnd();
    if (!suspicious(text)) {
      out.push(text === line.text ? line : { ...line, text });
      continue;
    }
    if (isPageLine(text)) {
      ctx.repair(
        line.no,
        1,
        "telegram.page_line_removed",
        text,
        "",
        "Removed a page-break or page-header line.",
      );
      dropBlankTail(out);
      continue;
    }
    if (DIST_LINE.test(text) || (DISTRIBUTION.test(text) && !/[a-z]/.test(text))) {
      ctx.repair(
        line.no,
        1,
        "telegram.distribution_removed",
        text,
        "",
        "Removed a receiving station's distribution line.",
      );
      continue;
    }
    const cleaned = cleanText(text, line.no, ctx);
    out.push({ no: line.no, text: cleaned.text, anchored: line.anchored || cleaned.anchored });
  }
  return out;
}

function isPageLine(text: string): boolean {
  return PAGE_HEADER.test(text) || CONTINUATION.test(text) || PTQ.test(text) || FOOTER.test(text);
}

function dropBlankTail(out: Line[]): void {
  while (out.length > 0 && (out[out.length - 1] as Line).text.trim() === "") out.pop();
}

export function cleanText(input: string, no: number, ctx: ReadContext): { text: string; anchored: boolean } {
  let text = input;
  if (text.indexOf("$") >= 0) {
    const pil = text.replace(LATEX_PILCROW, "¶$1");
    if (pil !== text) {
      ctx.repair(
        no,
        text.indexOf("$\\P") + 1,
        "telegram.latex_pilcrow",
        text,
        pil,
        "Read `$\\P n$` as the paragraph mark ¶.",
      );
      text = pil;
    }
    const sp = text.replace(LATEX_SPACING, "");
    if (sp !== text) {
      ctx.repair(
        no,
        text.indexOf("$") + 1,
        "telegram.latex_spacing_removed",
        text,
        sp,
        "Removed typesetting spacing (`$\\,$`) left by the copy.",
      );
      text = sp;
    }
  }
  // `- ` before a structure is a list bullet from the web page, not part of the telegram
  if (text.startsWith("- ") && /^- +(?:--|¶|\d{1,3}\.\s|\d[A-Z]\.\s)/.test(text)) {
    const to = text.replace(/^- +/, "");
    ctx.repair(
      no,
      1,
      "telegram.list_prefix_removed",
      text,
      to,
      "Removed a list bullet the web copy put before the line.",
    );
    text = to;
  }
  let anchored = false;
  const lead = text.length - text.trimStart().length;
  if (text.charCodeAt(lead) === 0xb6) {
    anchored = true;
    let to = text.slice(lead + 1);
    // `¶ 1.` and `¶¶1.` (duplicated anchors) both mean `1.`
    while (to.charCodeAt(0) === 0xb6 || to.charCodeAt(0) === 32) to = to.slice(1);
    ctx.repair(
      no,
      lead + 1,
      "telegram.pilcrow_removed",
      text,
      to,
      "Removed the archive's paragraph anchor ¶.",
    );
    text = to;
  }
  if (text.endsWith("/////")) {
    const to = text.replace(SLASH_RUN, "");
    ctx.repair(
      no,
      to.length + 1,
      "telegram.noise_removed",
      text,
      to,
      "Removed a run of slashes left by the copy.",
    );
    text = to;
  }
  return { text, anchored };
}
