/**
 * Reading an output as a reader would: a JSON answer, a page, a calendar, a CSV, or a Word or
 * Excel file (a ZIP of XML, every entry read, its text with and without the markup between runs).
 */
import { inflateRawSync } from "node:zlib";
import type { TestContext } from "../context.js";

/** The entries of a ZIP file, by name (stored and deflated entries: what Office files hold). */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a ZIP file: no end of central directory");
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error("a broken ZIP central directory");
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

export interface Output {
  status: number;
  contentType: string;
  /** Everything the reader got, as text: ZIP files' entries joined. */
  text: string;
  /** The text with markup, search highlights and calendar line folds taken out. */
  plain: string;
  /** The body as received, for comparing a hidden record's answer with a missing one's. */
  raw: Buffer;
}

const entities = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

export function textOf(raw: Buffer, contentType: string): { text: string; plain: string } {
  const zip = raw.length > 4 && raw.readUInt32LE(0) === 0x04034b50;
  let text = zip
    ? [...unzip(raw)].map(([name, body]) => `${name}\n${body.toString("utf8")}`).join("\n")
    : raw.toString(contentType.includes("pdf") ? "latin1" : "utf8");
  if (contentType.includes("calendar")) text = text.replace(/\r?\n[ \t]/g, "");
  const plain = entities(text.replace(/<[^>]*>/g, "").replace(/[«»]/g, ""));
  return { text, plain };
}

/** A GET as the reader: the API with their token, a page with their session, as a browser asks. */
export async function readOutput(
  t: TestContext,
  username: string,
  path: string,
  auth: { token: string; cookie: string },
): Promise<Output> {
  const api = path.startsWith("/api/");
  const res = await t.request(path, {
    headers: api ? { authorization: `Bearer ${auth.token}` } : { cookie: auth.cookie, accept: "text/html" },
  });
  const raw = Buffer.from(await res.arrayBuffer());
  const contentType = res.headers.get("content-type") ?? "";
  if (res.status >= 500)
    throw new Error(`GET ${path} as ${username} answered ${res.status}: ${raw.toString()}`);
  return { status: res.status, contentType, raw, ...textOf(raw, contentType) };
}
