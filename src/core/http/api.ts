import { OpenAPIHono, z } from "@hono/zod-openapi";
import { parseInstant } from "../clock.js";
import { invalid } from "../errors.js";
import type { AppEnv } from "./env.js";
import { validationError } from "./errors.js";

export type Api = OpenAPIHono<AppEnv>;

/**
 * What no field may hold, whatever its schema says: a NUL character (no text column stores one)
 * and a date in the year 0000 (the calendar has none; the database refuses it). Found by walking
 * the validated input, so every route's query, path and JSON body is checked alike.
 */
export function unstorableField(
  value: unknown,
  path: string[] = [],
): { field: string; message: string } | null {
  const field = path.length ? path.join(".") : "(body)";
  if (typeof value === "string") {
    if (value.includes("\u0000"))
      return { field, message: "remove the NUL character (\\0): text may not hold one" };
    if (/^0000-\d{2}-\d{2}/.test(value)) return { field, message: "give a date from the year 0001 on" };
    return null;
  }
  if (value instanceof Date) {
    return value.getUTCFullYear() < 1 ? { field, message: "give a date from the year 0001 on" } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = unstorableField(v, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      const found = unstorableField(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** The API's router: every route declares zod schemas that validate input and write the OpenAPI document. */
export function createApi(): Api {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
      const bad = unstorableField(result.data);
      if (bad) throw invalid(bad.field, bad.message);
    },
  });
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation.failed" }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).nullable(),
    }),
  })
  .openapi("Error");

const err = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorSchema } },
});

/** The failures every authenticated route can answer with. */
export const commonErrors = {
  400: err("Invalid input: `details.fields` names each field and what is allowed"),
  401: err("Not signed in, or the API token is unknown or revoked"),
  403: err("Signed in, but not allowed to do this"),
  404: err("No such record, or one the caller may not see"),
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The largest id or count the database's integers hold. */
export const MAX_WHOLE = 2_147_483_647;

/**
 * A whole number given as text (a path or query parameter), within the database's integers
 * (zod 4's coerce makes path parameters optional, hence the string).
 */
export const WholeNumber = z
  .string()
  .regex(/^\d+$/, "a whole number")
  .transform(Number)
  .pipe(z.number().max(MAX_WHOLE, `at most ${MAX_WHOLE}`));

/** A numeric path parameter. */
export const IdParam = WholeNumber;

export const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

/** A query's ISO 8601 date or instant; absent or empty is undefined, anything else a 400 naming it. */
export function instantParam(field: string, text: string | undefined): Date | undefined {
  if (text === undefined || text === "") return undefined;
  const d = parseInstant(text);
  if (!d)
    throw invalid(
      field,
      `${text} is not ISO 8601: give a date (2008-07-01) or an instant (2008-07-01T00:00Z)`,
    );
  return d;
}
