/**
 * The one way a page's form is handled: its fields are read into the shape of the API's zod
 * contract and parsed with that contract, the change runs, and on any problem the page comes back
 * with everything typed kept, an error summary at the top and each field's message beside it.
 */
import type { z } from "@hono/zod-openapi";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FieldProblem } from "../errors.js";
import type { Ctx } from "../http/env.js";
import { toAppError } from "../http/errors.js";

export type FormBody = Record<string, string | File | (string | File)[]>;

/** A form as the page shows it: what was typed, and what is wrong with it. */
export interface FormState {
  /** Field ids are `${prefix}-${name}` (or the name alone when the prefix is empty). */
  prefix: string;
  values: Record<string, string | string[]>;
  /** By form field name: the message shown beside the field. */
  errors: Record<string, string>;
  /** In order, for the error summary: each links to its field, or stands alone (field null). */
  problems: { field: string | null; message: string }[];
}

export function emptyForm(prefix: string, values: Record<string, string | string[]> = {}): FormState {
  return { prefix, values, errors: {}, problems: [] };
}

export function fieldId(form: Pick<FormState, "prefix">, name: string): string {
  return form.prefix ? `${form.prefix}-${name}` : name;
}

/** What was typed in a form, read as the contract wants it. */
export class FormFields {
  constructor(readonly body: FormBody) {}

  /** The field's text, trimmed; "" when absent. */
  text(name: string): string {
    const v = this.body[name];
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === "string" ? first.trim() : "";
  }

  /** The text, or undefined when empty: for optional fields. */
  optional(name: string): string | undefined {
    return this.text(name) || undefined;
  }

  /** The text, or null when empty: for fields that may be cleared. */
  nullable(name: string): string | null {
    return this.text(name) || null;
  }

  /** Every value of a repeated field (checkboxes, multiple selects). */
  all(name: string): string[] {
    const v = this.body[name];
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return list.filter((x): x is string => typeof x === "string").map((x) => x.trim());
  }

  /** One entry a line. */
  lines(name: string): string[] {
    return this.text(name)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  }

  /** Entries separated by spaces, commas or semicolons (days: 2008-11-01, 2008-11-02). */
  words(name: string): string[] {
    return this.text(name)
      .split(/[\s,;]+/)
      .filter(Boolean);
  }

  /** A whole number, null when empty; other text is passed on for the contract to refuse. */
  id(name: string): number | null | string {
    const s = this.text(name);
    if (!s) return null;
    return /^\d{1,9}$/.test(s) ? Number(s) : s;
  }

  checked(name: string): boolean {
    return this.all(name).length > 0;
  }

  file(name: string): File | null {
    const v = this.body[name];
    const first = Array.isArray(v) ? v[0] : v;
    return first instanceof File && first.size > 0 ? first : null;
  }
}

export interface FormSpec<S extends z.ZodType> {
  /** The prefix of the form's field ids. */
  prefix: string;
  /** The API's contract for the same change. */
  schema: S;
  /** The form's fields in the contract's shape. */
  read: (fields: FormFields) => unknown;
  /** A contract path's form field where the names differ ("title.text" → "title"); prefixes match. */
  fields?: Record<string, string>;
  /** Each form field's label, so the error summary names it as the page does. */
  labels?: Record<string, string>;
  /** Fields never sent back to the page (passwords). */
  secret?: readonly string[];
}

export type FormResult<T> =
  | { ok: true; value: T }
  | { ok: false; form: FormState; status: ContentfulStatusCode };

/** The typed values to show again, without the CSRF token and secret fields. */
export function typedValues(
  body: FormBody,
  secret: readonly string[] = [],
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf" || secret.includes(k)) continue;
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    if (list.length === 0) continue;
    out[k] = Array.isArray(v) ? list : (list[0] ?? "");
  }
  return out;
}

function formFieldOf(path: string, spec: { fields?: Record<string, string> }, known: Set<string>) {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join(".");
    const mapped = spec.fields?.[key];
    if (mapped) return mapped;
    if (known.has(key)) return key;
  }
  return null;
}

/** A refusal shown on the form: each problem beside its field, all of them in the summary. */
export function formWithProblems(
  prefix: string,
  values: Record<string, string | string[]>,
  problems: readonly FieldProblem[],
  message: string,
  spec: { fields?: Record<string, string>; labels?: Record<string, string>; known?: readonly string[] } = {},
): FormState {
  const known = new Set([...Object.keys(values), ...(spec.known ?? []), ...Object.keys(spec.labels ?? {})]);
  const form = emptyForm(prefix, values);
  if (problems.length === 0) {
    form.problems.push({ field: null, message });
    return form;
  }
  for (const p of problems) {
    const field = formFieldOf(p.field, spec, known);
    if (field && !form.errors[field]) form.errors[field] = p.message;
    const label = field ? spec.labels?.[field] : undefined;
    form.problems.push({
      field,
      message: label ? `${label}: ${p.message}` : field ? p.message : `${p.field}: ${p.message}`,
    });
  }
  return form;
}

/**
 * Reads the page's form, parses it with the contract and runs `run` with the result. A refusal
 * (400, 403, 409, 413) comes back as the form to show again; a record the reader may not see
 * (404) and a server error are thrown, as for the API.
 */
export async function submitForm<S extends z.ZodType, T>(
  c: Ctx,
  spec: FormSpec<S>,
  run: (input: z.output<S>, fields: FormFields) => Promise<T>,
  body?: FormBody,
): Promise<FormResult<T>> {
  const typed = body ?? ((await c.req.parseBody({ all: true })) as FormBody);
  const fields = new FormFields(typed);
  const values = typedValues(typed, spec.secret);
  try {
    const parsed = spec.schema.safeParse(spec.read(fields));
    if (!parsed.success) throw parsed.error;
    return { ok: true, value: await run(parsed.data, fields) };
  } catch (e) {
    const err = toAppError(e);
    if (err.status === 404 || err.status >= 500) throw e;
    return {
      ok: false,
      form: formWithProblems(spec.prefix, values, err.fields, err.message, spec),
      status: err.status,
    };
  }
}
