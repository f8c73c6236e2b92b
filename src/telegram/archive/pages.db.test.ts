import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../../test/support/context.js";

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
});
