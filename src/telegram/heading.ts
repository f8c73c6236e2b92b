// The routing heading: ACP-127 format lines, precedence and date-time group, FM, TO, INFO, XMT.

import { findGluedClassification, matchClassification } from "./classification.js";
import type { Line, ReadContext } from "./diagnostics.js";
import { parseDtg } from "./dtg.js";
import { type Addressee, type Heading, PROSIGNS, type PrecedenceName } from "./model.js";

const PRECEDENCE_LINE = /^([ZOPR])(?:\s?([ZOPR]))?\s+(\d{6}Z\s+[A-Za-z]{3}\s+\d{2,4})(?=\s|$)\s*(.*)$/;
const BARE_DTG = /^(\d{6}Z\s+[A-Za-z]{3}\s+\d{2,4})\s*$/;
const FORMAT_LINE = /^(?:VZCZC|DE\s+[A-Z]{4,}|ZNY\s|ZNR\s|ZZ\s|OO\s|PP\s|RR\s|ZZ$|RUE[A-Z]{2}|HR\s|<<\d+>>)/;
const ARCHIVE_LINE = /^\d{4}[A-Z]+\d+ - /;
const WORD_PRECEDENCES: ReadonlyArray<readonly [RegExp, PrecedenceName, string | null]> = [
  [/\s+NIACT\s+IMMEDIATE$/, "NIACT IMMEDIATE", null],
  [/\s+IMMEDIATE$/, "IMMEDIATE", null],
  [/\s+IMMEDATE$/, "IMMEDIATE", "IMMEDATE"],
  [/\s+PRIORITY$/, "PRIORITY", null],
  [/\s+(PRIOITY|PIORITY|PRIORTY|PRORITY)$/, "PRIORITY", "typo"],
  [/\s+ROUTINE$/, "ROUTINE", null],
  [/\s+FLASH$/, "FLASH", null],
];

export interface HeadingResult {
  heading: Heading | null;
  /** Index of the first line after the heading. */
  next: number;
  /** A classification line split off the heading's last line. */
  glued: Line | null;
}

function emptyHeading(): Heading {
  return { formatLines: [], precedence: null, dtg: null, from: null, to: [], info: [] };
}

/** A line where a heading may start after a record or e-mail header. */
export function startsHeading(text: string): boolean {
  const t = text.trim();
  return t.startsWith("VZCZC") || PRECEDENCE_LINE.test(t) || BARE_DTG.test(t);
}

export function readHeading(lines: Line[], ctx: ReadContext, from = 0): HeadingResult {
  const h = emptyHeading();
  let i = from;
  let seen = false;
  while (i < lines.length && i < from + 60) {
    const t = (lines[i] as Line).text;
    if (t.trim() === "") {
      i++;
      continue;
    }
    if (ARCHIVE_LINE.test(t)) {
      ctx.diag(
        (lines[i] as Line).no,
        1,
        "info",
        "telegram.archive_line",
        "Skipped the archive's record line.",
      );
      i++;
      continue;
    }
    if (FORMAT_LINE.test(t) && !matchClassification(t)) {
      h.formatLines.push(t.trim());
      seen = true;
      i++;
      continue;
    }
    break;
  }
  const first = lines[i];
  const pre = first ? PRECEDENCE_LINE.exec(first.text.trim()) : null;
  const bare = first && !pre ? BARE_DTG.exec(first.text.trim()) : null;
  if (!first || (!pre && !bare)) {
    if (!seen) return { heading: null, next: i, glued: null };
    return { heading: h, next: i, glued: null };
  }
  if (pre) {
    const action = PROSIGNS[pre[1] as string] as PrecedenceName;
    const info = pre[2] ? (PROSIGNS[pre[2]] as PrecedenceName) : null;
    h.precedence = { text: pre[2] ? `${pre[1]} ${pre[2]}` : (pre[1] as string), action, info };
  }
  const dtgText = (pre ? pre[3] : bare?.[1]) as string;
  h.dtg = parseDtg(dtgText.replace(/\s+/g, " "), first.no, ctx);
  // The heading's lines, with a one-line copy (`P R 021202Z JUL 08 FM … TO … INFO …`) split apart.
  const work: Line[] = [];
  const rest = pre?.[4] ?? "";
  if (rest) {
    const parts = rest.split(/\s+(?=(?:FM|TO|INFO|XMT)\s)/);
    if (!/^(FM|TO|INFO)\s/.test(rest)) parts[0] = `FM ${parts[0]}`;
    ctx.repair(
      first.no,
      first.text.indexOf(rest) + 1,
      "telegram.heading_split",
      first.text,
      parts.join(" / "),
      "Split a heading copied onto one line into FM, TO and INFO lines.",
    );
    for (const p of parts) work.push({ no: first.no, text: p, anchored: false });
  }
  i++;
  let glued: Line | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    const t = line.text.trim();
    if (t === "") {
      // a blank line ends the heading unless more addressees follow
      const nx = lines[i + 1]?.text.trim() ?? "";
      if (/^(FM|TO|INFO|XMT)\s/.test(nx)) continue;
      break;
    }
    if (matchClassification(t)) break;
    const g = findGluedClassification(line.text);
    if (g) {
      const head = line.text.slice(0, g.index);
      const tail = line.text.slice(g.index);
      ctx.repair(
        line.no,
        g.index + 1,
        "telegram.line_split",
        line.text,
        `${head} / ${tail}`,
        "Split the classification line from the heading line it was glued to.",
      );
      work.push({ ...line, text: head });
      glued = { no: line.no, text: tail, anchored: false };
      i++;
      break;
    }
    if (t === "BT") break;
    work.push(line);
  }
  readAddressLines(work, h, ctx);
  return { heading: h, next: i, glued };
}

function readAddressLines(work: Line[], h: Heading, ctx: ReadContext): void {
  let mode: "none" | "to" | "info" = "none";
  for (const line of work) {
    let t = line.text.trim();
    if (t === "") continue;
    if (t.startsWith("FM ")) {
      h.from = fixName(t.slice(3).trim(), line, ctx);
      continue;
    }
    if (t.startsWith("TO ")) {
      mode = "to";
      t = t.slice(3).trim();
    } else if (t.startsWith("INFO ")) {
      mode = "info";
      t = t.slice(5).trim();
    } else if (t.startsWith("XMT ")) {
      const list = mode === "info" ? h.info : h.to;
      const target = [...list].reverse().find((a) => a.collective) ?? list[list.length - 1];
      if (target) target.exclusions.push(t.slice(4).trim());
      continue;
    }
    if (mode === "none") continue;
    const a = parseAddressee(t, line, ctx);
    (mode === "to" ? h.to : h.info).push(a);
  }
}

function fixName(name: string, line: Line, ctx: ReadContext): string {
  if (name.startsWith("AMMBASSY ")) {
    const to = `AMEMBASSY ${name.slice(9)}`;
    ctx.repair(line.no, 1, "telegram.addressee_typo", name, to, "Read AMMBASSY as AMEMBASSY.");
    return to;
  }
  return name;
}

export function parseAddressee(text: string, line: Line, ctx: ReadContext): Addressee {
  let t = text;
  let routing: string | null = null;
  const slash = /^([A-Z]{5,7})\/(?=\S)/.exec(t);
  if (slash) {
    routing = slash[1] as string;
    t = t.slice(slash[0].length);
  }
  let serial: string | null = null;
  const num = /\s+(\d{1,5})$/.exec(t);
  if (num) {
    serial = num[1] as string;
    t = t.slice(0, num.index);
  }
  let precedence: PrecedenceName | null = null;
  for (const [re, name, typo] of WORD_PRECEDENCES) {
    const m = re.exec(t);
    if (!m) continue;
    if (typo) {
      ctx.repair(
        line.no,
        m.index + 2,
        "telegram.precedence_typo",
        m[0].trim(),
        name,
        `Read ${m[0].trim()} as ${name}.`,
      );
    }
    precedence = name;
    t = t.slice(0, m.index);
    break;
  }
  const name = fixName(t.trim(), line, ctx);
  return { routing, name, precedence, serial, collective: /\bCOLLECTIVE\b/.test(name), exclusions: [] };
}
