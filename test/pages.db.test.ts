import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAPABILITIES } from "../src/capabilities.js";
import type { DemoUser } from "../src/core/authz.js";
import { composeSite } from "../src/core/capability.js";
import { type TestContext, testContext } from "./support/context.js";
import { makeUser } from "./support/factories/index.js";
import { demoReader } from "./support/readers.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

/** The pages each user reaches from the navigation of the site's capabilities, and a few beyond it. */
const SITE = composeSite(CAPABILITIES);
const pagesOf = (user: DemoUser) => [
  ...SITE.nav.filter((i) => i.show?.(demoReader(user)) ?? true).map((i) => i.href),
  ...(SITE.nav.some((i) => i.href === "/search") ? ["/search?q=Canberra"] : []),
  ...(user === "admin" ? ["/admin/users/fr.poc"] : []),
];

function problems(html: string): string[] {
  const out: string[] = [];
  if (!/<html lang="en">/.test(html)) out.push("no lang on <html>");
  if ((html.match(/<main\b/g) ?? []).length !== 1) out.push("not exactly one <main>");
  if (!/<nav\b[^>]*aria-label="Main"/.test(html)) out.push("no main navigation landmark");
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) out.push("inline <script>");
  if (/\sstyle="/.test(html)) out.push("inline style attribute");
  if (/\son[a-z]+="/.test(html)) out.push("inline event handler");
  const labelled = new Set([...html.matchAll(/<label[^>]*\bfor="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
    const attrs = m[2] ?? "";
    if (/type="(hidden|submit)"/.test(attrs)) continue;
    const id = /\bid="([^"]+)"/.exec(attrs)?.[1];
    const wrapped = /type="checkbox"/.test(attrs); // checkboxes sit inside their <label>
    if (!wrapped && (!id || !labelled.has(id))) out.push(`unlabelled <${m[1]}${attrs.slice(0, 40)}>`);
  }
  return out;
}

describe("pages", () => {
  it("the page checker finds what it looks for", () => {
    expect(
      problems(
        '<html><main></main><main></main><script>x()</script><p style="x"><input id="a" name="a"></p>',
      ),
    ).toEqual([
      "no lang on <html>",
      "not exactly one <main>",
      "no main navigation landmark",
      "inline <script>",
      "inline style attribute",
      'unlabelled <input id="a" name="a">',
    ]);
  });

  for (const user of ["us.delegate", "fr.poc", "kz.candidate", "admin"] as const) {
    for (const page of pagesOf(user)) {
      it(`${page} as ${user}: landmarks, labels, no inline script`, async () => {
        const s = await t.session(user);
        const res = await t.request(page, { headers: { cookie: s.cookie, accept: "text/html" } });
        expect(res.status).toBe(200);
        expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
        expect(problems(await res.text())).toEqual([]);
      });
    }
  }

  it("a telegram's page, for a reader of its space: landmarks, labels, no inline script", async () => {
    const s = await t.session("us.delegate");
    const res = await t.request("/telegrams/1", { headers: { cookie: s.cookie, accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(problems(await res.text())).toEqual([]);
  });

  it("the outbox of regime mail is open to a Partner's administrator only", async () => {
    const page = async (user: string, path: string) => {
      const s = await t.session(user);
      return t.request(path, { headers: { cookie: s.cookie, accept: "text/html" } });
    };
    expect((await page("admin", "/admin/outbox")).status).toBe(200);
    const kzAdmin = await makeUser(t, {
      government: "KZ",
      roles: ["admin"],
      regimeClearance: "PUBLIC",
      nationalClearance: "U",
    });
    const refused = await page(kzAdmin, "/admin/outbox");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("administrators read the outbox");
    expect(await (await page(kzAdmin, "/")).text()).not.toContain('href="/admin/outbox"');
  });

  it("the sign-in page works without a session and has labelled fields", async () => {
    const res = await t.request("/sign-in");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<label [^>]*\bfor="username"[^>]*>Username<\/label>/);
    expect(html).toMatch(/<label [^>]*\bfor="password"[^>]*>Password<\/label>/);
  });

  it("a candidate government's user sees only its own people and no regime space", async () => {
    const s = await t.session("kz.candidate");
    const dir = await (await t.request("/directory", { headers: { cookie: s.cookie } })).text();
    expect(dir).toContain("Kazakhstan liaison");
    expect(dir).not.toContain("Pam Durham");
    const home = await (await t.request("/", { headers: { cookie: s.cookie } })).text();
    expect(home).toContain("regime papers and records are not open to your government");
    // Navigation only to what the candidate may use: none of the regime's meetings, papers or calls.
    const nav = [...home.matchAll(/class="govuk-service-navigation__link" href="([^"]+)"/g)].map((m) => m[1]);
    expect(nav).toEqual(["/", "/directory", "/telegrams"]);
    // The reader's own links, and search, stand in the header beside their name.
    const own = [...home.matchAll(/class="govuk-header__link plenary-header__link" href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(own).toEqual(["/search", "/account/tokens", "/api/docs"]);
    const partner = await t.session("us.delegate");
    const partnerHome = await (await t.request("/", { headers: { cookie: partner.cookie } })).text();
    for (const href of ["/meetings", "/papers", "/calls"]) expect(partnerHome).toContain(`href="${href}"`);
  });

  it("India is not yet a Partner in the 2008 demo", async () => {
    const gov = await (await (await t.as("us.desk")).get("/governments/IN")).json();
    expect(gov).toMatchObject({ status: "partner", standing: "non_partner", admittedOn: "2016-06-27" });
    // The directory page shows the standing on the clock's day, and nothing of a later one.
    const s = await t.session("us.delegate");
    const dir = await (await t.request("/directory", { headers: { cookie: s.cookie } })).text();
    expect(dir).not.toContain("2016");
    expect(dir).not.toContain("a Partner from");
    expect(dir).toMatch(
      /<td class="govuk-table__cell">India<\/td><td class="govuk-table__cell">IN<\/td><td class="govuk-table__cell">—<\/td>/,
    );
  });

  it("an unknown page answers 404 in a page for a browser", async () => {
    const s = await t.session("us.desk");
    const res = await t.request("/no-such-page", { headers: { cookie: s.cookie, accept: "text/html" } });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Nothing is at GET /no-such-page.");
  });
});
