import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { createApp } from "../app.js";
import { CAPABILITIES } from "../capabilities.js";
import { composeSite } from "../core/capability.js";

let t: TestContext;
let desk: { cookie: string; csrf: string };
beforeAll(async () => {
  t = await testContext();
  desk = await t.session("us.desk");
});
afterAll(() => t.close());

const open = async (path: string, app = t.app) => {
  const res = await app.request(path, { headers: { cookie: desk.cookie, accept: "text/html" } });
  return { status: res.status, html: await res.text() };
};

describe("the search page", () => {
  it("offers and counts the kinds of record the sources register", async () => {
    const { status, html } = await open("/search?q=Canberra");
    expect(status).toBe(200);
    expect(html).toContain(
      '<option value="" selected="">Annex entries, candidacies, decisions, guidance, outreach visits, papers, reports and telegrams</option>',
    );
    expect(html).toContain('<option value="telegram">telegrams</option>');
    expect(html).toMatch(
      /Guidance: [1-9]\d* · Outreach visits: \d+ · Papers: \d+ · Reports: \d+ · Telegrams: [1-9]\d*/,
    );
    expect(html).toContain("08STATE70895");
  });

  it("knows only the sources of its site: without papers, there is no paper to look for", async () => {
    const site = composeSite(CAPABILITIES.filter((c) => c.name !== "papers"));
    const app = createApp(t.deps, site);
    const { html } = await open("/search?q=Canberra", app);
    expect(html).toContain(
      '<option value="" selected="">Annex entries, candidacies, decisions, guidance, outreach visits, reports and telegrams</option>',
    );
    expect(html).not.toContain('value="paper"');
    expect(html).toMatch(/Telegrams: [1-9]/);
    expect(html).not.toContain("Papers:");
    const refused = await open("/search?q=Canberra&type=paper", app);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("give one of telegram");
  });

  it("refuses a type no source registered, beside the field, as the API does", async () => {
    const { status, html } = await open("/search?q=Canberra&type=unicorn");
    expect(status).toBe(400);
    expect(html).toContain('<p class="govuk-error-message" id="s-type-error">');
    expect(html).toContain(
      "In: give one of telegram, paper, annex, decision, outreach, candidacy, guidance, report",
    );
    expect(html).toContain('value="Canberra"');
    expect(html).not.toContain("results-title");
    const api = await (await t.as("us.desk")).get("/search?q=Canberra&type=unicorn");
    expect(api.status).toBe(400);
    expect((await api.json()).error.message).toBe(
      "type: give one of telegram, paper, annex, decision, outreach, candidacy, guidance, report",
    );
  });

  it("pages its results with the count and the position, the words kept in every link", async () => {
    const first = await open("/search?q=Canberra&limit=2");
    const total = Number(/(\d+) results?</.exec(first.html)?.[1]);
    expect(total).toBeGreaterThan(2);
    expect(first.html).toContain(
      `Showing <strong>1</strong> to <strong>2</strong> of <strong>${total}</strong> results`,
    );
    expect(first.html).toContain('href="/search?q=Canberra&amp;limit=2&amp;page=2" rel="next"');
    expect(first.html).not.toContain('rel="prev"');
    const second = await open("/search?q=Canberra&limit=2&page=2");
    expect(second.html).toContain(`Showing <strong>3</strong> to <strong>${Math.min(4, total)}</strong>`);
    expect(second.html).toContain('<ol class="govuk-list govuk-list--number" start="3">');
    expect(second.html).toContain('href="/search?q=Canberra&amp;limit=2" rel="prev"');
    expect(second.html).toContain('aria-current="page">2</a>');
    const past = await open("/search?q=Canberra&limit=2&page=999");
    expect(past.status).toBe(200);
    expect(past.html).toContain(`to <strong>${total}</strong> of <strong>${total}</strong>`);
  });
});
