import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../../test/support/context.js";
import { makeUser } from "../../../test/support/factories/index.js";

let t: TestContext;
let desk: { cookie: string; csrf: string };
beforeAll(async () => {
  t = await testContext();
  desk = await t.session("us.desk");
});
afterAll(() => t.close());

const open = async (path: string) => {
  const res = await t.request(path, { headers: { cookie: desk.cookie, accept: "text/html" } });
  return { status: res.status, html: await res.text() };
};

describe("the telegrams page", () => {
  it("filters as the API does, keeping the filter in the form", async () => {
    const { status, html } = await open("/telegrams?q=interdictions&tag=MTCRE&classification=C");
    expect(status).toBe(200);
    expect(html).toContain("1 telegram");
    expect(html).toContain("<mark>interdictions</mark>");
    expect(html).toContain('value="MTCRE"');
    expect(html).toContain('<option value="C" selected="">C</option>');
  });

  it("shows a filter it cannot read beside its field, and finds nothing with it", async () => {
    const { status, html } = await open("/telegrams?from=July&origin=SECSTATE");
    expect(status).toBe(400);
    expect(html).toContain('<p class="govuk-error-message" id="t-from-error">');
    expect(html).toContain("Sent from: a date as YYYY-MM-DD");
    expect(html).toContain('value="SECSTATE"');
    expect(html).not.toContain("08STATE70895");
  });

  it("shows a cleared reader the diagnostics and repairs of the import, with the banner at top and foot", async () => {
    const { status, html } = await open("/telegrams/1");
    expect(status).toBe(200);
    const summary = /Diagnostics and repairs at import \((\d+)\)/.exec(html);
    expect(Number(summary?.[1])).toBe(39);
    expect(html).toContain('<details class="govuk-details">');
    expect(html).toContain("37 repairs");
    expect(html).toContain("2 diagnostics");
    expect(html).toMatch(/<td class="govuk-table__cell">line \d+, column \d+<\/td>/);
    expect(html.match(/class="plenary-banner plenary-banner--confidential"/g)).toHaveLength(2);
  });

  it("keeps them from a reader not cleared for the whole telegram, as it keeps the raw text", async () => {
    const sbu = await makeUser(t, {
      government: "US",
      roles: ["delegate"],
      regimeClearance: "RR",
      nationalClearance: "SBU",
    });
    const s = await t.session(sbu);
    const res = await t.request("/telegrams/1", { headers: { cookie: s.cookie, accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("37 repairs and 2 diagnostics recorded at import");
    expect(html).not.toContain("/telegrams/1/raw");
    expect(html).not.toContain("Diagnostics and repairs at import");
    expect(html).toContain("they are shown to readers cleared for all of it");
  });
});
