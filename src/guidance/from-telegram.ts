/**
 * A guidance telegram, as the telegram engine reads it, turned back into guidance content: the
 * start of next meeting's draft. Pure. Items come from the lettered sub-paragraphs of the guidance
 * paragraph; instruction blocks and their modes from the lines `modeLine` writes; background,
 * notes and points with their own markings. Whatever has no place in the content is listed in
 * `unplaced`, naming where it stood; the content never holds a guess.
 *
 * Markings become codes of the US ladder (U, SBU, C, S, TS). A text portion without a marking of
 * its own takes that of the paragraph or sub-paragraph it stands in (the seed's opening note is
 * left to paragraph 3's); a point never does (points carry their own). In an unclassified
 * telegram without a caption every unmarked portion is U. Dissemination controls (`C/NF`,
 * `C/REL MTCR`) have no place in a code: the level is kept and the marking listed as unplaced.
 */
import type { BodyNode, Marking, Paragraph, Reference, SubParagraph, Telegram } from "../telegram/index.js";
import { levelOfClassification, parseMarking } from "../telegram/index.js";
import type {
  GuidanceContent,
  GuidanceItem,
  GuidanceReference,
  InstructionBlock,
  Mode,
  Portion,
} from "./content.js";
import { itemLetter } from "./telegram.js";

/** Something of the telegram the content has no place for: where it stood and its text. */
export interface Unplaced {
  /** "paragraph 3, item F"; "paragraph 3, item F, heading (lost in the copy)" when text is empty. */
  where: string;
  text: string;
}

export interface FromTelegram {
  content: GuidanceContent;
  unplaced: Unplaced[];
}

const REST = String.raw`\s*,?\s*(.{1,60}?)\s+SHOULD(?:\s[^:.]{0,60})?:$`;
const MODE_LINES: { mode: Mode; re: RegExp }[] = [
  { mode: "as_necessary_and_appropriate", re: new RegExp(`^AS NECESSARY AND APPROPRIATE${REST}`, "i") },
  { mode: "as_appropriate", re: new RegExp(`^AS APPROPRIATE${REST}`, "i") },
  { mode: "if_raised", re: new RegExp(`^IF RAISED${REST}`, "i") },
  { mode: "should", re: /^([A-Z][A-Z0-9 .'/&-]{0,59}?)\s+SHOULD:$/i },
];

/** The mode and the representative a line that opens an instruction block names; null for other text. */
export function readModeLine(text: string): { mode: Mode; representative: string } | null {
  const t = text.trim();
  if (!t.endsWith(":") || t.length > 140) return null;
  for (const { mode, re } of MODE_LINES) {
    const m = re.exec(t);
    if (m?.[1]) return { mode, representative: m[1].trim().replace(/\s+/g, " ") };
  }
  return null;
}

const SLUG = /\bSLUG(?:GED)?\b.*?\bFOR\s+([A-Z0-9][A-Z0-9/_-]*[A-Z0-9])/i;

/** The office reporting should be slugged for ("ISN/MTR"), from the closing text; "" when it names none. */
export function slugOf(text: string): string {
  return SLUG.exec(text)?.[1]?.toUpperCase() ?? "";
}

const WHOLE_LEVEL =
  /^(?:U|UNCLAS|UNCLASSIFIED|SBU|FOUO|LOU|U\/\/FOUO|U\/\/SBU|C|CONFIDENTIAL|S|SECRET|TS|TOP SECRET)$/i;

const shown = (n: BodyNode): string => {
  const m = n.marking ? `(${n.marking.text})` : "";
  if (n.kind === "paragraph") return [`${n.number ?? ""}.`, m, n.text].filter(Boolean).join(" ");
  if (n.kind === "subparagraph") return [`${n.letter}.`, m, n.text].filter(Boolean).join(" ");
  if (n.kind === "point") return [`${n.bullet}${n.text}`, m].filter(Boolean).join(" ");
  return [n.text, m].filter(Boolean).join(" ");
};

/** One lettered sub-paragraph, or one the engine read as text inside Z ("AA. (C) HEADING"). */
interface ItemSource {
  letter: string;
  heading: string;
  marking: Marking | null;
  headingMissing: boolean;
  children: BodyNode[];
}

const DOUBLED = /^([A-Z])\1+\.(?:\s+|$)(.*)$/;

/**
 * The engine reads single letters only: the items after Z (AA, BB … as `itemLetter` writes them)
 * arrive as text inside Z. Split them out again, each letter only where it follows the one before.
 */
function itemSources(subs: SubParagraph[]): ItemSource[] {
  const out: ItemSource[] = [];
  for (const s of subs) {
    let cur: ItemSource = {
      letter: s.letter.toUpperCase(),
      heading: s.text,
      marking: s.marking,
      headingMissing: s.headingMissing,
      children: [],
    };
    out.push(cur);
    for (const c of s.children) {
      const m = c.kind === "text" ? DOUBLED.exec(c.text) : null;
      const next = itemLetter(indexOfLetter(cur.letter) + 1);
      if (m && (cur.letter === "Z" || cur.letter.length > 1) && c.text.startsWith(`${next}.`)) {
        const rest = (m[2] ?? "").trim();
        const lead = rest.startsWith("(") ? rest.indexOf(")") : -1;
        const inner = lead > 0 ? parseMarking(rest.slice(1, lead), "lead") : null;
        cur = {
          letter: next,
          heading: inner ? rest.slice(lead + 1).trim() : rest,
          marking: inner ?? c.marking,
          headingMissing: false,
          children: [],
        };
        out.push(cur);
      } else cur.children.push(c);
    }
  }
  return out;
}

/** The inverse of `itemLetter`: A → 0, Z → 25, AA → 26. */
function indexOfLetter(letter: string): number {
  return (letter.length - 1) * 26 + (letter.charCodeAt(0) - 65);
}

const isText = (n: BodyNode | undefined): n is Extract<BodyNode, { kind: "text" }> => n?.kind === "text";

/**
 * A delimited text portion (`(BACKGROUND: … END BACKGROUND.)`, `NOTE: … END NOTE.`) from
 * `children[i]` on, over as many text portions as it runs: its paragraphs, their highest marking
 * and the index after it.
 */
function delimited(
  children: BodyNode[],
  i: number,
  open: RegExp,
  close: RegExp,
): { paragraphs: string[]; markings: Marking[]; next: number } {
  const paragraphs: string[] = [];
  const markings: Marking[] = [];
  let k = i;
  for (; k < children.length; k++) {
    const c = children[k];
    if (!isText(c) || (k > i && (open.test(c.text) || readModeLine(c.text)))) break;
    let t = k === i ? c.text.replace(open, "") : c.text;
    const closed = close.test(t);
    t = t.replace(close, "").trim();
    if (t) paragraphs.push(t.replace(/\s+/g, " "));
    if (c.marking) markings.push(c.marking);
    if (closed) {
      k++;
      break;
    }
  }
  return { paragraphs, markings, next: k };
}

const BACKGROUND_OPEN = /^\(BACKGROUND\s*:\s*/i;
const BACKGROUND_CLOSE = /\s*END BACKGROUND\s*\.?\s*\)?\s*$/i;
const NOTE_OPEN = /^NOTE\s*:\s*/i;
const NOTE_CLOSE = /\s*END NOTE\s*\.?\s*$/i;
const LEVELS = ["U", "SBU", "C", "S", "TS"];

export function guidanceFromTelegram(model: Telegram): FromTelegram {
  const unplaced: Unplaced[] = [];
  const lost = (where: string, text: string) => unplaced.push({ where, text });
  const cls = model.classification;
  const bottom = cls && levelOfClassification(cls.level, model.captions) === "U" ? "U" : "";
  /** The code of a marking; `inherit` when there is none or it names no level. */
  const code = (m: Marking | null, where: string, inherit = bottom): string => {
    if (!m) return inherit;
    if (!m.level || !WHOLE_LEVEL.test(m.text.trim())) lost(`${where}, marking`, `(${m.text})`);
    return m.level ?? inherit;
  };
  const highest = (ms: Marking[], where: string, inherit: string): string => {
    const codes = ms.map((m) => code(m, where, ""));
    const top = Math.max(-1, ...codes.map((c) => LEVELS.indexOf(c)));
    return top < 0 ? inherit : (LEVELS[top] as string);
  };

  const h = model.heading;
  const action = h?.precedence?.action ?? "ROUTINE";
  const to = h?.to[0];
  for (const a of h?.to.slice(1) ?? []) lost("TO", a.name);
  for (const a of h?.info ?? []) for (const x of a.exclusions) lost(`INFO ${a.name}`, `XMT ${x}`);
  for (const p of model.passing.slice(1)) lost("passing line", p);
  for (const c of model.captions) if (c.toUpperCase() !== "SENSITIVE") lost("captions", c);
  if (model.signature) lost("signature", model.signature);

  const paragraphs = model.body.filter((n): n is Paragraph => n.kind === "paragraph");
  for (const n of model.body) if (n.kind !== "paragraph") lost("body, outside the paragraphs", shown(n));
  let g = paragraphs.findIndex((p) => /^BEGIN GUIDANCE\b/i.test(p.text));
  if (g < 0) g = paragraphs.findIndex((p) => p.children.some((c) => c.kind === "subparagraph"));
  const para = (p: Paragraph | undefined): Portion => {
    if (!p) return { text: "", marking: "" };
    for (const c of p.children) lost(`paragraph ${p.number ?? ""}`, shown(c));
    return { text: p.text, marking: code(p.marking, `paragraph ${p.number ?? ""}`) };
  };
  // Before the guidance: the action request and the purpose; after it, the last is the closing.
  const pre = g < 0 ? paragraphs.length : g;
  const end = paragraphs.length - 1;
  const closingAt = end > g && end >= 2 ? end : -1;
  paragraphs.forEach((p, i) => {
    if (i >= Math.min(pre, 2) && i !== g && i !== closingAt) lost(`paragraph ${p.number ?? ""}`, shown(p));
  });
  const actionRequest = para(pre > 0 ? paragraphs[0] : undefined);
  const purpose = para(pre > 1 ? paragraphs[1] : undefined);
  const closing = para(paragraphs[closingAt]);

  let representative = "";
  let openingNote: Portion | null = null;
  const items: GuidanceItem[] = [];
  const gp = paragraphs[g];
  if (gp) {
    const here = `paragraph ${gp.number ?? ""}`;
    const rest = gp.text.replace(/^BEGIN GUIDANCE\s*:?\s*/i, "").trim();
    if (rest) lost(here, rest);
    const pm = code(gp.marking, here);
    const subs: SubParagraph[] = [];
    let ended = false;
    for (let i = 0; i < gp.children.length; ) {
      const c = gp.children[i] as BodyNode;
      if (ended) lost(`${here}, after END GUIDANCE`, shown(c));
      else if (c.kind === "subparagraph") subs.push(c);
      else if (isText(c) && /^END GUIDANCE\b\s*\.?$/i.test(c.text)) ended = true;
      else if (isText(c) && !subs.length && !openingNote && NOTE_OPEN.test(c.text)) {
        const d = delimited(gp.children, i, NOTE_OPEN, NOTE_CLOSE);
        openingNote = { text: d.paragraphs.join(" "), marking: highest(d.markings, `${here}, note`, pm) };
        i = d.next;
        continue;
      } else lost(subs.length ? `${here}, after item ${subs[subs.length - 1]?.letter}` : here, shown(c));
      i++;
    }
    for (const src of itemSources(subs)) {
      const where = `${here}, item ${src.letter}`;
      if (src.headingMissing) lost(`${where}, heading (lost in the copy)`, "");
      const heading = { text: src.heading, marking: code(src.marking, `${where}, heading`) };
      const item: GuidanceItem = { agendaItemId: null, heading, background: null, blocks: [], notes: [] };
      let block: InstructionBlock | null = null;
      let point = 0;
      for (let i = 0; i < src.children.length; ) {
        const c = src.children[i] as BodyNode;
        const mode = isText(c) ? readModeLine(c.text) : null;
        if (c.kind === "point") {
          point++;
          const marking = code(c.marking, `${where}, point ${point}`, bottom);
          if (block) block.points.push({ text: c.text, marking });
          else lost(`${where}, before any instruction line`, shown(c));
        } else if (isText(c) && BACKGROUND_OPEN.test(c.text)) {
          const d = delimited(src.children, i, BACKGROUND_OPEN, BACKGROUND_CLOSE);
          const prev = item.background;
          const paras = [...(prev ? [prev.text] : []), ...d.paragraphs];
          const m = highest(d.markings, `${where}, background`, heading.marking);
          item.background = { text: paras.join("\n\n"), marking: prev ? higher(prev.marking, m) : m };
          block = null;
          i = d.next;
          continue;
        } else if (isText(c) && NOTE_OPEN.test(c.text)) {
          const d = delimited(src.children, i, NOTE_OPEN, NOTE_CLOSE);
          const m = highest(d.markings, `${where}, note`, heading.marking);
          item.notes.push({ text: d.paragraphs.join(" "), marking: m });
          i = d.next;
          continue;
        } else if (mode) {
          if (!representative) representative = mode.representative;
          else if (mode.representative.toUpperCase() !== representative.toUpperCase())
            lost(`${where}, representative`, c.text);
          block = { mode: mode.mode, points: [] };
          item.blocks.push(block);
        } else lost(where, shown(c));
        i++;
      }
      items.push(item);
    }
  }

  const content: GuidanceContent = {
    precedence: { action, info: h?.precedence?.info ?? null },
    from: h?.from ?? "",
    station: model.reference?.station ?? "",
    to: { name: to?.name ?? "", precedence: to?.precedence ?? action },
    info: (h?.info ?? []).map((a) => a.name),
    attention: model.passing[0] ?? null,
    tags: model.tags.map((t) => t.text),
    subject: {
      text: model.subject?.text ?? "",
      marking: code(model.subject?.marking ?? null, "the subject"),
    },
    references: model.references.map(reference),
    actionRequest,
    purpose,
    openingNote,
    representative,
    items,
    slug: slugOf(closing.text),
    closing,
  };
  return { content, unplaced };
}

const higher = (a: string, b: string) => (LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b);

function reference(r: Reference): GuidanceReference {
  const text = r.text.replace(/\s*\(?\bAND PREVIOUS\b\)?/i, "").trim();
  const kind = /^POC\s+DOC\s+\d/i.test(text)
    ? "paper"
    : r.kind === "telegram"
      ? "telegram"
      : r.kind === "email"
        ? "email"
        : "other";
  return { kind, text, andPrevious: r.andPrevious };
}
