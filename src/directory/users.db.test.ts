import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makeGovernment, makeUser, withClock } from "../../test/support/factories/index.js";
import { auditLog } from "../core/audit/schema.js";
import { userByUsername } from "./repo.js";

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
    const person = await makeUser(t, {
      government: "FR",
      nationalClearance: "NP",
      regimeClearance: "PUBLIC",
    });
    const patch = async (as: string) => (await t.as(as)).patch(`/users/${person}`, { title: "X" });
    const refused = await patch("de.delegate");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe("Only administrators change users.");
    expect((await patch("kz.candidate")).status).toBe(404);
    expect((await patch("admin")).status).toBe(200);
  });

  it("names every clearance that is not on its ladder", async () => {
    const person = await makeUser(t, { government: "FR", nationalClearance: "NP" });
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
      government: "FR",
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

describe("an administrator acts for their own government only", () => {
  const refusal =
    "An administrator administers their own government's users only: US's are for its administrators or an operator.";

  it("may not add a user to another government", async () => {
    const res = await (await t.as("admin")).post("/users", {
      username: "us.planted",
      displayName: "Planted",
      government: "us",
      regimeClearance: "PUBLIC",
      password: "long-enough-password",
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe(refusal);
    expect(await userByUsername(t.deps.db, "us.planted")).toBeNull();
  });

  it("may not change another government's user, whom they see: 403, the user unchanged", async () => {
    const res = await (await t.as("admin")).patch("/users/us.desk", { nationalClearance: "TS" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe(refusal);
    expect((await userByUsername(t.deps.db, "us.desk"))?.nationalClearance).toBe(2);
  });

  it("changes their own government's users, as the demo's administrator does France's", async () => {
    const person = await makeUser(t, { government: "FR", regimeClearance: "RC", nationalClearance: "DR" });
    // Keeping a clearance above the administrator's own, or lowering it, grants nothing.
    const kept = await (await t.as("admin")).patch(`/users/${person}`, {
      title: "Paris desk",
      regimeClearance: "RC",
      nationalClearance: "DR",
    });
    expect(kept.status).toBe(200);
    const lowered = await (await t.as("admin")).patch(`/users/${person}`, { regimeClearance: "RR" });
    expect(lowered.status).toBe(200);
    expect(await userByUsername(t.deps.db, person)).toMatchObject({
      title: "Paris desk",
      regimeClearance: 1,
    });
  });
});

describe("no one grants a clearance above their own", () => {
  it("refuses a new user cleared above the administrator, naming the limit beside each field", async () => {
    const res = await (await t.as("admin")).post("/users", {
      username: "fr.toohigh",
      displayName: "Too high",
      government: "FR",
      regimeClearance: "RR",
      nationalClearance: "S",
      password: "long-enough-password",
    });
    expect(res.status).toBe(403);
    const { error } = await res.json();
    expect(error.code).toBe("forbidden");
    expect(error.message).toBe(
      "No one grants a clearance above their own: regimeClearance: you may grant a regime clearance up to PUBLIC, your own; nationalClearance: you may grant a national clearance up to NP, your own.",
    );
    expect(error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      "regimeClearance",
      "nationalClearance",
    ]);
    expect(await userByUsername(t.deps.db, "fr.toohigh")).toBeNull();
  });

  it("refuses raising a user's clearance above the granter's own", async () => {
    const granter = await makeUser(t, {
      government: "FR",
      roles: ["admin"],
      regimeClearance: "RR",
      nationalClearance: "DR",
    });
    const person = await makeUser(t, {
      government: "FR",
      regimeClearance: "PUBLIC",
      nationalClearance: "NP",
    });
    const api = await t.as(granter);
    expect(
      (await api.patch(`/users/${person}`, { regimeClearance: "RR", nationalClearance: "DR" })).status,
    ).toBe(200);
    const res = await api.patch(`/users/${person}`, { regimeClearance: "RC" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain("regime clearance up to RR, your own");
    expect((await userByUsername(t.deps.db, person))?.regimeClearance).toBe(1);
  });
});

describe("the operator", () => {
  const operatorEntries = (username: string) =>
    t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "operator.cross_government"), eq(auditLog.targetId, username)));

  it("administers any government's users, every such use audited in that government's space", async () => {
    const operator = await makeUser(t, {
      government: "FR",
      roles: ["operator"],
      regimeClearance: "RC",
      nationalClearance: "S",
    });
    const api = await t.as(operator);
    const made = await api.post("/users", {
      username: "us.by.operator",
      displayName: "Made by the operator",
      government: "US",
      regimeClearance: "RC",
      nationalClearance: "C",
      password: "long-enough-password",
    });
    expect(made.status).toBe(201);
    const changed = await api.patch("/users/us.by.operator", { title: "Desk" });
    expect(changed.status).toBe(200);
    const entries = await operatorEntries("us.by.operator");
    expect(entries.map((e) => [e.space, e.actor, (e.details as { did: string }).did])).toEqual([
      ["US", operator, "user.create"],
      ["US", operator, "user.update"],
    ]);
    // Within the operator's own government nothing is crossed.
    const own = await makeUser(t, { government: "FR", nationalClearance: "NP" });
    expect((await api.patch(`/users/${own}`, { title: "Paris" })).status).toBe(200);
    expect(await operatorEntries(own)).toEqual([]);
    // On another ladder, the limit is the rank of the operator's own national clearance (S, the third on France's).
    const high = await api.patch("/users/us.by.operator", { nationalClearance: "S" });
    expect(high.status).toBe(403);
    expect((await high.json()).error.message).toContain(
      "you may grant a national clearance on the United States ladder up to C, the rank of your own",
    );
  });

  it("is made, and an operator's account changed, by operators only", async () => {
    const operator = await makeUser(t, {
      government: "FR",
      roles: ["operator"],
      regimeClearance: "PUBLIC",
      nationalClearance: "NP",
    });
    const admin = await t.as("admin");
    const refused = await admin.patch(`/users/${operator}`, { password: "taken-over-password" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe(
      "Only an operator makes an operator or changes an operator's account.",
    );
    const person = await makeUser(t, {
      government: "FR",
      regimeClearance: "PUBLIC",
      nationalClearance: "NP",
    });
    expect((await admin.patch(`/users/${person}`, { roles: ["operator"] })).status).toBe(403);
    expect((await (await t.as(operator)).patch(`/users/${person}`, { roles: ["operator"] })).status).toBe(
      200,
    );
  });
});

describe("disabling an account", () => {
  it("revokes its API tokens: none works again once the account is enabled again", async () => {
    const person = await makeUser(t, {
      government: "FR",
      regimeClearance: "PUBLIC",
      nationalClearance: "NP",
    });
    const token = await t.token(person);
    const me = () => t.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    const admin = await t.as("admin");
    expect((await admin.patch(`/users/${person}`, { disabled: true })).status).toBe(200);
    expect((await me()).status).toBe(401);
    expect((await admin.patch(`/users/${person}`, { disabled: false })).status).toBe(200);
    expect((await me()).status).toBe(401);
  });
});
