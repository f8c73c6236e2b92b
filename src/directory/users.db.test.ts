import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makeGovernment, makeUser, withClock } from "../../test/support/factories/index.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

const seen = async (as: string, username: string) =>
  (await (await t.as(as)).get(`/users/${username}`)).status;
const listed = async (as: string, username: string) => {
  const body = await (await (await t.as(as)).get("/users")).json();
  return body.users.some((u: { username: string }) => u.username === username);
};

describe("the people a reader may see", () => {
  it("are a government's from the day it becomes a Partner, as its standing says", async () => {
    const code = await makeGovernment(t, { admittedOn: "2010-03-01" });
    const newcomer = await makeUser(t, { government: code });
    const colleague = await makeUser(t, { government: code });
    expect(await seen("us.delegate", newcomer)).toBe(404);
    expect(await listed("us.delegate", newcomer)).toBe(false);
    expect(await seen(colleague, newcomer)).toBe(200);
    expect(await seen("admin", newcomer)).toBe(200);
    await withClock(t, "2010-03-01T00:00Z", async () => {
      expect(await seen("us.delegate", newcomer)).toBe(200);
      expect(await listed("us.delegate", newcomer)).toBe(true);
    });
  });

  it("of a government admitted by year alone are seen from 1 January of that year", async () => {
    const code = await makeGovernment(t, { admittedOn: "2009-06-30" });
    // Only the year is kept when the exact day is not known.
    await t.deps.db.execute(sql`update governments set admitted_on = null where code = ${code}`);
    const person = await makeUser(t, { government: code });
    expect(await seen("gb.delegate", person)).toBe(404);
    await withClock(t, "2009-01-01T00:00Z", async () => expect(await seen("gb.delegate", person)).toBe(200));
  });

  it("show clearances to their own government and to administrators only", async () => {
    const person = await makeUser(t, { government: "DE", nationalClearance: "VS-V" });
    const get = async (as: string) => (await (await t.as(as)).get(`/users/${person}`)).json();
    expect((await get("de.delegate")).clearances.national.code).toBe("VS-V");
    expect((await get("admin")).clearances.national.code).toBe("VS-V");
    expect(await get("gb.delegate")).not.toHaveProperty("clearances");
  });
});

describe("changing users through the API", () => {
  it("refuses a reader who sees the user with 403, and answers 404 to one who does not", async () => {
    const person = await makeUser(t, { government: "GB" });
    const patch = async (as: string) => (await t.as(as)).patch(`/users/${person}`, { title: "X" });
    const refused = await patch("de.delegate");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe("Only administrators change users.");
    expect((await patch("kz.candidate")).status).toBe(404);
    expect((await patch("admin")).status).toBe(200);
  });

  it("names every clearance that is not on its ladder", async () => {
    const person = await makeUser(t, { government: "US" });
    const res = await (await t.as("admin")).patch(`/users/${person}`, {
      regimeClearance: "TOP",
      nationalClearance: "VS-V",
    });
    expect(res.status).toBe(400);
    const fields = (await res.json()).error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(["regimeClearance", "nationalClearance"]);
  });

  it("answers a username taken with 409 and the error body", async () => {
    const res = await (await t.as("admin")).post("/users", {
      username: "us.desk",
      displayName: "Again",
      government: "US",
      password: "long-enough-password",
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: {
        code: "user.exists",
        message: "A user named us.desk already exists: choose another username.",
        details: null,
      },
    });
  });
});
