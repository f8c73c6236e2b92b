/**
 * A representative's report on a meeting as a standard telegram: from the post to the capital,
 * referencing the guidance it reports on (REF A), slugged for the office the guidance named (the
 * passing line `STATE FOR ISN/MTR` and the last paragraph). Pure: input → the telegram engine's
 * model → its canonical text.
 *
 * Paragraph 1 is the summary. Paragraph 2 reports item by item, as lettered sub-paragraphs A, B …
 * in turn, each heading naming the guidance item it answers ("OUTREACH (REF A ITEM F)": the engine
 * reads a letter only where it follows the one before by at most three, so the guidance's own
 * letters, which skip, cannot stand); each holds what was said and the outcome, each portion with
 * its marking. Then one paragraph for each request
 * for guidance, with the time it is needed by, and last the slug. The banner is the highest
 * portion (`classificationOf`), never typed.
 */
import {
  type BodyNode,
  emptyTelegram,
  formatDtg,
  type Marking,
  type PrecedenceName,
  parseMarking,
  renderTelegram,
  type Telegram,
} from "../telegram/index.js";
import type { GuidanceReference, Portion, Release } from "./content.js";
import { classificationOf, highestCode, type LadderLike, orderOn } from "./rules.js";
import { declText, itemLetter, reference, serialText } from "./telegram.js";

/** What the representative records for one item of the guidance. */
export interface ReportItem {
  /** The guidance item's letter: "A", "F", "AA". */
  letter: string;
  heading: Portion;
  /** What was said on the item, by the representative and the others. */
  said: Portion;
  outcome: Portion;
}

/** A point raised that the guidance does not cover, and the time an answer is needed by. */
export interface GuidanceRequest {
  text: Portion;
  /** ISO instant: the next session, say. */
  neededBy: string;
}

export interface ReportInput {
  precedence: { action: PrecedenceName; info: PrecedenceName | null };
  /** FM: "AMEMBASSY PARIS". */
  from: string;
  /** The post's station, which numbers the telegram: "PARIS". */
  station: string;
  /** TO: "SECSTATE WASHDC". */
  to: string;
  info: string[];
  tags: string[];
  subject: Portion;
  /** The guidance reported on, as cited: "STATE 70895". It is REF A. */
  guidanceRef: string;
  /** Any further references, B on. */
  references: GuidanceReference[];
  /** The office the guidance asked reporting to be slugged for: "ISN/MTR"; "" for none. */
  slug: string;
  summary: Portion;
  items: ReportItem[];
  requests: GuidanceRequest[];
  /** The Classified By line; `order` defaults to the one in force on the release day. */
  classifiedBy: {
    name: string;
    title: string;
    reasons: { section: string; letters: string[] };
    order?: string;
  } | null;
  /** The declassification date (ISO). */
  declassifyOn: string | null;
  release: Release | null;
}

const mark = (code: string, position: Marking["position"]): Marking | null =>
  code ? (parseMarking(code, position) ?? { text: code, level: null, position }) : null;

const text = (t: string, m: Marking | null): BodyNode => ({ kind: "text", line: 0, text: t, marking: m });

/** How a passing line names an addressee: STATE for SECSTATE WASHDC, PARIS for AMEMBASSY PARIS. */
export function passingName(addressee: string): string {
  const a = addressee.trim().toUpperCase();
  if (/^SECSTATE\b/.test(a)) return "STATE";
  const words = a.split(/\s+/);
  return words.length > 1 && /^(AMEMBASSY|AMCONSUL|USMISSION|USDEL)$/.test(words[0] as string)
    ? words.slice(1).join(" ")
    : a;
}

/** "REQUEST FOR GUIDANCE BY 090800Z JUL 08:" for a request needed at 08:00Z on 9 July 2008. */
export const requestLine = (neededBy: string) => `REQUEST FOR GUIDANCE BY ${formatDtg(neededBy)}:`;

/** The paragraph that says where reporting is slugged. */
export const slugLine = (slug: string) => `This report is slugged for ${slug}, as REF A asks.`;

/** A report item's heading: the guidance item's heading and letter, "OUTREACH (REF A ITEM F)". */
export const itemHeading = (i: ReportItem) => `${i.heading.text.trim()} (REF A ITEM ${i.letter.trim()})`;

/** Every portion of the report: the banner is the highest of them. */
export function reportPortions(r: ReportInput): Portion[] {
  return [
    r.subject,
    r.summary,
    ...r.items.flatMap((i) => [i.heading, i.said, i.outcome]),
    ...r.requests.map((q) => q.text),
  ];
}

export function reportTelegram(r: ReportInput, ladder: LadderLike): Telegram {
  const t = emptyTelegram();
  const sentAt = r.release?.sentAt ?? null;
  const year = r.release ? String(r.release.year % 100).padStart(2, "0") : null;
  const addressee = (name: string, precedence: PrecedenceName | null) => ({
    routing: null,
    name,
    precedence,
    serial: null,
    collective: /\bCOLLECTIVE\b/i.test(name),
    exclusions: [],
  });
  t.heading = {
    formatLines: [],
    precedence: { text: "", action: r.precedence.action, info: r.info.length ? r.precedence.info : null },
    dtg: sentAt ? { text: formatDtg(sentAt), instant: sentAt.replace(/\.\d{3}Z$/, "Z") } : null,
    from: r.from,
    to: [addressee(r.to, r.precedence.action)],
    info: r.info.map((name) => addressee(name, null)),
  };
  const portions = reportPortions(r);
  const level = classificationOf(ladder, portions);
  t.classification = { level, text: level, letterSpaced: false, section: null };
  if (level === "UNCLASSIFIED" && highestCode(ladder, portions) === "SBU") t.captions = ["SENSITIVE"];
  const serial = r.release ? serialText(r.release.serial) : "XXXXXX";
  t.reference = {
    year,
    station: r.station,
    serial,
    id: `${year ?? "XX"}${r.station}${r.release ? r.release.serial : serial}`,
    display: `${r.station} ${serial}`,
  };
  t.passing = r.slug ? [`${passingName(r.to)} FOR ${r.slug}`] : [];
  // the order in force on the release day; a preview (no release) shows the order in force now
  const order = r.classifiedBy?.order ?? orderOn(sentAt?.slice(0, 10) ?? "9999-12-31");
  if (r.classifiedBy && r.declassifyOn) {
    const date = declText(r.declassifyOn);
    t.executiveOrder = {
      order,
      text: `DECL: ${date}`,
      decl: { kind: "date", text: date, date: r.declassifyOn, codes: [] },
    };
  } else if (level === "UNCLASSIFIED") {
    t.executiveOrder = { order, text: "N/A", decl: { kind: "n/a", text: "N/A", date: null, codes: [] } };
  }
  if (r.classifiedBy) {
    const c = r.classifiedBy;
    const reasons = `${c.reasons.section} ${c.reasons.letters.map((l) => `(${l})`).join(", ")}`;
    t.classifiedBy = {
      text: `${c.title} ${c.name}. Reason: ${reasons}.`,
      title: c.title,
      name: c.name,
      reasons: c.reasons,
    };
  }
  t.tags = r.tags.map((x) => ({ text: x, kind: "unknown" }));
  t.subject = { text: r.subject.text.trim(), marking: mark(r.subject.marking, "trail") };
  t.references = [
    { text: r.guidanceRef, kind: "telegram" as const, andPrevious: false },
    ...r.references,
  ].map(reference);

  const body: BodyNode[] = [];
  const para = (p: Portion, children: BodyNode[] = []) =>
    body.push({
      kind: "paragraph",
      line: 0,
      number: body.length + 1,
      text: p.text.trim(),
      marking: mark(p.marking, "lead"),
      children,
    });
  para({ text: `SUMMARY: ${r.summary.text.trim()} END SUMMARY.`, marking: r.summary.marking });
  if (r.items.length) {
    const items: BodyNode[] = r.items.map((i, k) => ({
      kind: "subparagraph",
      line: 0,
      letter: itemLetter(k),
      text: itemHeading(i),
      headingMissing: false,
      marking: mark(i.heading.marking, "lead"),
      children: [
        ...(i.said.text.trim()
          ? [text(`DISCUSSION: ${i.said.text.trim()}`, mark(i.said.marking, "trail"))]
          : []),
        ...(i.outcome.text.trim()
          ? [text(`OUTCOME: ${i.outcome.text.trim()}`, mark(i.outcome.marking, "trail"))]
          : []),
      ],
    }));
    const all = r.items.flatMap((i) => [i.heading, i.said, i.outcome]);
    para({ text: "REF A GUIDANCE, ITEM BY ITEM:", marking: highestCode(ladder, all) }, items);
  }
  for (const q of r.requests)
    para({ text: `${requestLine(q.neededBy)} ${q.text.text.trim()}`, marking: q.text.marking });
  if (r.slug) para({ text: slugLine(r.slug), marking: ladder.levels[0]?.code ?? "" });
  t.body = body;
  t.end = { lines: ["NNNN"], markers: [] };
  return t;
}

export function renderReport(r: ReportInput, ladder: LadderLike): string {
  return renderTelegram(reportTelegram(r, ladder));
}
