import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { AppError } from "../errors.js";
import type { AppEnv } from "./env.js";

export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> | null };
}

export function errorBody(
  code: string,
  message: string,
  details: Record<string, unknown> | null = null,
): ErrorBody {
  return { error: { code, message, details } };
}

/** Zod issues as `{field, message}` pairs naming the field by its path. */
export function zodFields(err: ZodError): { field: string; message: string }[] {
  return err.issues.map((i) => ({ field: i.path.length ? i.path.join(".") : "(body)", message: i.message }));
}

export function validationError(err: ZodError): AppError {
  const fields = zodFields(err);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  return new AppError("validation.failed", 400, `Fix these fields: ${summary}`, { fields });
}

/** Any thrown value as an AppError: unknown failures become a 500 that reveals nothing. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationError(err);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 413) return new AppError("request.too_large", 413, "The request body is too large.");
    if (status === 400 && /JSON/i.test(err.message)) {
      return new AppError(
        "request.malformed_json",
        400,
        "The request body is not valid JSON: check its syntax.",
      );
    }
    return new AppError("request.failed", status, err.message || "Request failed.");
  }
  const pgCode = postgresCode(err);
  if (pgCode === "22003" || pgCode === "22P02") {
    return new AppError(
      "request.out_of_range",
      400,
      "A number in the request is not one the database holds (ids and counts run up to 2147483647): fix it and try again.",
    );
  }
  // The pages' inputs are not all checked by the API's router: what the database cannot store is still the request's fault.
  if (pgCode === "22021" || pgCode === "22008" || pgCode === "22007") {
    return new AppError(
      "request.out_of_range",
      400,
      "A value in the request cannot be stored (a NUL character, or a date outside the calendar): fix it and try again.",
    );
  }
  return new AppError("internal", 500, "Something went wrong on the server; it has been logged.");
}

/** The SQLSTATE of a database error, or of the error a query error wraps. */
function postgresCode(err: unknown): string | undefined {
  for (
    let e = err, depth = 0;
    e && typeof e === "object" && depth < 3;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function wantsHtml(c: Context<AppEnv>): boolean {
  if (c.req.path.startsWith("/api/") || c.req.path === "/healthz") return false;
  const accept = c.req.header("accept") ?? "";
  return accept.includes("text/html");
}
