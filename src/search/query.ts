/**
 * What a search's words say, read before the database sees them: plain words, phrases in quotes,
 * `-word` to leave out and `or` (as the database's web-search syntax reads them), words ending in
 * `*` as prefixes (`enact*`), and fields (`tags:MTCRE`, `from:PARIS`, `from:"AMEMBASSY PARIS"`,
 * `type:telegram`, `marking:C`, `year:2008`). A word with a colon that names no field is a word
 * (`MTCR:` in a pasted subject). Pure: no I/O.
 */

export const QUERY_FIELDS = ["tags", "from", "type", "marking", "year"] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export interface ParsedQuery {
  /** Words, phrases, exclusions and `or`, for `websearch_to_tsquery`; "" when there are none. */
  text: string;
  /** Prefixes, without their `*`: each matches every word it begins. */
  prefixes: string[];
  /** TAGS a telegram must carry, upper case. */
  tags: string[];
  from?: string;
  type?: string;
  marking?: string;
  year?: number;
}

export type QueryProblem = { problem: string };

const TOKEN = /(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))/g;
/** A prefix: letters and digits of any script, at least two, then `*`. */
const PREFIX = /^[\p{L}\p{N}]{2,}\*$/u;

const isField = (name: string | undefined): name is QueryField =>
  name !== undefined && (QUERY_FIELDS as readonly string[]).includes(name.toLowerCase());

export function parseQuery(q: string): ParsedQuery | QueryProblem {
  const words: string[] = [];
  const out: ParsedQuery = { text: "", prefixes: [], tags: [] };
  for (const m of q.matchAll(TOKEN)) {
    const [whole, minus, name, quoted, bare] = m;
    if (isField(name)) {
      const field = name.toLowerCase() as QueryField;
      const value = (quoted ?? bare ?? "").trim();
      if (minus)
        return { problem: `${field}: cannot be left out with "-"; give the words to leave out instead` };
      if (!value) return { problem: `${field}: give a value after the colon, e.g. ${example(field)}` };
      const problem = setField(out, field, value);
      if (problem) return problem;
      continue;
    }
    const token = name !== undefined && bare !== undefined ? `${name}:${bare}` : whole;
    if (quoted === undefined && !minus && PREFIX.test(token)) {
      out.prefixes.push(token.slice(0, -1).toLowerCase());
      continue;
    }
    if (quoted === undefined && token.includes("*"))
      return {
        problem: `"${token}": a * ends a word of at least two letters or digits, as in enact*`,
      };
    words.push(quoted !== undefined ? `${minus}"${quoted.replace(/"/g, "")}"` : token);
  }
  out.text = words.join(" ").trim();
  if (!out.text && out.prefixes.length === 0)
    return { problem: "give words to search for, besides the fields (tags:, from: …)" };
  return out;
}

function example(field: QueryField): string {
  return {
    tags: "tags:MTCRE",
    from: "from:PARIS",
    type: "type:telegram",
    marking: "marking:C",
    year: "year:2008",
  }[field];
}

function setField(out: ParsedQuery, field: QueryField, value: string): QueryProblem | null {
  switch (field) {
    case "tags": {
      const tags = value
        .split(",")
        .map((t) => t.trim().toUpperCase())
        .filter(Boolean);
      if (tags.some((t) => !/^[A-Z0-9 ._-]{1,40}$/.test(t)))
        return { problem: `tags: "${value}" is not a TAGS line's tag; give tags such as tags:MTCRE,PARM` };
      out.tags.push(...tags);
      return null;
    }
    case "year": {
      if (!/^[0-9]{4}$/.test(value) || Number(value) < 1900)
        return { problem: `year: "${value}" is not a year; give four digits, e.g. year:2008` };
      out.year = Number(value);
      return null;
    }
    case "type":
      if (!/^[a-z_]{1,40}$/.test(value.toLowerCase()))
        return { problem: `type: "${value}" is not a record type; give one such as type:paper` };
      out.type = value.toLowerCase();
      return null;
    case "marking":
      out.marking = value.toUpperCase();
      return null;
    default:
      out.from = value;
      return null;
  }
}
