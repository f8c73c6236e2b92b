import fs from "node:fs";
import path from "node:path";
import { parseCsvRecord } from "../decode.js";
import { isPdf, pdfText } from "../pdf.js";

/** One thing to import: a file, or one row of a Cablegate CSV; or why it could not be read. */
export type ImportItem = { name: string; bytes: Uint8Array } | { name: string; error: string };

/**
 * A telegram printed to PDF is stored as the text of its printout (the telegram itself, laid out
 * line by line), not as the PDF: the archive keeps telegrams, and reads them again from that text.
 */
async function pdfItem(name: string, bytes: Uint8Array): Promise<ImportItem> {
  try {
    const text = await pdfText(bytes);
    if (text.trim() === "")
      return {
        name,
        error: "the PDF has no text layer (a scanned image?): there is no telegram text to read",
      };
    return { name, bytes: Buffer.from(text, "utf8") };
  } catch (e) {
    return { name, error: `not a PDF that can be opened (${e instanceof Error ? e.message : String(e)})` };
  }
}

const CABLEGATE_FIELDS = 8;

/** Expands files and folders (recursively, sorted) and splits CSV files into their rows. */
export async function* importItems(paths: string[]): AsyncGenerator<ImportItem> {
  for (const p of paths) yield* expand(p);
}

async function* expand(p: string): AsyncGenerator<ImportItem> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(p);
  } catch (e) {
    yield { name: p, error: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
    return;
  }
  if (stat.isDirectory()) {
    const entries = (await fs.promises.readdir(p)).filter((n) => !n.startsWith(".")).sort();
    for (const entry of entries) yield* expand(path.join(p, entry));
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(p);
  } catch (e) {
    yield { name: p, error: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
    return;
  }
  if (p.toLowerCase().endsWith(".csv")) {
    yield* csvRows(p, bytes.toString("utf8"));
    return;
  }
  if (isPdf(bytes)) {
    yield await pdfItem(p, bytes);
    return;
  }
  yield { name: p, bytes };
}

/**
 * The rows of a Cablegate CSV (id, date, refid, origin, classification, references, header, body).
 * A row with another number of fields is reported and skipped; the next row is read on.
 */
export function* csvRows(name: string, text: string): Generator<ImportItem> {
  let pos = 0;
  let row = 0;
  while (pos < text.length) {
    const start = pos;
    const { fields, end } = parseCsvRecord(text, pos);
    row++;
    pos = end > pos ? end : text.length;
    const slice = text.slice(start, end);
    if (!slice.trim()) continue;
    if (fields.length !== CABLEGATE_FIELDS) {
      yield {
        name: `${name}:row ${row}`,
        error: `broken CSV row: ${fields.length} fields where a Cablegate row has ${CABLEGATE_FIELDS} (id, date, refid, origin, classification, references, header, body)`,
      };
      continue;
    }
    yield { name: `${name}:row ${row}`, bytes: Buffer.from(slice, "utf8") };
  }
}
