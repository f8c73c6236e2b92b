import { describe, expect, it } from "vitest";
import { PROFILE } from "./profile.js";
import {
  type AnchorMeeting,
  allowedNext,
  checkConjunction,
  checkMeetingDays,
  checkRuleTerms,
  checkTransition,
  dueOf,
  durationText,
  latenessOf,
  type RuleTerms,
  ruleApplies,
} from "./rules.js";

const canberraPlenary: AnchorMeeting = {
  id: 5,
  kind: "plenary",
  firstDay: "2008-11-03",
  lastDay: "2008-11-07",
  timeZone: "Australia/Sydney",
  status: "confirmed",
};
const canberraTem: AnchorMeeting = {
  ...canberraPlenary,
  id: 6,
  kind: "tem",
  firstDay: "2008-10-30",
  lastDay: "2008-11-04",
};

const terms = (code: string): RuleTerms => {
  const r = PROFILE.rules.find((x) => x.code === code);
  if (!r) throw new Error(`no rule ${code} in the profile`);
  return {
    anchorKind: r.anchorKind,
    anchorMeetingId: null,
    anchorDay: r.anchorDay,
    offsetAmount: r.offset?.amount ?? null,
    offsetUnit: r.offset?.unit ?? null,
    fixedDay: r.fixedDay,
  };
};

describe("due dates from the rules of STATE 070895", () => {
  it("Plenary proposals and IE papers: four weeks before the Canberra Plenary, 00:00 Canberra summer time", () => {
    for (const code of ["plenary-proposals", "ie-papers"]) {
      const due = dueOf(terms(code), canberraPlenary);
      expect(due.dueDay).toBe("2008-10-06");
      expect(due.dueAt.toISOString()).toBe("2008-10-05T13:00:00.000Z");
    }
  });

  it("TEM proposals: eight weeks before the TEM begins on 30 October (Canberra winter time)", () => {
    const due = dueOf(terms("tem-proposals"), canberraTem);
    expect(due.dueDay).toBe("2008-09-04");
    expect(due.dueAt.toISOString()).toBe("2008-09-03T14:00:00.000Z");
  });

  it("a set date is due as the next day begins in the anchor meeting's time zone", () => {
    const rule: RuleTerms = {
      ...terms("plenary-proposals"),
      anchorMeetingId: 5,
      offsetAmount: null,
      offsetUnit: null,
      fixedDay: "2008-06-30",
    };
    expect(dueOf(rule, canberraPlenary).dueAt.toISOString()).toBe("2008-06-30T14:00:00.000Z");
    expect(dueOf(rule, { ...canberraPlenary, timeZone: "Europe/Paris" }).dueAt.toISOString()).toBe(
      "2008-06-30T22:00:00.000Z",
    );
  });

  it("counts days before the last day when the rule says so", () => {
    const rule: RuleTerms = {
      ...terms("plenary-proposals"),
      anchorDay: "last",
      offsetAmount: 3,
      offsetUnit: "days",
    };
    expect(dueOf(rule, canberraPlenary).dueDay).toBe("2008-11-04");
  });

  it("applies a rule to every meeting of its kind, or to its one meeting, never to a cancelled one", () => {
    const rule = terms("tem-proposals");
    expect(ruleApplies(rule, canberraTem)).toBe(true);
    expect(ruleApplies(rule, canberraPlenary)).toBe(false);
    expect(ruleApplies(rule, { ...canberraTem, status: "cancelled" })).toBe(false);
    const one = { ...rule, anchorMeetingId: 6 };
    expect(ruleApplies(one, canberraTem)).toBe(true);
    expect(ruleApplies(one, { ...canberraTem, id: 60 })).toBe(false);
  });
});

describe("lateness", () => {
  const due = new Date("2008-10-05T13:00:00Z");
  it("is on time up to and at the due instant", () => {
    expect(latenessOf(due, new Date("2008-10-01T00:00:00Z"))).toEqual({
      late: false,
      seconds: 0,
      text: "on time",
    });
    expect(latenessOf(due, due).late).toBe(false);
  });
  it("says by how much a submission is late", () => {
    expect(latenessOf(due, new Date("2008-10-05T13:00:01Z"))).toEqual({
      late: true,
      seconds: 1,
      text: "less than a minute late",
    });
    expect(latenessOf(due, new Date("2008-10-07T16:30:00Z")).text).toBe("2 days 3 hours late");
    expect(latenessOf(due, new Date("2008-10-05T14:45:00Z")).text).toBe("1 hour 45 minutes late");
    expect(durationText(86_400)).toBe("1 day");
  });
});

describe("meeting checks", () => {
  it("refuses a last day before the first, naming the field", () => {
    expect(
      checkMeetingDays({ firstDay: "2008-11-07", lastDay: "2008-11-03", daysWithoutSessions: [] }),
    ).toEqual([
      {
        field: "lastDay",
        message: "2008-11-03 is before the first day 2008-11-07: give a last day on or after the first",
      },
    ]);
  });
  it("keeps days without sessions inside the meeting", () => {
    expect(
      checkMeetingDays({
        firstDay: "2008-10-30",
        lastDay: "2008-11-04",
        daysWithoutSessions: ["2008-11-01", "2008-11-09"],
      }),
    ).toEqual([{ field: "daysWithoutSessions.1", message: expect.stringContaining("outside the meeting") }]);
    expect(
      checkMeetingDays({ firstDay: "2008-02-30", lastDay: "2008-03-01", daysWithoutSessions: [] })[0]?.field,
    ).toBe("firstDay");
  });
  it("holds only experts meetings in conjunction, and only with a Plenary", () => {
    expect(checkConjunction("tem", "plenary")).toBeNull();
    expect(checkConjunction("leem", null)).toBeNull();
    expect(checkConjunction("tem", "poc")?.message).toMatch(
      /in conjunction with a Plenary, and that meeting is a POC meeting/,
    );
    expect(checkConjunction("rpoc", "plenary")?.message).toMatch(
      /Reinforced POC meeting is not held in conjunction/,
    );
  });
  it("moves statuses only along the allowed paths, and a meeting is held only once begun", () => {
    expect(checkTransition("proposed", "confirmed", "2008-11-03", "2008-07-02")).toBeNull();
    expect(checkTransition("confirmed", "held", "2008-11-03", "2008-07-02")?.message).toMatch(
      /cannot be held before/,
    );
    expect(checkTransition("confirmed", "held", "2008-11-03", "2008-11-03")).toBeNull();
    expect(checkTransition("held", "cancelled", "2008-04-10", "2008-07-02")?.message).toMatch(
      /its status is final/,
    );
    expect(checkTransition("proposed", "held", "2008-04-10", "2008-07-02")?.message).toMatch(
      /can become provisionally agreed, confirmed, cancelled/,
    );
    expect(allowedNext("cancelled")).toEqual(["proposed"]);
  });
  it("wants an offset or a set day, and a set day belongs to one meeting", () => {
    const base = terms("plenary-proposals");
    expect(checkRuleTerms(base)).toEqual([]);
    expect(checkRuleTerms({ ...base, offsetAmount: null, offsetUnit: null }).map((p) => p.field)).toEqual([
      "offset",
    ]);
    expect(checkRuleTerms({ ...base, fixedDay: "2008-06-30" }).map((p) => p.field)).toEqual([
      "fixedDay",
      "anchorMeetingId",
    ]);
    expect(
      checkRuleTerms({
        ...base,
        offsetAmount: null,
        offsetUnit: null,
        fixedDay: "2008-06-30",
        anchorMeetingId: 5,
      }),
    ).toEqual([]);
  });
});

describe("changedDueTerms", () => {
  const offsetRule = { offsetAmount: 8, offsetUnit: "weeks" as const, fixedDay: null };
  const dayRule = { offsetAmount: null, offsetUnit: null, fixedDay: "2008-06-30" };
  it("keeps what the change leaves out", async () => {
    const { changedDueTerms } = await import("./rules.js");
    expect(changedDueTerms(offsetRule, {})).toEqual({ offset: { amount: 8, unit: "weeks" }, fixedDay: null });
    expect(changedDueTerms(dayRule, {})).toEqual({ offset: null, fixedDay: "2008-06-30" });
  });
  it("clears the other term when one is set, unless both are given", async () => {
    const { changedDueTerms } = await import("./rules.js");
    expect(changedDueTerms(offsetRule, { fixedDay: "2008-09-01" })).toEqual({
      offset: null,
      fixedDay: "2008-09-01",
    });
    expect(changedDueTerms(dayRule, { offset: { amount: 4, unit: "weeks" } })).toEqual({
      offset: { amount: 4, unit: "weeks" },
      fixedDay: null,
    });
    expect(changedDueTerms(dayRule, { offset: { amount: 2, unit: "days" }, fixedDay: "2008-09-01" })).toEqual(
      {
        offset: { amount: 2, unit: "days" },
        fixedDay: "2008-09-01",
      },
    );
    expect(changedDueTerms(offsetRule, { offset: null })).toEqual({ offset: null, fixedDay: null });
  });
});
