import type { ContentfulStatusCode } from "hono/utils/http-status";
import { installPlainMessages } from "./messages.js";

// Every schema's default messages are plain words, wherever it is parsed (API, pages, command line).
installPlainMessages();

/** A capability's stable error codes and the HTTP status each answers with. */
export type ErrorTable = Readonly<Record<string, ContentfulStatusCode>>;

/** The codes core itself answers with. */
export const CORE_ERRORS = {
  not_found: 404,
  forbidden: 403,
  internal: 500,
  "validation.failed": 400,
  "auth.required": 401,
  "auth.malformed": 401,
  "auth.invalid_token": 401,
  "csrf.invalid": 403,
  "request.too_large": 413,
  "request.malformed_json": 400,
  "request.out_of_range": 400,
  /** An audit entry older than its predecessor: the clock is behind the log. */
  "audit.out_of_order": 500,
  /** Any other refusal by the HTTP layer, with its own status. */
  "request.failed": 400 as ContentfulStatusCode,
} as const satisfies ErrorTable;

type CoreErrorCodes = typeof CORE_ERRORS;

/**
 * Every error code and its status. Each capability adds its table in its `errors.ts`
 * (`declare module "../core/errors.js" { interface ErrorCodes extends MyCodes {} }`), so a code
 * nobody declared, or the wrong status for one, fails to compile; the OpenAPI document lists them.
 */
export interface ErrorCodes extends CoreErrorCodes {}

export type ErrorCode = keyof ErrorCodes & string;

/** The codes that answer with status S. */
export type CodesWith<S extends number> = {
  [K in ErrorCode]: ErrorCodes[K] extends S ? K : never;
}[ErrorCode];

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The one error type. `code` is stable (clients and tests match on it); `message` says what to fix;
 * `details` carries per-field problems. The HTTP layer maps it to
 * `{"error":{"code","message","details"}}` and the CLI prints the message.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: C,
    status: ErrorCodes[C],
    message: string,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.status = status as ContentfulStatusCode;
    this.name = "AppError";
  }

  /** The per-field problems of a validation error, or none. */
  get fields(): FieldProblem[] {
    const f = this.details?.fields;
    return Array.isArray(f) ? (f as FieldProblem[]) : [];
  }
}

export const notFound = (what = "record"): AppError =>
  new AppError("not_found", 404, `No such ${what}, or you may not see it.`);

/** The one validation error: every bad field named, with what is allowed. */
export function invalidFields(problems: readonly FieldProblem[], message?: string): AppError {
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
  return new AppError("validation.failed", 400, message ?? `Fix these fields: ${summary}`, {
    fields: [...problems],
  });
}

/** One bad field: the message is that field's own line. */
export const invalid = (field: string, message: string): AppError =>
  invalidFields([{ field, message }], `${field}: ${message}`);

export const forbidden = (message = "You may not do this."): AppError =>
  new AppError("forbidden", 403, message);

export const conflict = (code: CodesWith<409>, message: string): AppError =>
  new AppError(code, 409 as ErrorCodes[typeof code], message);

/** The one row a statement returned (an insert's or update's `.returning()`): none is a bug, not a user's error. */
export function one<T>(rows: readonly T[], what = "row"): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`expected one ${what}, got none`);
  return row;
}

/** A problem with the process's own configuration: printed as one line, then the process ends. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}
