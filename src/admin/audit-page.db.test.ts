import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { appendAudit, SYSTEM_ACTOR } from "../core/audit/append.js";

let t: TestContext;
let admin: { cookie: string; csrf: string };
beforeAll(async () => {
  t = await testContext();
  admin = await t.session("admin");
  // Enough entries for three pages of a filtered log.
  await t.deps.db.transaction(async (tx) => {
    for (let i = 1; i <= 230; i++) {
      await appendAudit(tx, t.clock.now(), SYSTEM_ACTOR, {
        action: "test.page",
        space: "regime",
        targetKind: "test",
        targetId: i,
        details: { firstDay: "2008-07-08", roles: ["delegate", "chair"], n: i },
      });
    }
  });
});
afterAll(() => t.close());

const page = async (path: string) => {
  const res = await t.request(path, { headers: { cookie: admin.cookie, accept: "text/html" } });
  return { status: res.status, html: await res.text() };
};
const seqs = (html: string) =>
  [...html.matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">(\d+)<\/td>/g)].map((m) =>
    Number(m[1]),
  );

describe("the audit log page", () => {
  it("shows 100 entries a page, with the count, the position and the way on", async () => {
    const first = await page("/admin/audit");
    const total = Number(/(\d+) matching entr/.exec(first.html)?.[1]);
    expect(total).toBeGreaterThan(230);
    const shown = seqs(first.html);
    expect(shown).toHaveLength(100);
    expect(first.html).toContain(
      `Showing <strong>1</strong> to <strong>100</strong> of <strong>${total}</strong> entries`,
    );
    expect(first.html).toContain('href="/admin/audit?page=2" rel="next"');
    const second = await page("/admin/audit?page=2");
    const next = seqs(second.html);
    expect(next).toHaveLength(100);
    expect(Math.max(...next)).toBe(Math.min(...shown) - 1);
  });

  it("a filtered log pages within the filter, the filter in the links; a page past the end is the last", async () => {
    const first = await page("/admin/audit?action=test.");
    expect(first.html).toContain("230 matching entries");
    expect(first.html).toContain('href="/admin/audit?action=test.&amp;page=2" rel="next"');
    const last = await page("/admin/audit?action=test.&page=3");
    expect(last.html).toContain(
      "Showing <strong>201</strong> to <strong>230</strong> of <strong>230</strong> entries",
    );
    expect(seqs(last.html)).toHaveLength(30);
    expect(last.html).not.toContain('rel="next"');
    const past = await page("/admin/audit?action=test.&page=999");
    expect(past.status).toBe(200);
    expect(seqs(past.html)).toEqual(seqs(last.html));
  });

  it("shows each entry's details as fields a person reads, not as JSON", async () => {
    const { html } = await page("/admin/audit?action=test.");
    expect(html).toContain('<dl class="plenary-fields">');
    expect(html).toContain("<dt>first day</dt><dd>2008-07-08</dd>");
    expect(html).toContain("<dt>roles</dt><dd>delegate, chair</dd>");
    expect(html).not.toContain("{&quot;");
    const meetings = await page("/admin/audit?action=meeting.create");
    expect(meetings.html).toMatch(/<dt>title<\/dt><dd>2008 Canberra Plenary<\/dd>/);
  });
});
