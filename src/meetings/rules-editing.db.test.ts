import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makeMeeting, makeRule } from "../../test/support/factories/index.js";
import { pageClient } from "../../test/support/pages.js";
import { auditCount } from "../core/audit/append.js";
import { auditLog } from "../core/audit/schema.js";
import { deadlineRules } from "./schema.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

const { page, post } = pageClient(() => t);

const ruleRow = async (id: number) =>
  (await t.deps.db.select().from(deadlineRules).where(eq(deadlineRules.id, id)))[0];

/** A meeting and a rule of the test's own: proposals two weeks before a POC meeting on 9 March 2010. */
async function ownRule() {
  const meeting = await makeMeeting(t);
  const rule = await makeRule(t, { anchorMeetingId: meeting.id });
  return { meeting, rule };
}

async function dueOf(meetingId: number, ruleId: number): Promise<string> {
  const res = await (await t.as("us.delegate")).get(`/meetings/${meetingId}/deadlines`);
  const body = (await res.json()) as { deadlines: { rule: { id: number }; dueAt: string }[] };
  const d = body.deadlines.find((x) => x.rule.id === ruleId);
  if (!d) throw new Error(`no deadline of rule ${ruleId} on meeting ${meetingId}`);
  return d.dueAt;
}

describe("changing a deadline rule", () => {
  it("moves the meeting's deadline, keeps the code, and writes one audit entry naming what changed", async () => {
    const { meeting, rule } = await ownRule();
    const before = await dueOf(meeting.id, rule.id);
    const audits = await auditCount(t.deps.db);
    const res = await (await t.as("fr.poc")).patch(`/deadline-rules/${rule.id}`, {
      offset: { amount: 3, unit: "weeks" },
      firm: true,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ code: rule.code, offset: { amount: 3, unit: "weeks" }, firm: true });
    const after = await dueOf(meeting.id, rule.id);
    expect(new Date(before).getTime() - new Date(after).getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(await auditCount(t.deps.db)).toBe(audits + 1);
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "deadline_rule.change"))
      .orderBy(auditLog.seq);
    expect(entry?.details).toMatchObject({
      code: rule.code,
      changed: expect.arrayContaining(["offsetAmount", "firm"]),
    });
  });

  it("turns an offset into a set day and back, never leaving both or neither", async () => {
    const { rule } = await ownRule();
    const api = await t.as("fr.poc");
    expect((await api.patch(`/deadline-rules/${rule.id}`, { fixedDay: "2010-02-01" })).status).toBe(200);
    expect(await ruleRow(rule.id)).toMatchObject({
      fixedDay: "2010-02-01",
      offsetAmount: null,
      offsetUnit: null,
    });
    expect(
      (await api.patch(`/deadline-rules/${rule.id}`, { offset: { amount: 5, unit: "days" } })).status,
    ).toBe(200);
    expect(await ruleRow(rule.id)).toMatchObject({ fixedDay: null, offsetAmount: 5, offsetUnit: "days" });
    const both = await api.patch(`/deadline-rules/${rule.id}`, {
      offset: { amount: 5, unit: "days" },
      fixedDay: "2010-02-01",
    });
    expect(both.status).toBe(400);
    expect((await both.json()).error.details.fields).toEqual([
      { field: "fixedDay", message: "give either an offset or a fixed day, not both" },
    ]);
    expect(await ruleRow(rule.id)).toMatchObject({ fixedDay: null, offsetAmount: 5 });
  });

  it("refuses everyone but the Point of Contact, and answers a candidate as if the rule did not exist", async () => {
    const { rule } = await ownRule();
    const before = await ruleRow(rule.id);
    expect(
      (await (await t.as("gb.delegate")).patch(`/deadline-rules/${rule.id}`, { firm: true })).status,
    ).toBe(403);
    const kz = await (await t.as("kz.candidate")).patch(`/deadline-rules/${rule.id}`, { firm: true });
    const missing = await (await t.as("kz.candidate")).patch("/deadline-rules/999999", { firm: true });
    expect(kz.status).toBe(404);
    expect(await kz.json()).toEqual(await missing.json());
    expect(await ruleRow(rule.id)).toEqual(before);
  });

  it("refuses a code change and an unknown anchor, naming the field, and changes nothing", async () => {
    const { rule } = await ownRule();
    const before = await ruleRow(rule.id);
    const api = await t.as("fr.poc");
    const code = await api.patch(`/deadline-rules/${rule.id}`, { code: "renamed" });
    expect(code.status).toBe(400);
    const anchor = await api.patch(`/deadline-rules/${rule.id}`, { anchorMeetingId: 424242 });
    expect((await anchor.json()).error.details.fields[0].field).toBe("anchorMeetingId");
    expect(await ruleRow(rule.id)).toEqual(before);
  });
});

describe("deleting a deadline rule", () => {
  it("deletes a rule nothing happened under, with an audit entry", async () => {
    const { rule } = await ownRule();
    const audits = await auditCount(t.deps.db);
    expect((await (await t.as("fr.poc")).delete(`/deadline-rules/${rule.id}`)).status).toBe(204);
    expect(await ruleRow(rule.id)).toBeUndefined();
    expect(await auditCount(t.deps.db)).toBe(audits + 1);
    expect((await (await t.as("fr.poc")).delete(`/deadline-rules/${rule.id}`)).status).toBe(404);
  });

  it("keeps a rule a submission and a waiver were made under, saying what holds it", async () => {
    const { meeting, rule } = await ownRule();
    const fr = await t.as("fr.poc");
    expect(
      (
        await (
          await t.as("gb.delegate")
        ).post(`/meetings/${meeting.id}/deadlines/${rule.id}/submissions`, {
          title: "A proposal",
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await fr.post(`/meetings/${meeting.id}/deadlines/${rule.id}/waivers`, {
          government: "NZ",
          reason: "Late.",
        })
      ).status,
    ).toBe(201);
    const res = await fr.delete(`/deadline-rules/${rule.id}`);
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({
      code: "deadline_rule.in_use",
      message: `The deadline rule ${rule.code} has 1 submission, 1 waiver on record, so it stays: change its wording or terms instead.`,
    });
    expect(await ruleRow(rule.id)).toBeDefined();
  });
});

describe("the deadline rule pages", () => {
  it("lists the rules for every Partner and offers the forms to the Point of Contact only", async () => {
    const gb = await page("gb.delegate", "/deadline-rules");
    expect(gb.html).toContain("plenary-proposals");
    expect(gb.html).not.toContain("Make a deadline rule");
    const fr = await page("fr.poc", "/deadline-rules");
    expect(fr.html).toContain("Make a deadline rule");
    const kz = await page("kz.candidate", "/deadline-rules");
    expect(kz.html).toContain("No deadline rules that you may see.");
  });

  it("makes a rule from the form and lands on its page with a banner", async () => {
    const meeting = await makeMeeting(t);
    const res = await post("fr.poc", "/deadline-rules", {
      code: "page-made-rule",
      documentKind: "ie_paper",
      anchorKind: "poc",
      anchorMeetingId: String(meeting.id),
      anchorDay: "first",
      offsetAmount: "10",
      offsetUnit: "days",
      fixedDay: "",
      wording: "IE papers ten days before.",
    });
    expect(res.status).toBe(303);
    const location = res.location ?? "";
    expect(location).toMatch(/^\/deadline-rules\/\d+\?notice=made$/);
    const shown = await page("fr.poc", location);
    expect(shown.html).toContain("Deadline rule made.");
    expect(shown.html).toContain(`10 days before the first day of ${meeting.title}`);
  });

  it("shows the edit form filled in, and a refused change comes back with what was typed and the message beside the field", async () => {
    const { rule } = await ownRule();
    const shown = await page("fr.poc", `/deadline-rules/${rule.id}`);
    expect(shown.html).toContain('value="2"');
    expect(shown.html).toContain("Circulate proposals at least two weeks before the meeting.");
    const res = await post("fr.poc", `/deadline-rules/${rule.id}`, {
      documentKind: "plenary_proposal",
      anchorKind: "poc",
      anchorMeetingId: "",
      anchorDay: "first",
      offsetAmount: "two",
      offsetUnit: "weeks",
      fixedDay: "",
      wording: "Typed and kept",
    });
    expect(res.status).toBe(400);
    const html = res.html;
    expect(html).toContain("govuk-error-summary");
    expect(html).toContain("give a whole number of weeks or days");
    expect(html).toContain("Typed and kept");
    expect((await ruleRow(rule.id))?.wording).toBe(
      "Circulate proposals at least two weeks before the meeting.",
    );
  });

  it("deletes from the page, and a rule in use comes back with the reason", async () => {
    const { rule } = await ownRule();
    const gone = await post("fr.poc", `/deadline-rules/${rule.id}/delete`, {});
    expect(gone.status).toBe(303);
    expect(gone.location).toBe("/deadline-rules?notice=deleted");
    const used = await t.deps.db.select({ n: count() }).from(deadlineRules);
    expect(used[0]?.n).toBeGreaterThan(0);
    const kept = await post("gb.delegate", "/deadline-rules/1/delete", {});
    expect(kept.status).toBe(403);
  });
});
