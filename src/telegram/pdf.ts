// Telegrams printed to PDF: the text layer laid out again as the lines of the printout, so the
// reader sees the telegram as it was printed (captions at the start of their lines, paragraphs
// apart). The only part of the engine that is not pure: the PDF library reads the file.

/** A PDF file starts with `%PDF-` (some writers put a few bytes of junk first). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

interface Piece {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** At most this many pages are read: a telegram is rarely longer than a few dozen. */
const MAX_PAGES = 500;

/**
 * The text of a PDF, one printed line per line: pieces on one baseline are joined in order of
 * their position, with the spaces their distance on the page stands for (printouts of telegrams
 * are in a fixed-width face), and a gap of more than a line between baselines is a blank line.
 * A PDF with no text layer (a scan) gives "". Throws on a file the library cannot open.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= Math.min(doc.numPages, MAX_PAGES); i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const it of content.items) {
        if (!("str" in it) || it.str === "") continue;
        const [, , , , x, y] = it.transform as number[];
        pieces.push({ text: it.str, x: x ?? 0, y: y ?? 0, width: it.width, height: it.height });
      }
      pages.push(layOut(pieces));
      page.cleanup();
    }
    return pages.join("\n\n");
  } finally {
    await doc.destroy();
  }
}

/** Pieces of one page → its lines. Pure: exported for tests. */
export function layOut(pieces: readonly Piece[]): string {
  if (pieces.length === 0) return "";
  // The width of one character of the face, from pieces with no space in them.
  const widths = pieces
    .filter((p) => p.text.trim() !== "" && p.width > 0)
    .map((p) => p.width / p.text.length)
    .sort((a, b) => a - b);
  const charWidth = widths.length ? (widths[Math.floor(widths.length / 2)] as number) : 6;
  const left = Math.min(...pieces.map((p) => p.x));
  // Baselines from the top of the page down; pieces within a third of a line are on one line.
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; pieces: Piece[] }[] = [];
  for (const p of sorted) {
    const last = lines[lines.length - 1];
    const tolerance = Math.max(1, (p.height || charWidth * 1.6) / 3);
    if (last && Math.abs(last.y - p.y) <= tolerance) last.pieces.push(p);
    else lines.push({ y: p.y, pieces: [p] });
  }
  const gaps = lines
    .slice(1)
    .map((l, i) => (lines[i] as { y: number }).y - l.y)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  const lineHeight = gaps.length ? (gaps[Math.floor(gaps.length / 2)] as number) : charWidth * 1.7;
  const out: string[] = [];
  let previousY: number | null = null;
  for (const line of lines) {
    if (previousY !== null) {
      const blank = Math.round((previousY - line.y) / lineHeight) - 1;
      for (let k = 0; k < Math.min(blank, 3); k++) out.push("");
    }
    previousY = line.y;
    let text = "";
    for (const p of line.pieces.sort((a, b) => a.x - b.x)) {
      const column = Math.max(0, Math.round((p.x - left) / charWidth));
      if (column > text.length) text += " ".repeat(column - text.length);
      else if (text !== "" && !text.endsWith(" ") && !p.text.startsWith(" ") && column < text.length - 1) {
        // Overlapping pieces (a bold face printed twice): keep the first.
        continue;
      }
      text += p.text;
    }
    out.push(text.trimEnd());
  }
  return out.join("\n");
}
