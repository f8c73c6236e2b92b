import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makeUser } from "../../test/support/factories/index.js";
import { actingAsSystem } from "../core/acting.js";
import { setGovernmentLadder } from "./commands/set-ladder.js";
import { parseLevels } from "./ladders.js";
import { ladderOfGovernment } from "./repo.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

const set = (code: string, levels: string) =>
  t.deps.db.transaction((tx) =>
    setGovernmentLadder(tx, actingAsSystem(t.clock.now()), code, parseLevels(levels)),
  );

describe("a government's marking ladder", () => {
  it("is configurable, lowest first, and shows in the government's users' clearances", async () => {
    await set("IT", "NC=NON CLASSIFICATO, RS=RISERVATO, RR=RISERVATISSIMO, S=SEGRETO");
    const ladder = await ladderOfGovernment(t.deps.db, "IT");
    expect(ladder?.levels.map((l) => l.code)).toEqual(["NC", "RS", "RR", "S"]);
    // Italy's own administrator, cleared on its ladder.
    const itAdmin = await makeUser(t, { government: "IT", roles: ["admin"], nationalClearance: "S" });
    const admin = await t.as(itAdmin);
    const made = await admin.post("/users", {
      username: "it.desk",
      displayName: "Italian desk",
      government: "IT",
      nationalClearance: "RR",
      password: "long-enough-password",
    });
    expect(made.status).toBe(201);
    expect((await made.json()).clearances.national).toEqual({
      ladder: "gov-it",
      code: "RR",
      label: "RISERVATISSIMO",
    });
    const wrong = await admin.post("/users", {
      username: "it.other",
      displayName: "X",
      government: "IT",
      nationalClearance: "C",
      password: "long-enough-password",
    });
    expect((await wrong.json()).error.message).toContain("use one of NC, RS, RR, S");
  });

  it("refuses a ladder too short for the clearances already held, or with repeated markings", async () => {
    // us.director holds S, rank 3 of U < SBU < C < S < TS.
    await expect(set("US", "U=UNCLASSIFIED, C=CONFIDENTIAL")).rejects.toThrow("give at least 4 markings");
    await expect(set("NL", "A=ONE, A=TWO")).rejects.toThrow("marking A appears twice");
    await expect(set("NL", "A=ONE")).rejects.toThrow("give at least two markings");
  });
});
