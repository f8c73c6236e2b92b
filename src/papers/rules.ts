/** The rules of the register: pure functions, no I/O. */
import { levelAt, REGIME_LADDER, rankOf } from "../core/access/markings.js";

export const PAPER_KINDS = [
  "proposal",
  "ie_paper",
  "presentation",
  "agenda",
  "draft_agenda",
  "call_for_papers",
  "matrix",
  "report",
  "chairs_statement",
  "record_of_decision",
] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export const PAPER_KIND_LABELS: Record<PaperKind, string> = {
  proposal: "Proposal",
  ie_paper: "IE paper",
  presentation: "Presentation",
  agenda: "Agenda",
  draft_agenda: "Draft agenda",
  call_for_papers: "Call for papers",
  matrix: "Matrix",
  report: "Report",
  chairs_statement: "Chair's statement",
  record_of_decision: "Record of decision",
};

export const PAPER_STATUSES = ["draft", "submitted", "circulated", "withdrawn"] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

/** A summary fits on a title page: at most this many lines of at most LINE_WIDTH characters. */
export const SUMMARY_MAX_LINES = 10;
export const LINE_WIDTH = 100;

/** Lines a summary takes: each hard line, wrapped at LINE_WIDTH characters. */
export function summaryLines(text: string): number {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  if (lines.length === 1 && (lines[0] ?? "").trim() === "") return 0;
  return lines.reduce((n, l) => n + Math.max(1, Math.ceil(l.trimEnd().length / LINE_WIDTH)), 0);
}

export function summaryProblem(text: string): string | null {
  const n = summaryLines(text);
  if (n > SUMMARY_MAX_LINES) {
    return `the summary takes ${n} lines; at most ${SUMMARY_MAX_LINES} are allowed (a line holds up to ${LINE_WIDTH} characters)`;
  }
  return null;
}

const NEXT: Record<PaperStatus, readonly PaperStatus[]> = {
  draft: ["submitted", "withdrawn"],
  submitted: ["circulated", "withdrawn"],
  circulated: ["withdrawn"],
  withdrawn: [],
};

export function canMove(from: PaperStatus, to: PaperStatus): boolean {
  return NEXT[from].includes(to);
}

export function transitionProblem(from: PaperStatus, to: PaperStatus): string | null {
  if (canMove(from, to)) return null;
  if (from === to) return `the paper is already ${from}`;
  const allowed = NEXT[from];
  return allowed.length
    ? `a ${from} paper can only become ${allowed.join(" or ")}`
    : `a ${from} paper cannot change status; submit a new paper instead`;
}

/** Kinds that must name their country of origin on the title page. */
export function needsCountryOfOrigin(kind: PaperKind): boolean {
  return kind === "ie_paper" || kind === "presentation" || kind === "proposal";
}

/** Why a paper of this kind cannot go without the country of origin it names, or null. */
export function countryOfOriginProblem(kind: PaperKind, country: string | null | undefined): string | null {
  return needsCountryOfOrigin(kind) && !country
    ? "an IE paper, presentation or proposal names its country of origin on its title page"
    : null;
}

/** The same paper twice: same originator, kind, meeting and title (case and spacing aside). */
export function dedupeKey(p: {
  government: string;
  kind: PaperKind;
  meetingId: number | null;
  title: string;
}): string {
  const title = p.title.toLowerCase().replace(/\s+/g, " ").trim();
  return `${p.government}|${p.kind}|${p.meetingId ?? "-"}|${title}`;
}

/** What a draft is called until the Point of Contact receives it and it takes its number. */
export const DRAFT_LABEL = "Draft (no number yet)";

/** "POC DOC 39"; a draft, which has no number yet, is DRAFT_LABEL. */
export function paperLabel(number: number | null): string {
  return number === null ? DRAFT_LABEL : `POC DOC ${number}`;
}

/**
 * How a paper is named in addresses (`/papers/39`, `/api/v1/papers/draft-12`): by its POC DOC
 * number, or, while a draft has none, by its id after "draft-". A draft's address keeps answering
 * once the paper is numbered.
 */
export type PaperRef = { number: number } | { id: number };

export function paperRef(p: { id: number; number: number | null }): string {
  return p.number === null ? `draft-${p.id}` : String(p.number);
}

/** The reference an address names; `PaperRefParam` has checked its form. */
export function parsePaperRef(text: string): PaperRef {
  return text.startsWith("draft-") ? { id: Number(text.slice(6)) } : { number: Number(text) };
}

/** The number of a paper that has been received (submitted or circulated): it has one by then. */
export function numberOf(p: { id: number; number: number | null }): number {
  if (p.number === null) throw new Error(`paper ${p.id} was received without a POC DOC number`);
  return p.number;
}

/** The reference as an audit entry's target: the number, or the draft's address. */
export function paperTarget(p: { id: number; number: number | null }): string {
  return paperRef(p);
}

/** The register's one number sequence, kept under the regime's name. */
export const REGIME_ID = "mtcr";

/**
 * The space an audit entry about a paper belongs to: the regime's once the paper is circulated;
 * until then its government's, so that an entry about a draft or a submission does not reveal the
 * paper to other Partners' administrators browsing the log.
 */
export function auditSpace(paper: { circulatedAt: Date | null; governmentCode: string }): string {
  return paper.circulatedAt ? "regime" : paper.governmentCode;
}

/**
 * The portion marks of the regime's ladder a file's text holds above `rank` — "(RC)" or
 * "(REGIME CONFIDENTIAL)" in a file attached as RR — each once, highest first. A file is never
 * filed below what it says of itself.
 */
export function marksAbove(text: string, rank: number): string[] {
  const found = new Map<string, number>();
  for (const m of text.matchAll(/\(([A-Z][A-Z ]{0,30}[A-Z])\)/g)) {
    const words = m[1] ?? "";
    const r = rankOf(REGIME_LADDER, words);
    if (r !== null && r > rank) found.set(levelAt(REGIME_LADDER, r).code, r);
  }
  return [...found.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => `(${code})`);
}
