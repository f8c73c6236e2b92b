import { describe, expect, it } from "vitest";
import { openApiDocument } from "../src/app.js";

const METHODS = ["get", "put", "post", "patch", "delete", "head", "options", "trace"] as const;

/** Every operation of the generated document, as `METHOD /path` and its operationId (if any). */
function operations(): { operation: string; operationId: unknown }[] {
  const doc = openApiDocument();
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((m) => {
      const op = (item as Record<string, { operationId?: unknown } | undefined>)[m];
      return op ? [{ operation: `${m.toUpperCase()} ${path}`, operationId: op.operationId }] : [];
    }),
  );
}

describe("the OpenAPI document's request bodies", () => {
  it("declares every body required, so no handler is ever given none", () => {
    // An optional body is not validated when it is absent: the handler would get no input at all.
    const doc = openApiDocument();
    const optional = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      METHODS.flatMap((m) => {
        const op = (item as Record<string, { requestBody?: { required?: boolean } } | undefined>)[m];
        return op?.requestBody && op.requestBody.required !== true ? [`${m.toUpperCase()} ${path}`] : [];
      }),
    );
    expect(optional).toEqual([]);
  });
});

describe("the OpenAPI document's operationIds", () => {
  const ops = operations();

  it("has operations to check", () => {
    expect(ops.length).toBeGreaterThan(50);
  });

  it("gives every operation an operationId", () => {
    expect(ops.filter((o) => typeof o.operationId !== "string").map((o) => o.operation)).toEqual([]);
  });

  it("writes each one in camelCase, starting with a verb-like lower-case word", () => {
    const bad = ops.filter((o) => !/^[a-z][a-z]+(?:[A-Z][a-z0-9]*)*$/.test(String(o.operationId)));
    expect(bad.map((o) => `${o.operation}: ${String(o.operationId)}`)).toEqual([]);
  });

  it("never uses one twice", () => {
    const seen = new Map<string, string[]>();
    for (const o of ops)
      seen.set(String(o.operationId), [...(seen.get(String(o.operationId)) ?? []), o.operation]);
    const twice = [...seen]
      .filter(([, list]) => list.length > 1)
      .map(([id, list]) => `${id}: ${list.join(", ")}`);
    expect(twice).toEqual([]);
  });

  it("names the register's and the meetings' operations as a client would call them", () => {
    const byOperation = new Map(ops.map((o) => [o.operation, o.operationId]));
    expect(byOperation.get("GET /papers")).toBe("listPapers");
    expect(byOperation.get("GET /papers/{number}")).toBe("getPaper");
    expect(byOperation.get("POST /papers")).toBe("createPaper");
    expect(byOperation.get("POST /meetings/{id}/deadlines/{ruleId}/submissions")).toBe("submitPaper");
    expect(byOperation.get("GET /meetings/{id}/deadlines")).toBe("listMeetingDeadlines");
  });
});
