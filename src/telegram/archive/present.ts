/** The archive's rows → the shapes the API returns and the pages show. Presenting writes no audit entry. */
import { levelAt } from "../../core/access/markings.js";
import type { Reader } from "../../core/access/reader.js";
import type { Telegram } from "../model.js";
import { readRaw } from "./policy.js";
import type { telegrams } from "./schema.js";

export interface TelegramSummary {
  id: number;
  messageRef: string | null;
  sentAt: string | null;
  originator: string | null;
  classification: string;
  subject: string | null;
  subjectWithheld: boolean;
  tags: string[];
  snippet: string | null;
}

export interface ListedTelegram {
  id: number;
  messageRef: string | null;
  sentAt: Date | null;
  originator: string | null;
  banner: number;
  subject: string | null;
  subjectRank: number;
  tags: string[];
  snippet: string | null;
}

/** Whether the reader's clearance reaches the subject's marking. */
export const subjectShown = (reader: Reader, t: { subjectRank: number }): boolean =>
  t.subjectRank <= reader.nationalClearance;

export function presentSummary(t: ListedTelegram, reader: Reader): TelegramSummary {
  const shown = subjectShown(reader, t);
  return {
    id: t.id,
    messageRef: t.messageRef,
    sentAt: t.sentAt?.toISOString() ?? null,
    originator: t.originator,
    classification: levelAt(reader.government.ladder, t.banner).label,
    subject: shown ? t.subject : null,
    subjectWithheld: !shown,
    tags: t.tags,
    snippet: t.snippet,
  };
}

export interface TelegramView {
  id: number;
  messageRef: string | null;
  display: string | null;
  sentAt: string | null;
  originator: string | null;
  classification: string;
  space: string;
  tags: string[];
  format: string;
  importedAt: string;
  diagnostics: number;
  repairs: number;
  /** The model as the reader may see it: portions above the reader's clearance are withheld. */
  telegram: Telegram;
  text: string;
  withheldPortions: number;
  /** Whether the reader may have the raw bytes (cleared for the whole telegram). */
  rawAllowed: boolean;
}

function countWithheld(text: string): number {
  return (text.match(/\[WITHHELD: \(/g) ?? []).length;
}

/** One telegram as the reader may read it: `model` and `text` are already redacted for them. */
export function presentTelegram(
  row: typeof telegrams.$inferSelect,
  redacted: { model: Telegram; text: string },
  reader: Reader,
): TelegramView {
  return {
    id: row.id,
    messageRef: row.messageRef,
    display: redacted.model.reference?.display ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    originator: row.originator,
    classification: levelAt(reader.government.ladder, row.banner).label,
    space: row.space,
    tags: row.tags,
    format: row.format,
    importedAt: row.importedAt.toISOString(),
    diagnostics: row.diagnostics,
    repairs: row.repairs,
    telegram: redacted.model,
    text: redacted.text,
    withheldPortions: countWithheld(redacted.text),
    rawAllowed: readRaw.allows(reader, row),
  };
}
