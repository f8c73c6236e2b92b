import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CandidacyState, EVENT_KINDS, type EventCheck, eventProblems, stateAfter } from "./rules.js";

const athens = {
  kind: "plenary",
  title: "2007 Athens Plenary",
  firstDay: "2007-11-05",
  lastDay: "2007-11-09",
};
const pending: CandidacyState = { appliedOn: "2002-05-01", state: "pending", standingOnDay: "candidate" };
const fields = (c: CandidacyState = pending, e: Partial<EventCheck> = {}) =>
  eventProblems(c, { kind: "deferred", on: "2007-11-09", meeting: athens, hasRecord: true, ...e }).map(
    (p) => p.field,
  );

describe("a candidacy's history", () => {
  it("takes a deferral at a Plenary, on one of its days, with its record", () => {
    expect(fields()).toEqual([]);
  });
  it("refuses a step before the application, at a meeting that is not a Plenary, or off its days", () => {
    expect(fields(pending, { on: "2001-01-01" })).toContain("on");
    expect(fields(pending, { meeting: { ...athens, kind: "poc", title: "POC meeting" } })).toEqual([
      "meetingId",
    ]);
    expect(fields(pending, { on: "2007-12-01" })).toEqual(["on"]);
    expect(fields(pending, { meeting: null })).toEqual(["meetingId"]);
  });
  it("refuses admitting a Partner, a deferral without its record, and anything after the end", () => {
    expect(fields({ ...pending, standingOnDay: "partner" }, { kind: "admitted" })).toEqual(["kind"]);
    expect(fields(pending, { hasRecord: false })).toEqual(["source"]);
    expect(fields({ ...pending, state: "withdrawn" }, { kind: "examined" })).toEqual(["kind"]);
  });
  it("names the Plenary to come for a step to be examined, on any day", () => {
    const canberra = {
      kind: "plenary",
      title: "2008 Canberra Plenary",
      firstDay: "2008-11-03",
      lastDay: "2008-11-07",
    };
    expect(
      fields(pending, { kind: "scheduled", on: "2008-04-10", meeting: canberra, hasRecord: false }),
    ).toEqual([]);
  });
  it("never lets anything follow an admission or a withdrawal", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EVENT_KINDS),
        fc.constantFrom("admitted", "withdrawn" as const),
        (kind, end) => {
          const problems = eventProblems(
            { ...pending, state: end },
            { kind, on: "2007-11-09", meeting: athens, hasRecord: true },
          );
          expect(problems.some((p) => p.field === "kind")).toBe(true);
        },
      ),
    );
  });
  it("ends the candidacy only on admission or withdrawal", () => {
    for (const k of EVENT_KINDS)
      expect(stateAfter(k, "pending")).toBe(
        k === "admitted" ? "admitted" : k === "withdrawn" ? "withdrawn" : "pending",
      );
  });
});
