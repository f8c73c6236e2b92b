// The typed model of a diplomatic telegram (5 FAH-1 H-200 layout, as seen in Cablegate).
// Fields keep the text as written next to the values derived from it, so a renderer can
// reproduce what a drafter wrote and a checker can reason about the values.

export type PrecedenceName = "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE" | "NIACT IMMEDIATE";

/** Prosign letters of the precedence line; NIACT has no letter of its own and travels as O. */
export const PROSIGNS: Readonly<Record<string, PrecedenceName>> = {
  Z: "FLASH",
  O: "IMMEDIATE",
  P: "PRIORITY",
  R: "ROUTINE",
};

/** Higher is more urgent. NIACT IMMEDIATE outranks IMMEDIATE: it wakes someone up. */
export const PRECEDENCE_RANK: Readonly<Record<PrecedenceName, number>> = {
  ROUTINE: 1,
  PRIORITY: 2,
  IMMEDIATE: 3,
  "NIACT IMMEDIATE": 4,
  FLASH: 5,
};

export interface Precedences {
  /** As written, e.g. `P R`. */
  text: string;
  action: PrecedenceName;
  /** Dual precedence: the second letter is for information addressees. */
  info: PrecedenceName | null;
}

export interface DateTimeGroup {
  /** As written, e.g. `021202Z JUL 08`. */
  text: string;
  /** The instant as an ISO string, null when the group does not name a real time. */
  instant: string | null;
}

export interface Addressee {
  /** Routing indicator before a slash (`RUEHC/SECSTATE WASHDC`), if any. */
  routing: string | null;
  name: string;
  precedence: PrecedenceName | null;
  /** Message serial for this addressee, e.g. `6888` in `TO SECSTATE WASHDC 6888`. */
  serial: string | null;
  collective: boolean;
  /** Posts excluded from a collective with `XMT`. */
  exclusions: string[];
}

export interface Heading {
  /** ACP-127 opening lines (VZCZC…, routing, `DE RUEH… #nnnn`, `ZNY CCCCC ZZH`), as written. */
  formatLines: string[];
  precedence: Precedences | null;
  dtg: DateTimeGroup | null;
  from: string | null;
  to: Addressee[];
  info: Addressee[];
}

export type ClassificationLevel =
  | "UNCLASSIFIED"
  | "LIMITED OFFICIAL USE"
  | "CONFIDENTIAL"
  | "SECRET"
  | "TOP SECRET";

export interface ClassificationLine {
  level: ClassificationLevel;
  /** The level as written: `UNCLAS`, `UNCLAS EFTO`, `C O N F I D E N T I A L`. */
  text: string;
  letterSpaced: boolean;
  /** `SECTION 01 OF 03`, when the telegram was sent in sections. */
  section: { index: number; of: number } | null;
}

export interface MessageReference {
  /** Two-digit year, from the date-time group; null when unknown. */
  year: string | null;
  station: string;
  /** Serial as written on the classification line (leading zeros kept). */
  serial: string;
  /** Cablegate identifier: `08STATE70895`. */
  id: string;
  /** How the telegram cites itself: `STATE 070895`. */
  display: string;
}

export type DeclassificationKind = "date" | "exemption" | "n/a" | "oadr" | "event";

export interface Declassification {
  kind: DeclassificationKind;
  /** The instruction as written after `DECL:` (or the whole text after the order). */
  text: string;
  /** ISO date (YYYY-MM-DD) for kind `date`. */
  date: string | null;
  /** Exemption codes for kind `exemption`: `X1`…`X8`, `25X1`…. */
  codes: string[];
}

export interface ExecutiveOrder {
  /** `12958`, `13526`, `12356`, `12065`, `11652`. */
  order: string;
  /** Everything after the order number, as written. */
  text: string;
  decl: Declassification | null;
}

export type TagKind = "subject" | "program" | "geographic" | "organisation" | "person" | "unknown";

export interface Tag {
  text: string;
  kind: TagKind;
}

export type MarkingLevel = "U" | "SBU" | "C" | "S" | "TS";

export interface Marking {
  /** The marking inside the parentheses: `C`, `SBU/NF`, `S//REL SAU`, `C/REL MTCR`. */
  text: string;
  /** Normalised US level; null when the text names no level known to the ladder. */
  level: MarkingLevel | null;
  /** Where the marking stands: before the text (paragraphs) or after it (points). */
  position: "lead" | "trail";
}

export interface Subject {
  text: string;
  marking: Marking | null;
}

export type ReferenceKind = "telegram" | "email" | "other";

export interface Reference {
  /** `A`, `B` …; null for a single unlettered reference. */
  letter: string | null;
  /** The reference as written after its letter. */
  text: string;
  kind: ReferenceKind;
  /** For telegram references: year (null when omitted, meaning the telegram's own year). */
  telegram: { year: string | null; station: string; serial: string } | null;
  andPrevious: boolean;
  notal: boolean;
}

export interface ClassifiedBy {
  /** Everything after `Classified By:`, as written. */
  text: string;
  title: string;
  name: string;
  reasons: { section: string; letters: string[] } | null;
}

interface NodeBase {
  /** 1-based line in the text as read; 0 for nodes built in code. */
  line: number;
  marking: Marking | null;
}

export interface Paragraph extends NodeBase {
  kind: "paragraph";
  /** Null for an unnumbered paragraph (a single-paragraph telegram). */
  number: number | null;
  text: string;
  children: BodyNode[];
}

export interface SubParagraph extends NodeBase {
  kind: "subparagraph";
  /** As written: `A`, `b`. */
  letter: string;
  /** The heading or the text that follows the letter. */
  text: string;
  /** The copy lost the heading line; the reader placed the content here. */
  headingMissing: boolean;
  children: BodyNode[];
}

export interface Point extends NodeBase {
  kind: "point";
  /** `--` in most telegrams, sometimes `-`. */
  bullet: string;
  text: string;
}

export interface TextPortion extends NodeBase {
  kind: "text";
  text: string;
}

export type BodyNode = Paragraph | SubParagraph | Point | TextPortion;

export type BlockKind = "GUIDANCE" | "BACKGROUND" | "NOTE" | "SUMMARY" | "COMMENT" | "TEXT" | (string & {});

export interface Block {
  kind: BlockKind;
  /** Index path of the node that opens the block (into `body`, then `children`). */
  openPath: number[];
  /** Index path of the node that closes it; null when never closed. */
  closePath: number[] | null;
  openLine: number;
  closeLine: number | null;
}

export interface ActionRequest {
  /** The paragraph that says this is an action request. */
  paragraph: number | null;
  /** The paragraph the action is in. */
  pointsTo: number | null;
}

export interface EndLines {
  /** ACP-127 end lines: `BT`, `#0881`, `NNNN`. */
  lines: string[];
  /** Markers added by archives: `End Cable Text`, `CABLE ENDS`. */
  markers: string[];
}

/** What an archive says about the telegram beside its text (metadata lines, table, CSV row). */
export interface ArchiveMetadata {
  refId: string | null;
  subject: string | null;
  created: string | null;
  released: string | null;
  classification: string | null;
  origin: string | null;
  references: string[];
  /** The archive holds only part of the telegram. */
  partial: boolean;
}

export interface Telegram {
  heading: Heading | null;
  classification: ClassificationLine | null;
  reference: MessageReference | null;
  /** Handling captions: SIPDIS, NOFORN, `SECRET//REL SAU`, SENSITIVE … */
  captions: string[];
  /** Passing and attention lines: `PARIS FOR EST:H.SMITH`. */
  passing: string[];
  executiveOrder: ExecutiveOrder | null;
  tags: Tag[];
  subject: Subject | null;
  references: Reference[];
  classifiedBy: ClassifiedBy | null;
  body: BodyNode[];
  /** Paired delimiters found in the body (derived from the body text). */
  blocks: Block[];
  /** Derived from paragraph 1 when it says "action request". */
  actionRequest: ActionRequest | null;
  signature: string | null;
  end: EndLines;
  archive: ArchiveMetadata | null;
}

export function emptyTelegram(): Telegram {
  return {
    heading: null,
    classification: null,
    reference: null,
    captions: [],
    passing: [],
    executiveOrder: null,
    tags: [],
    subject: null,
    references: [],
    classifiedBy: null,
    body: [],
    blocks: [],
    actionRequest: null,
    signature: null,
    end: { lines: [], markers: [] },
    archive: null,
  };
}
