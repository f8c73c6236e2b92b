// The headers every answer carries (ASVS 3.4, 4.1.1, 14.3.2), HSTS behind a proxy that ends TLS
// (3.4.1), and text a user wrote shown as text, never as markup (1.1.2, 1.2.1, 3.2.2).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "./support/context.js";

let t: TestContext;
let proxied: TestContext;
beforeAll(async () => {
  t = await testContext();
  proxied = await testContext({ config: { publicUrl: "https://plenary.example.org" } });
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});

const CSP_PARTS = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
];

describe("the headers of every answer", () => {
  it("hold the whole content policy, no cross-origin grant, no caching and a charset: a page, an API answer, an error", async () => {
    const s = await t.session("us.delegate");
    const answers = [
      ["page", await t.request("/papers", { headers: { cookie: s.cookie, accept: "text/html" } })],
      ["api", await (await t.as("us.delegate")).get("/papers")],
      ["error", await (await t.as("us.delegate")).get("/papers/999999")],
      ["signed out", await t.request("/sign-in")],
    ] as const;
    for (const [what, res] of answers) {
      const h = res.headers;
      const csp = h.get("content-security-policy") ?? "";
      for (const part of CSP_PARTS) expect(csp, `${what}: ${part}`).toContain(part);
      expect(h.get("access-control-allow-origin"), what).toBeNull();
      expect(h.get("referrer-policy"), what).toBe("same-origin");
      expect(h.get("x-content-type-options"), what).toBe("nosniff");
      expect(h.get("x-frame-options"), what).toBe("DENY");
      expect(h.get("cache-control"), what).toBe("no-store");
      // JSON is UTF-8 by definition (RFC 8259) and takes no charset; HTML says its own.
      expect(h.get("content-type"), what).toMatch(/^application\/json$|^text\/html; ?charset=utf-8$/i);
    }
  });

  it("send HSTS when the site is reached over HTTPS, also through a proxy that ends TLS", async () => {
    expect((await t.request("/sign-in")).headers.get("strict-transport-security")).toBeNull();
    const behindProxy = await proxied.request("/sign-in");
    expect(behindProxy.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("text a user wrote", () => {
  it("shows as text on the record's page and in the register, never as markup", async () => {
    const evil = `<script>alert("x")</script>"'><img src=x onerror=alert(1)>`;
    const gb = await t.as("gb.delegate");
    const made = await gb.post("/papers", {
      kind: "ie_paper",
      title: { text: `Escaping ${evil}`, marking: "RR" },
      summary: { text: evil, marking: "RR" },
      countryOfOrigin: "United Kingdom",
      submit: true,
    });
    expect(made.status).toBe(201);
    const paper = (await made.json()) as { number: number };
    const s = await t.session("gb.delegate");
    for (const path of [`/papers/${paper.number}`, "/papers"]) {
      const html = await (
        await t.request(path, { headers: { cookie: s.cookie, accept: "text/html" } })
      ).text();
      expect(html, path).toContain("Escaping &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
      expect(html, path).not.toContain("<script>alert");
      expect(html, path).not.toContain("<img src=x");
    }
  });
});
