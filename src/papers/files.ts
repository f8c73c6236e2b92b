/**
 * What a file is, judged by its content and not its name: PDF by its header; Word, Excel and
 * PowerPoint (Office Open XML) by the parts their ZIP holds. Pure.
 */
export type FileType = "pdf" | "docx" | "xlsx" | "pptx";

export const MEDIA_TYPES: Record<FileType, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** An attached Office file may unpack to at most this much, in at most this many parts. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;

export interface ZipEntry {
  name: string;
  /** The size it unpacks to, as the central directory declares it. */
  size: number;
}

/** Entry names of a ZIP archive, from its central directory; null when it is not a readable ZIP. */
export function zipEntries(b: Uint8Array): string[] | null {
  return zipDirectory(b)?.map((e) => e.name) ?? null;
}

/** A ZIP archive's central directory: each entry's name and unpacked size; null when unreadable. */
export function zipDirectory(b: Uint8Array): ZipEntry[] | null {
  if (b.length < 22 || b[0] !== 0x50 || b[1] !== 0x4b || b[2] !== 0x03 || b[3] !== 0x04) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen > b.length) return null;
    names.push({ name: decoder.decode(b.subarray(p + 46, p + 46 + nameLen)), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

export function sniffType(bytes: Uint8Array): FileType | null {
  if (bytes.length >= 5 && new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-") return "pdf";
  const entries = zipEntries(bytes);
  if (!entries?.includes("[Content_Types].xml")) return null;
  if (entries.some((e) => e.startsWith("word/"))) return "docx";
  if (entries.some((e) => e.startsWith("xl/"))) return "xlsx";
  if (entries.some((e) => e.startsWith("ppt/"))) return "pptx";
  return null;
}

export function typeFromName(name: string): FileType | null {
  const ext = name.toLowerCase().split(".").pop();
  return ext === "pdf" || ext === "docx" || ext === "xlsx" || ext === "pptx" ? ext : null;
}

/** Why a file cannot be attached, or null when it can. */
export function fileProblem(name: string, bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): string | null {
  if (bytes.length === 0) return `${name} is empty`;
  if (bytes.length > maxBytes) {
    return `${name} is ${(bytes.length / 1048576).toFixed(1)} MB; files may be at most ${(maxBytes / 1048576).toFixed(0)} MB`;
  }
  const claimed = typeFromName(name);
  if (!claimed) return `${name}: attach PDF, DOCX, XLSX or PPTX files`;
  const actual = sniffType(bytes);
  if (actual !== claimed) {
    return `${name} is named as ${claimed.toUpperCase()} but its content is ${actual ? actual.toUpperCase() : "not a PDF, DOCX, XLSX or PPTX file"}`;
  }
  if (actual !== "pdf") return unpackProblem(name, zipDirectory(bytes) ?? []);
  return null;
}

/** An Office file that would unpack past the limits is refused before anything unpacks it. */
function unpackProblem(name: string, entries: readonly ZipEntry[]): string | null {
  if (entries.length > MAX_ZIP_ENTRIES)
    return `${name} holds ${entries.length} parts; an attached file may hold at most ${MAX_ZIP_ENTRIES}`;
  // A ZIP64 size (0xFFFFFFFF here) is past the limit as it stands.
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > MAX_UNPACKED_BYTES)
    return `${name} unpacks to ${(total / 1048576).toFixed(0)} MB; an attached file may unpack to at most ${MAX_UNPACKED_BYTES / 1048576} MB`;
  return null;
}
