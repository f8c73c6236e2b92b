/**
 * The API's operations as the OpenAPI document describes them, and for each an arbitrary of
 * requests: who asks, the path and query parameters and the body, each valid by the schema,
 * taken from the authorization harness's known-good requests, or hostile.
 */
import fc from "fast-check";
import type { AuthzCase } from "../../src/core/authz.js";
import { type Components, conforming, hostile, type JsonSchema, resolve, spoilt } from "./arbitraries.js";

const METHODS = ["get", "post", "patch", "put", "delete"] as const;

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: string;
  /** The path template, e.g. /meetings/{id}/deadlines. */
  path: string;
  parameters: Parameter[];
  body?: { schema: JsonSchema; required: boolean; multipart: boolean };
}

interface Doc {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Components };
}

export function operationsOf(doc: Doc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as
        | {
            operationId: string;
            parameters?: Parameter[];
            requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
          }
        | undefined;
      if (!op) continue;
      const content = op.requestBody?.content;
      const multipart = content?.["multipart/form-data"];
      const json = content?.["application/json"];
      const body = multipart ?? json;
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: body && {
          schema: body.schema,
          required: op.requestBody?.required ?? false,
          multipart: !!multipart,
        },
      });
    }
  }
  return out;
}

/** Who sends a request: a demo user's token, a session (with or without its CSRF token), or nobody. */
export type Caller =
  | { kind: "token"; user: string }
  | { kind: "session"; user: string; csrf: boolean }
  | { kind: "anonymous" };

export type Body =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "raw"; text: string; contentType: string }
  | { kind: "form"; fields: Record<string, string>; file?: { bytes: number[]; name: string } };

export interface FuzzRequest {
  caller: Caller;
  path: string;
  query: [string, string][];
  body: Body;
}

/** The harness's concrete requests for one operation: path values, query pairs, bodies. */
export interface Known {
  params: Record<string, string>[];
  queries: [string, string][][];
  bodies: unknown[];
}

function templateRegex(template: string): { re: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, n: string) => {
    names.push(n);
    return "([^/]+)";
  });
  return { re: new RegExp(`^${source}$`), names };
}

export function knownFor(op: Operation, cases: AuthzCase[], users: readonly string[]): Known {
  const known: Known = { params: [], queries: [], bodies: [] };
  const { re, names } = templateRegex(op.path);
  for (const c of cases.filter((x) => x.operation === `${op.method} ${op.path}`)) {
    const url = new URL(c.path, "http://x");
    const m = re.exec(url.pathname);
    if (m)
      known.params.push(Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? "")])));
    known.queries.push([...url.searchParams.entries()]);
    for (const u of users) {
      const b = c.body?.(u as never);
      if (b !== undefined) known.bodies.push(b);
    }
  }
  return known;
}

/** Path segments sent as they are, not percent-encoded: broken or overlong escapes. */
const RAW_SEGMENTS = ["%", "%ff", "%zz", "%c0%af", "%e2%82", "%00", "..", "%2e%2e"];

/** A value as a path segment: each byte of its UTF-8 percent-encoded (a lone surrogate as U+FFFD). */
function segment(v: string): string {
  if (RAW_SEGMENTS.includes(v)) return v;
  return [...Buffer.from(v, "utf8")]
    .map((b) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, "0")}`,
    )
    .join("");
}

const asText = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));

/** One parameter's value: known from the harness, allowed by its schema, or hostile; always text. */
function parameterValue(p: Parameter, known: string[], components: Components): fc.Arbitrary<string> {
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 3, arbitrary: conforming(p.schema, components).map(asText) },
    { weight: 2, arbitrary: hostile().map(asText) },
  ];
  if (known.length) options.push({ weight: 4, arbitrary: fc.constantFrom(...known) });
  if (p.in === "path") options.push({ weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) });
  return fc.oneof(...options);
}

const MALFORMED: { text: string; contentType: string }[] = [
  { text: '{"title": ', contentType: "application/json" },
  { text: "", contentType: "application/json" },
  { text: "title=x", contentType: "application/x-www-form-urlencoded" },
  { text: "<x/>", contentType: "text/xml" },
  { text: "[1,2", contentType: "application/json" },
  { text: '{"a":1}', contentType: "text/plain" },
  { text: `{"deep":${"[".repeat(5000)}${"]".repeat(5000)}}`, contentType: "application/json" },
];

function jsonBody(op: Operation, known: Known, components: Components): fc.Arbitrary<Body> {
  const schema = op.body?.schema ?? {};
  const valid = conforming(schema, components);
  const base = known.bodies.length ? fc.oneof(valid, fc.constantFrom(...known.bodies)) : valid;
  return fc.oneof(
    { weight: 3, arbitrary: base.map((value): Body => ({ kind: "json", value })) },
    { weight: 5, arbitrary: spoilt(base).map((value): Body => ({ kind: "json", value })) },
    { weight: 1, arbitrary: hostile().map((value): Body => ({ kind: "json", value })) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED).map((m): Body => ({ kind: "raw", ...m })) },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: "none" }) },
  );
}

const PDF_HEAD = [...Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")];

function formBody(op: Operation, components: Components): fc.Arbitrary<Body> {
  const schema = resolve(op.body?.schema ?? {}, components);
  const fields = Object.entries(schema.properties ?? {}).filter(([, s]) => s.format !== "binary");
  const value = (s: JsonSchema) => fc.oneof(conforming(s, components).map(asText), hostile().map(asText));
  const record = fc.record(Object.fromEntries(fields.map(([k, s]) => [k, value(s)])), { requiredKeys: [] });
  const file = fc.option(
    fc.record({
      bytes: fc.oneof(fc.constant(PDF_HEAD), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 200 })),
      name: fc.constantFrom("paper.pdf", "x.docx", "\u0000.pdf", "../../a.xlsx", "a".repeat(300)),
    }),
    { nil: undefined },
  );
  return fc
    .tuple(record, file)
    .map(([f, file]): Body => ({ kind: "form", fields: f as Record<string, string>, file }));
}

/** Requests for one operation, as the callers given. */
export function requestsFor(
  op: Operation,
  known: Known,
  components: Components,
  callers: Caller[],
): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  const pathArb = fc
    .tuple(
      ...pathParams.map((p) =>
        parameterValue(
          p,
          known.params.map((k) => k[p.name]).filter((v): v is string => v !== undefined),
          components,
        ),
      ),
    )
    .map((values) =>
      pathParams.reduce((path, p, i) => path.replace(`{${p.name}}`, segment(values[i] ?? "")), op.path),
    );
  const knownQuery = known.queries.flat();
  const queryArb = fc.oneof(
    fc
      .tuple(
        ...queryParams.map((p) =>
          fc.option(
            parameterValue(
              p,
              knownQuery.filter(([k]) => k === p.name).map(([, v]) => v),
              components,
            ).map((v): [string, string] => [p.name, v]),
            { nil: undefined },
          ),
        ),
      )
      .map((pairs) => pairs.filter((x): x is [string, string] => x !== undefined)),
    fc.constant<[string, string][]>([["unexpected", "1"]]),
  );
  const body: fc.Arbitrary<Body> = !op.body
    ? fc.constant({ kind: "none" })
    : op.body.multipart
      ? formBody(op, components)
      : jsonBody(op, known, components);
  return fc.record({ caller: fc.constantFrom(...callers), path: pathArb, query: queryArb, body });
}
