import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../../test/support/context.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

/** The field a 400 names, after checking the answer is the one validation error. */
async function refusedField(res: Response): Promise<string> {
  expect(res.status).toBe(400);
  const { error } = await res.json();
  expect(error.code).toBe("validation.failed");
  const [first] = error.details.fields;
  return first.field;
}

describe("what no field may hold", () => {
  it("refuses a NUL character in a query parameter with 400 naming it", async () => {
    const api = await t.as("us.desk");
    expect(await refusedField(await api.get("/search?q=missile%00"))).toBe("q");
    expect(await refusedField(await api.get("/meetings?to=2008%00"))).toBe("to");
  });

  it("refuses a NUL character in a JSON string with 400 naming it", async () => {
    const res = await (await t.as("admin")).post("/users", {
      username: "fr.nul",
      displayName: "Nul\u0000Byte",
      government: "FR",
      password: "long-enough-password",
    });
    expect(await refusedField(res)).toBe("displayName");
  });

  it("refuses a date in the year 0000 with 400 naming it", async () => {
    const api = await t.as("us.desk");
    expect(await refusedField(await api.get("/papers?from=0000-01-01"))).toBe("from");
    expect(await refusedField(await api.get("/meetings?from=0000-01-01"))).toBe("from");
    const res = await api.get("/papers?from=0000-01-01");
    expect((await res.json()).error.message).toBe("from: give a date from the year 0001 on");
  });

  it("still answers the same queries without them", async () => {
    const api = await t.as("us.desk");
    expect((await api.get("/papers?from=2008-01-01")).status).toBe(200);
    expect((await api.get("/meetings?from=2008-01-01")).status).toBe(200);
    expect((await api.get("/search?q=missile")).status).toBe(200);
  });
});

describe("in the pages", () => {
  it("answer a NUL character or a year 0000 with 400, not 500", async () => {
    const s = await t.session("us.desk");
    const page = (path: string) => t.request(path, { headers: { cookie: s.cookie, accept: "text/html" } });
    for (const path of ["/search?q=missile%00", "/papers?from=0000-01-01", "/meetings?from=0000-01-01"]) {
      const res = await page(path);
      expect(res.status, path).toBeLessThan(500);
    }
  });
});
