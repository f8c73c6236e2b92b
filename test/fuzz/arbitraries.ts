/**
 * fast-check arbitraries built from the OpenAPI document's JSON schemas: values a schema allows
 * (`conforming`), values that are hostile to any field (`hostile`: NUL bytes, year-0000 and
 * far-future dates, numbers no database integer holds, wrong types, very long text, lone
 * surrogates), and objects with one field spoilt, a required field missing or extra fields.
 */
import fc from "fast-check";

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
}

export type Components = Record<string, JsonSchema>;

const LONG = "x".repeat(20_000);

/** Text no field should take as it is, each for its own reason. */
export const HOSTILE_TEXT = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "0000-01-01",
  "0000-01-01T00:00:00Z",
  "0000-12-31T23:59:59.999Z",
  "9999-12-31T23:59:59.999Z",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00Z",
  "2008-02-30",
  "2008-13-01",
  "2008-07-01T25:61Z",
  "2147483648",
  "99999999999999999999999",
  "-1",
  "1e308",
  "NaN",
  "0x10",
  "\ud800",
  "\udfff\ud800",
  "💥".repeat(300),
  "é".repeat(4_000),
  LONG,
  "<script>alert(1)</script>",
  "'; DROP TABLE users; --",
  "../../../etc/passwd",
  "%00%ff",
  "null",
  "true",
  "[]",
  "{}",
];

export const HOSTILE_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER,
  2 ** 63,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

/** Any value of any type that a field might be sent instead of its own. */
export function hostile(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [LONG], { a: 1 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom("\u0000", 1e308, "0000-01-01"), { maxLength: 3 }) },
  );
}

/** The schema behind a `$ref`, or the schema itself. */
export function resolve(schema: JsonSchema, components: Components): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) {
    const name = s.$ref.replace("#/components/schemas/", "");
    const found = components[name];
    if (!found) throw new Error(`the document has no schema ${s.$ref}`);
    s = found;
  }
  return s;
}

const day = fc
  .date({ min: new Date("1987-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

function conformingString(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, Math.max(min, 60));
  const fits = (v: string) => v.length >= min && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY);
  if (s.format === "date") return day.map((d) => d.slice(0, 10));
  if (s.format === "date-time") return day;
  if (s.format === "binary") return fc.string({ maxLength: 40 });
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    return fc
      .stringMatching(re, { size: "small" })
      .map((v) => v.replace(/[\r\n]/g, ""))
      .filter((v) => fits(v) && re.test(v));
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ minLength: min, maxLength: max, unit: "grapheme" }),
  );
}

function bound(v: number | boolean | undefined): number | undefined {
  return typeof v === "number" ? v : undefined;
}

function conformingNumber(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exMin = bound(s.exclusiveMinimum);
  const exMax = bound(s.exclusiveMaximum);
  const min = s.minimum ?? (exMin !== undefined ? exMin + (integer ? 1 : 1e-9) : -1_000_000);
  const max = s.maximum ?? (exMax !== undefined ? exMax - (integer ? 1 : 1e-9) : 1_000_000);
  if (integer) {
    const lo = Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER));
    const hi = Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER));
    // Small values are the likeliest ids of seeded records.
    return fc.oneof(fc.integer({ min: lo, max: Math.min(hi, lo + 20) }), fc.integer({ min: lo, max: hi }));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema allows (as far as a JSON schema says: the server's own rules may still refuse them). */
export function conforming(schema: JsonSchema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (depth > 5) return fc.constant(s.default ?? null);
  const next = (x: JsonSchema) => conforming(x, components, depth + 1);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return fc.oneof(...variants.map(next));
  if (s.allOf?.[0]) return next(s.allOf[0]);
  if (Array.isArray(s.type)) {
    return fc.oneof(...s.type.map((t) => next({ ...s, type: t })));
  }
  const withNull = (a: fc.Arbitrary<unknown>) => (s.nullable ? fc.option(a, { nil: null }) : a);
  switch (s.type) {
    case "string":
      return withNull(conformingString(s));
    case "integer":
      return withNull(conformingNumber(s, true));
    case "number":
      return withNull(conformingNumber(s, false));
    case "boolean":
      return withNull(fc.boolean());
    case "null":
      return fc.constant(null);
    case "array":
      return withNull(
        fc.array(next(s.items ?? {}), {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 4, Math.max(s.minItems ?? 0, 4)),
        }),
      );
    case "object":
    case undefined: {
      if (!s.properties) {
        return s.type === "object"
          ? fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 })
          : fc.string();
      }
      const model = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, next(v)]));
      return withNull(fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in model) }));
    }
    default:
      return fc.constant(null);
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `value` (objects' keys and arrays' indexes), the root first. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...at, i]));
  } else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

function replaceAt(value: unknown, path: (string | number)[], by: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return by;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, by) : v));
  const obj = value as Record<string, unknown>;
  return { ...obj, [head]: replaceAt(obj[head], rest, by) };
}

function removeAt(value: unknown, path: (string | number)[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return undefined;
  if (rest.length) {
    if (Array.isArray(value)) return value.map((v, i) => (i === head ? removeAt(v, rest) : v));
    const obj = value as Record<string, unknown>;
    return { ...obj, [head]: removeAt(obj[head], rest) };
  }
  if (Array.isArray(value)) return value.filter((_, i) => i !== head);
  const { [head]: _gone, ...kept } = value as Record<string, unknown>;
  return kept;
}

const EXTRA_FIELDS: Record<string, Json>[] = [
  { unexpected: "field" },
  { id: 1, createdAt: "2008-01-01T00:00:00Z", space: "US", marking: "TS" },
  { constructor: { prototype: { admin: true } } },
  JSON.parse('{"__proto__": {"admin": true}}'),
];

/**
 * A valid-looking value spoilt one way: one inner value replaced by a hostile one, one field
 * taken away (a required one, as often as not), or fields the schema does not list added.
 */
export function spoilt(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(base, fc.nat(), hostile()).map(([b, k, h]) => {
        const paths = pathsOf(b);
        return replaceAt(b, paths[k % paths.length] ?? [], h);
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(base, fc.nat()).map(([b, k]) => {
        const paths = pathsOf(b).filter((p) => p.length > 0);
        const p = paths[k % Math.max(paths.length, 1)];
        return p ? removeAt(b, p) : b;
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom(...EXTRA_FIELDS))
        .map(([b, extra]) => (b && typeof b === "object" && !Array.isArray(b) ? { ...b, ...extra } : extra)),
    },
  );
}
