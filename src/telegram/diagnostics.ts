import type { ArchiveMetadata, Telegram } from "./model.js";

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
}

/** A change the reader made to the text it was given. Every change is recorded. */
export interface Repair {
  code: string;
  line: number;
  column: number;
  from: string;
  to: string;
  message: string;
}

export type SourceFormat = "plain" | "archive-text" | "cablegate-text" | "cablegate-csv" | "archive-html";

export interface ReadResult {
  model: Telegram;
  diagnostics: Diagnostic[];
  repairs: Repair[];
  format: SourceFormat;
}

/** One line of the text being read, with its 1-based number in that text. */
export interface Line {
  no: number;
  text: string;
  /** The line began with a paragraph anchor (`¶`) in the source. */
  anchored: boolean;
}

export class ReadContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly repairs: Repair[] = [];
  archive: ArchiveMetadata | null = null;

  diag(line: number, column: number, severity: Severity, code: string, message: string): void {
    this.diagnostics.push({ line, column, severity, code, message });
  }

  repair(line: number, column: number, code: string, from: string, to: string, message: string): void {
    this.repairs.push({ code, line, column, from, to, message });
  }
}
