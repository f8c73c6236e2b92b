import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The one error type. `code` is stable (clients and tests match on it); `message` says what to fix;
 * `details` carries per-field problems. The HTTP layer maps it to
 * `{"error":{"code","message","details"}}` and the CLI prints the message.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: ContentfulStatusCode,
    message: string,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "record"): AppError =>
  new AppError("not_found", 404, `No such ${what}, or you may not see it.`);

export const invalid = (field: string, message: string): AppError =>
  new AppError("validation.failed", 400, `${field}: ${message}`, { fields: [{ field, message }] });

export const forbidden = (message = "You may not do this."): AppError =>
  new AppError("forbidden", 403, message);

export const conflict = (code: string, message: string): AppError => new AppError(code, 409, message);

/** A problem with the process's own configuration: printed as one line, then the process ends. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}
