/**
 * Guidance as a standard telegram: content, approval and release → the telegram engine's model →
 * its canonical text. Pure. Items are the lettered sub-paragraphs of paragraph 3, between BEGIN
 * and END GUIDANCE; each instruction block opens with the line its mode gives.
 */
import {
  type BodyNode,
  emptyTelegram,
  formatDtg,
  type Marking,
  parseMarking,
  type Reference,
  renderTelegram,
  type Telegram,
} from "../telegram/index.js";
import type { Approval, GuidanceContent, GuidanceItem, Mode, Portion, Release } from "./content.js";
import { classificationOf, highestCode, type LadderLike } from "./rules.js";

/** The line that opens an instruction block. */
export function modeLine(mode: Mode, representative: string): string {
  const rep = representative.trim().toUpperCase();
  switch (mode) {
    case "should":
      return `${rep} SHOULD:`;
    case "as_appropriate":
      return `AS APPROPRIATE, ${rep} SHOULD:`;
    case "as_necessary_and_appropriate":
      return `AS NECESSARY AND APPROPRIATE, ${rep} SHOULD:`;
    case "if_raised":
      return `IF RAISED, ${rep} SHOULD MAKE THE FOLLOWING POINTS:`;
  }
}

const mark = (code: string, position: Marking["position"]): Marking | null =>
  code ? (parseMarking(code, position) ?? { text: code, level: null, position }) : null;

const text = (t: string, m: Marking | null = null): BodyNode => ({
  kind: "text",
  line: 0,
  text: t,
  marking: m,
});

/** "07/08/2033" from "2033-07-08". */
export function declText(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

/** The message number as the classification line shows it: six digits. */
export const serialText = (serial: number) => String(serial).padStart(6, "0");

function itemNodes(item: GuidanceItem, representative: string): BodyNode[] {
  const out: BodyNode[] = [];
  if (item.background) {
    const paras = item.background.text
      .split(/\n\s*\n/)
      .map((p) => p.trim().replace(/\s+/g, " "))
      .filter(Boolean);
    const last = paras.length - 1;
    paras.forEach((p, i) => {
      const body = `${i === 0 ? "(BACKGROUND: " : ""}${p}${i === last ? " END BACKGROUND.)" : ""}`;
      out.push(text(body, i === last ? mark(item.background?.marking ?? "", "trail") : null));
    });
  }
  for (const block of item.blocks) {
    out.push(text(modeLine(block.mode, representative)));
    for (const p of block.points)
      out.push({
        kind: "point",
        line: 0,
        bullet: "--",
        text: p.text.trim(),
        marking: mark(p.marking, "trail"),
      });
  }
  for (const n of item.notes) out.push(text(`NOTE: ${n.text.trim()} END NOTE.`, mark(n.marking, "trail")));
  return out;
}

/** Every portion of the guidance section (paragraph 3), for its own marking. */
export function guidancePortions(c: GuidanceContent): Portion[] {
  return [
    ...(c.openingNote ? [c.openingNote] : []),
    ...c.items.flatMap((i) => [
      i.heading,
      ...(i.background ? [i.background] : []),
      ...i.blocks.flatMap((b) => b.points),
      ...i.notes,
    ]),
  ];
}

/** Every portion of the guidance, subject included: the banner is the highest of them. */
export function allPortions(c: GuidanceContent): Portion[] {
  return [c.subject, c.actionRequest, c.purpose, ...guidancePortions(c), c.closing];
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** A, B … Z, then AA, BB …: the letter of the n-th item (0-based). */
export const itemLetter = (i: number) => (LETTERS[i % 26] as string).repeat(Math.floor(i / 26) + 1);

/** A reference as the REF line gives it, lettered A, B …: the one form guidance and reports share. */
export function reference(r: GuidanceContent["references"][number], i: number): Reference {
  const m = /^([A-Z]{2,12}(?: [A-Z]{2,12}){0,2})\s+0*(\d{1,7})$/.exec(r.text.trim());
  return {
    letter: itemLetter(i),
    text: `${r.text.trim()}${r.andPrevious ? " (AND PREVIOUS)" : ""}`,
    kind: r.kind === "telegram" ? "telegram" : r.kind === "email" ? "email" : "other",
    telegram:
      r.kind === "telegram" && m ? { year: null, station: m[1] as string, serial: m[2] as string } : null,
    andPrevious: r.andPrevious,
    notal: false,
  };
}

/**
 * The telegram the guidance is sent as. Without an approval or a release (a draft's preview) the
 * lines they give are left out or shown as to come ("XXXXXX" for the number).
 */
export function guidanceTelegram(
  c: GuidanceContent,
  ladder: LadderLike,
  approval: Approval | null,
  release: Release | null,
): Telegram {
  const t = emptyTelegram();
  const sentAt = release?.sentAt ?? null;
  const year = release ? String(release.year % 100).padStart(2, "0") : null;
  t.heading = {
    formatLines: [],
    precedence: {
      text: "",
      action: c.precedence.action,
      info: c.info.length ? c.precedence.info : null,
    },
    dtg: sentAt ? { text: formatDtg(sentAt), instant: sentAt.replace(/\.\d{3}Z$/, "Z") } : null,
    from: c.from,
    to: [
      {
        routing: null,
        name: c.to.name,
        precedence: c.to.precedence,
        serial: null,
        collective: false,
        exclusions: [],
      },
    ],
    info: c.info.map((name) => ({
      routing: null,
      name,
      precedence: null,
      serial: null,
      collective: /\bCOLLECTIVE\b/i.test(name),
      exclusions: [],
    })),
  };
  const level = classificationOf(ladder, allPortions(c));
  t.classification = { level, text: level, letterSpaced: false, section: null };
  // Sensitive but unclassified travels unclassified, with its caption.
  if (level === "UNCLASSIFIED" && highestCode(ladder, allPortions(c)) === "SBU") t.captions = ["SENSITIVE"];
  const serial = release ? serialText(release.serial) : "XXXXXX";
  t.reference = {
    year,
    station: c.station,
    serial,
    id: `${year ?? "XX"}${c.station}${release ? release.serial : serial}`,
    display: `${c.station} ${serial}`,
  };
  t.passing = c.attention ? [c.attention] : [];
  if (approval) {
    const decl = `DECL: ${declText(approval.declassifyOn)}`;
    t.executiveOrder = {
      order: approval.order,
      text: decl,
      decl: { kind: "date", text: decl, date: approval.declassifyOn, codes: [] },
    };
    const reasons = `${approval.reasons.section} ${approval.reasons.letters.map((l) => `(${l})`).join(", ")}`;
    t.classifiedBy = {
      text: `${approval.title} ${approval.name}. Reason: ${reasons}.`,
      title: approval.title,
      name: approval.name,
      reasons: approval.reasons,
    };
  }
  t.tags = c.tags.map((x) => ({ text: x, kind: "unknown" }));
  t.subject = { text: c.subject.text.trim(), marking: mark(c.subject.marking, "trail") };
  t.references = c.references.map(reference);
  const para = (number: number, p: Portion, children: BodyNode[] = []): BodyNode => ({
    kind: "paragraph",
    line: 0,
    number,
    text: p.text.trim(),
    marking: mark(p.marking, "lead"),
    children,
  });
  const guidance: BodyNode[] = [];
  if (c.openingNote)
    guidance.push(text(`NOTE: ${c.openingNote.text.trim()} END NOTE.`, mark(c.openingNote.marking, "trail")));
  c.items.forEach((item, i) => {
    guidance.push({
      kind: "subparagraph",
      line: 0,
      letter: itemLetter(i),
      text: item.heading.text.trim(),
      headingMissing: false,
      marking: mark(item.heading.marking, "lead"),
      children: itemNodes(item, c.representative),
    });
  });
  guidance.push(text("END GUIDANCE."));
  t.body = [
    para(1, c.actionRequest),
    para(2, c.purpose),
    para(3, { text: "BEGIN GUIDANCE:", marking: highestCode(ladder, guidancePortions(c)) }, guidance),
    para(4, c.closing),
  ];
  t.end = { lines: ["NNNN"], markers: [] };
  return t;
}

export function renderGuidance(
  c: GuidanceContent,
  ladder: LadderLike,
  approval: Approval | null,
  release: Release | null,
): string {
  return renderTelegram(guidanceTelegram(c, ladder, approval, release));
}
