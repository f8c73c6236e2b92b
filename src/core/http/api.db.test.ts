import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../../test/support/context.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

describe("the HTTP API", () => {
  it("answers /healthz", async () => {
    const res = await t.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("answers unknown routes with the one error body", async () => {
    const res = await t.request("/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: "Nothing is at GET /api/v1/nothing-here.", details: null },
    });
  });

  it("refuses a request without credentials with 401", async () => {
    const res = await t.request("/api/v1/me");
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("auth.required");
  });

  it("refuses an unknown token and a malformed Authorization header", async () => {
    const bad = await t.request("/api/v1/me", { headers: { authorization: "Bearer plen_nope" } });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe("auth.invalid_token");
    const malformed = await t.request("/api/v1/me", { headers: { authorization: "Basic abc" } });
    expect((await malformed.json()).error.code).toBe("auth.malformed");
  });

  it("answers malformed JSON with 400", async () => {
    const token = await t.token("admin");
    const res = await t.request("/api/v1/users", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: '{"username": ',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("request.malformed_json");
    expect(body.error).toHaveProperty("details");
  });

  it("answers an oversized body with 413", async () => {
    const token = await t.token("admin");
    const res = await t.request("/api/v1/users", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ username: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("request.too_large");
  });

  it("names each invalid field and what is allowed", async () => {
    const admin = await t.as("admin");
    const res = await admin.post("/users", {
      username: "Bad Name",
      displayName: "",
      government: "USA",
      password: "short",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation.failed");
    const fields = body.error.details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(["displayName", "government", "password", "username"]);
    expect(body.error.message).toContain("government: a two-letter government code");
  });

  it("describes itself in an OpenAPI 3.1 document", async () => {
    const res = await t.request("/api/openapi.json");
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/me", "/users", "/users/{username}", "/me/tokens", "/audit"]),
    );
    expect(doc.components.schemas.Error).toBeDefined();
  });

  it("serves the interactive reference without inline script", async () => {
    const res = await t.request("/api/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/<script>(?!<)/);
    expect(html).toContain('src="/static/api-docs.js"');
    const bundle = await t.request("/static/swagger/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
  });

  it("sends the security headers", async () => {
    const res = await t.request("/healthz");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
