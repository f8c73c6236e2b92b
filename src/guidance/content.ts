/**
 * Guidance as data: what a capital drafts for its representative at one meeting, portion by
 * portion. Every portion carries a marking code on the government's national ladder; an empty
 * marking is a portion not yet marked (a draft may have one, an approval may not). The banner is
 * computed from the portions (`rules.ts`), never typed. Pure types; the zod schemas that accept
 * them are in `contract.ts`.
 */
import type { PrecedenceName } from "../telegram/index.js";

export const MODES = ["should", "as_appropriate", "as_necessary_and_appropriate", "if_raised"] as const;
export type Mode = (typeof MODES)[number];

export const MODE_LABELS: Record<Mode, string> = {
  should: "should",
  as_appropriate: "as appropriate",
  as_necessary_and_appropriate: "as necessary and appropriate",
  if_raised: "if raised",
};

/** A piece of text and its marking code (e.g. "C"); "" while unmarked. */
export interface Portion {
  text: string;
  marking: string;
}

export const REFERENCE_KINDS = ["telegram", "email", "paper", "other"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/**
 * A reference as the telegram lists it: a telegram by station and number ("STATE 633"), an e-mail,
 * a paper by POC DOC number, or anything else as written.
 */
export interface GuidanceReference {
  kind: ReferenceKind;
  /** As the REF line shows it: "STATE 65780", "SMITH-DURHAM E MAIL OF 06-26-08", "POC DOC 66". */
  text: string;
  /** "(AND PREVIOUS)": the telegram and those before it on the subject. */
  andPrevious: boolean;
}

export interface InstructionBlock {
  mode: Mode;
  points: Portion[];
}

/** One lettered sub-paragraph: the guidance on one agenda item. */
export interface GuidanceItem {
  /** The agenda item (a record of the meeting) this item is guidance for. */
  agendaItemId: number | null;
  heading: Portion;
  /** Background, marked as one portion; paragraphs separated by a blank line. */
  background: Portion | null;
  blocks: InstructionBlock[];
  notes: Portion[];
}

export interface Addressee {
  name: string;
  precedence: PrecedenceName;
}

export interface GuidanceContent {
  /** The action precedence and, for information addressees, the second (dual) one. */
  precedence: { action: PrecedenceName; info: PrecedenceName | null };
  /** FM: the capital, "SECSTATE WASHDC". */
  from: string;
  /** The station whose counter numbers the telegram: "STATE". */
  station: string;
  /** TO: the post, "AMEMBASSY PARIS", with its precedence. */
  to: Addressee;
  /** INFO addressees, e.g. the MTCR collective. */
  info: string[];
  /** The attention line: "PARIS FOR EST:H.SMITH". */
  attention: string | null;
  tags: string[];
  subject: Portion;
  references: GuidanceReference[];
  /** Paragraph 1: "This is an action request. Embassy Paris please see paragraph 3." */
  actionRequest: Portion;
  /** Paragraph 2: what the guidance is for. */
  purpose: Portion;
  /** The note that opens the guidance: seek guidance on what is not addressed below. */
  openingNote: Portion | null;
  /** How the instructions name the representative: "EMBASSY REP". */
  representative: string;
  items: GuidanceItem[];
  /** The office reporting is slugged for: "ISN/MTR". */
  slug: string;
  /** The last paragraph: slug reporting for the office; where the Word version is posted. */
  closing: Portion;
}

/** What approval adds: the Classified By line and the declassification instruction. */
export interface Approval {
  name: string;
  title: string;
  /** "1.4 (B), (D)": the section and the letters. */
  reasons: { section: string; letters: string[] };
  /** E.O. 12958 or 13526: the order in force on the day. */
  order: string;
  /** The declassification date (ISO), computed by the rule the approver picked. */
  declassifyOn: string;
}

/** What release adds: the date-time group and the message number. */
export interface Release {
  sentAt: string;
  year: number;
  serial: number;
}
