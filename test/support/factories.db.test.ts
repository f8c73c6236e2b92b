import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/core/authz.js";
import { loadReader, userByUsername } from "../../src/directory/repo.js";
import { type TestContext, testContext } from "./context.js";
import { makeGovernment, makeUser, withClock } from "./factories/index.js";
import { demoReader } from "./readers.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

describe("factories", () => {
  it("make a government of the test's own, and users of it, through the directory's commands", async () => {
    const code = await makeGovernment(t, { name: "Freedonia" });
    const other = await makeGovernment(t);
    expect(code).not.toBe(other);
    const username = await makeUser(t, { government: code, roles: ["delegate"] });
    const me = await (await t.as(username)).get("/me");
    expect((await me.json()).government).toMatchObject({ code, name: "Freedonia", standing: "partner" });
  });

  it("make a candidate government whose users are outside the regime", async () => {
    const code = await makeGovernment(t, { status: "candidate", admittedOn: null });
    const me = await (await t.as(await makeUser(t, { government: code }))).get("/me");
    expect((await me.json()).spaces).toEqual([code]);
  });

  it("the policy tests' demo readers are the readers the database loads", async () => {
    for (const username of DEMO) {
      const u = await userByUsername(t.deps.db, username);
      const loaded = u ? await loadReader(t.deps.db, u.id, t.clock.now()) : null;
      expect({ ...loaded, userId: 0 }).toEqual({ ...demoReader(username), userId: 0 });
    }
  });

  it("withClock puts the clock back, even when the work fails", async () => {
    const before = t.clock.now().toISOString();
    await expect(
      withClock(t, "2009-01-01T00:00Z", async () => {
        expect(t.clock.now().toISOString()).toBe("2009-01-01T00:00:00.000Z");
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(t.clock.now().toISOString()).toBe(before);
  });
});
