// Bytes to text, and the HTML and CSV wrappers archives put around telegrams.

const utf8 = new TextDecoder("utf-8", { fatal: true });
const latin1 = new TextDecoder("latin1");

export interface Decoded {
  text: string;
  /** The bytes were not UTF-8 and were read as ISO-8859-1 (0xB6 is `¶`). */
  latin1: boolean;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  try {
    return { text: stripBom(utf8.decode(bytes)), latin1: false };
  } catch {
    // TextDecoder's "latin1" is windows-1252, which maps 0x80–0x9F to punctuation; ISO-8859-1
    // maps them to C1 controls, so decode those bytes by hand to stay faithful to the file.
    let hasC1 = false;
    for (const b of bytes) {
      if (b >= 0x80 && b <= 0x9f) {
        hasC1 = true;
        break;
      }
    }
    if (!hasC1) return { text: latin1.decode(bytes), latin1: true };
    let out = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      out += String.fromCharCode(...bytes.subarray(i, i + 8192));
    }
    return { text: out, latin1: true };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** CRLF and lone CR become LF. */
export function normaliseNewlines(text: string): string {
  if (text.indexOf("\r") < 0) return text;
  return text.replace(/\r\n?/g, "\n");
}

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  para: "¶",
  shy: "",
};

/**
 * Decode well-formed HTML entities only. The original cables mangled quotation marks into
 * `&…8` sequences (`&pounding on the table8`); they have no `;` and stay as written.
 */
export function decodeEntities(text: string): string {
  let i = text.indexOf("&");
  if (i < 0) return text;
  let out = "";
  let last = 0;
  while (i >= 0) {
    const semi = text.indexOf(";", i + 1);
    if (semi > i && semi - i <= 10) {
      const name = text.slice(i + 1, semi);
      const value = entityValue(name);
      if (value !== null) {
        out += text.slice(last, i) + value;
        last = semi + 1;
      }
    }
    i = text.indexOf("&", i + 1);
  }
  return out + text.slice(last);
}

function entityValue(name: string): string | null {
  if (name.charCodeAt(0) === 35 /* # */) {
    const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
    const digits = hex ? name.slice(2) : name.slice(1);
    if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return null;
    const code = Number.parseInt(digits, hex ? 16 : 10);
    if (code > 0x10ffff) return null;
    return String.fromCodePoint(code);
  }
  return NAMED[name] ?? null;
}

/** Remove tags, keeping what is between them (`<a …>¶</a>` keeps `¶`). */
export function stripTags(html: string): string {
  let i = html.indexOf("<");
  if (i < 0) return html;
  let out = "";
  let last = 0;
  while (i >= 0) {
    const close = html.indexOf(">", i + 1);
    if (close < 0) break;
    out += html.slice(last, i);
    last = close + 1;
    i = html.indexOf("<", last);
  }
  return out + html.slice(last);
}

/** Parse one CSV record from `text` starting at `start`; quoted fields may hold `""` and newlines. */
export function parseCsvRecord(text: string, start = 0): { fields: string[]; end: number } {
  const fields: string[] = [];
  let i = start;
  const n = text.length;
  for (;;) {
    let field = "";
    if (text.charCodeAt(i) === 34) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // anything between the closing quote and the separator is kept, not lost
      while (i < n && text[i] !== "," && text[i] !== "\n") field += text[i++];
    } else {
      while (i < n && text[i] !== "," && text[i] !== "\n") field += text[i++];
    }
    fields.push(field);
    if (i < n && text[i] === ",") {
      i++;
      continue;
    }
    if (i < n && text[i] === "\n") i++;
    return { fields, end: i };
  }
}
