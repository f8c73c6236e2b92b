import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { runReminders } from "./reminders.js";
import { deadlineRules, reminders } from "./schema.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

const temRule = async () =>
  (await t.deps.db.select().from(deadlineRules).where(eq(deadlineRules.code, "tem-proposals")))[0];

const remindedFor = async (ruleId: number, dueAt: string) =>
  (
    await t.deps.db
      .select()
      .from(reminders)
      .where(and(eq(reminders.ruleId, ruleId), eq(reminders.dueAt, new Date(dueAt))))
  ).length;

describe("a deadline moved by a change to its rule", () => {
  it("is reminded of again at its new time, once", async () => {
    const rule = await temRule();
    if (!rule) throw new Error("no tem-proposals rule in the scenario");
    // TEM proposals for the Canberra TEM: due 00:00 4 Sep 2008 Canberra time, reminded 14 days before.
    t.clock.set("2008-08-20T14:00:00Z");
    await runReminders(t.deps);
    const reminded = await remindedFor(rule.id, "2008-09-03T14:00:00Z");
    expect(reminded).toBeGreaterThan(0);
    // The Point of Contact gives Partners one more week: due 00:00 11 Sep 2008 Canberra time.
    const res = await (await t.as("fr.poc")).patch(`/deadline-rules/${rule.id}`, {
      offset: { amount: (rule.offsetAmount ?? 0) - 1, unit: "weeks" },
    });
    expect(res.status).toBe(200);
    t.clock.set("2008-08-27T14:00:00Z");
    await runReminders(t.deps);
    expect(await remindedFor(rule.id, "2008-09-10T14:00:00Z")).toBe(reminded);
    await runReminders(t.deps);
    expect(await remindedFor(rule.id, "2008-09-10T14:00:00Z")).toBe(reminded);
  });
});
