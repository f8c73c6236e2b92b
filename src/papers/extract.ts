import type { FileType } from "./files.js";

/** The text of a PDF or Word file, for search; other types give none. Never throws: a file we cannot read is still attached. */
export async function extractText(type: FileType, bytes: Uint8Array): Promise<string> {
  try {
    if (type === "docx") {
      const { default: mammoth } = await import("mammoth");
      const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return r.value.trim();
    }
    if (type === "pdf") return await pdfText(bytes);
  } catch {
    // A damaged or encrypted file: attached, but its text is not searchable.
  }
  return "";
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= Math.min(doc.numPages, 500); i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  await doc.destroy();
  return pages
    .join("\n")
    .replace(/[ \t]+/g, " ")
    .trim();
}
