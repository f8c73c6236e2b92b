import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../support/context.js";
import { authzCases } from "./index.js";
import { DEMO } from "./types.js";

const { pages: PAGE_CASES } = await authzCases();

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

describe("authorization harness: pages", () => {
  it("has cases for pages", () => {
    expect(PAGE_CASES.length).toBeGreaterThan(0);
  });

  for (const c of PAGE_CASES) {
    for (const user of DEMO) {
      it(`GET ${c.path} as ${user} → ${c.expect[user]}`, async () => {
        const s = await t.session(user);
        const res = await t.request(c.path, { headers: { cookie: s.cookie, accept: "text/html" } });
        expect(res.status).toBe(c.expect[user]);
        const html = await res.text();
        if (res.status === 404) {
          // A hidden record's page says only what a missing one says.
          expect(html).toMatch(/No such .+, or you may not see it\.|Nothing is at GET /);
        } else if (res.status === 200) c.check?.(user, html);
      });
    }
  }
});
