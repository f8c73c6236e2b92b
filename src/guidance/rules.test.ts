import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { US_LADDER } from "../core/access/markings.js";
import {
  bannerRank,
  classificationOf,
  declassificationProblem,
  declassifyOn,
  markingProblems,
  orderOn,
  parseReasons,
  portionsOf,
} from "./rules.js";
import { SCENARIO_GUIDANCE } from "./scenario.js";

const clone = () => structuredClone(SCENARIO_GUIDANCE);

describe("portions and the banner", () => {
  it("the scenario's guidance has 42 portions, its banner is CONFIDENTIAL", () => {
    expect(portionsOf(SCENARIO_GUIDANCE)).toHaveLength(42);
    expect(bannerRank(US_LADDER, SCENARIO_GUIDANCE)).toBe(2);
    expect(
      classificationOf(
        US_LADDER,
        portionsOf(SCENARIO_GUIDANCE).map((p) => p.portion),
      ),
    ).toBe("CONFIDENTIAL");
  });

  it("the banner is the highest portion, for any markings", () => {
    const codes = US_LADDER.levels.map((l) => l.code);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...codes), { minLength: 42, maxLength: 42 }), (marks) => {
        const c = clone();
        portionsOf(c).forEach((p, i) => {
          p.portion.marking = marks[i] as string;
        });
        expect(bannerRank(US_LADDER, c)).toBe(Math.max(...marks.map((m) => codes.indexOf(m))));
      }),
    );
  });

  it("names each unmarked portion, each off the ladder and each above a clearance", () => {
    const c = clone();
    c.subject.marking = "";
    (c.items[2]?.blocks[0]?.points[1] ?? { marking: "" }).marking = "RR";
    (c.items[6]?.notes[0] ?? { marking: "" }).marking = "S";
    expect(markingProblems(US_LADDER, c, 2)).toEqual([
      { field: "subject.marking", message: "the subject is not marked: give one of U, SBU, C, S, TS" },
      {
        field: "items.2.blocks.0.points.1.marking",
        message: "RR is not a marking on the United States ladder: give one of U, SBU, C, S, TS",
      },
      {
        field: "items.6.notes.0.marking",
        message: "note 1 of item 7 is marked S, above the approver's clearance C",
      },
    ]);
    expect(markingProblems(US_LADDER, SCENARIO_GUIDANCE, 2)).toEqual([]);
  });
});

describe("declassification", () => {
  it("25 years from the meeting's day gives the seed's 07/08/2033", () => {
    expect(declassifyOn({ years: 25, from: "2008-07-08" })).toBe("2033-07-08");
    expect(declassifyOn({ years: 1, from: "2008-02-29" })).toBe("2009-02-28");
    expect(declassifyOn({ years: 4, from: "2008-02-29" })).toBe("2012-02-29");
  });

  it("is refused beyond the order's limit or before the approval, and names the limit", () => {
    expect(declassificationProblem("12958", "2008-07-02", "2033-07-08")).toBeNull();
    expect(declassificationProblem("12958", "2008-07-02", "2033-12-31")).toBeNull();
    expect(declassificationProblem("12958", "2008-07-02", "2034-01-01")).toEqual({
      field: "declassification",
      message: "2034-01-01 is beyond E.O. 12958's limit of 25 years: give a date on or before 2033-12-31",
    });
    expect(declassificationProblem("12958", "2008-07-02", "2008-07-01")?.message).toMatch(
      /not after the approval/,
    );
  });

  it("the order in force: 12958 until 13526 took effect on 27 June 2010", () => {
    expect(orderOn("2008-07-02")).toBe("12958");
    expect(orderOn("2010-06-26")).toBe("12958");
    expect(orderOn("2010-06-27")).toBe("13526");
  });

  it("reads classification reasons as the Classified By line gives them", () => {
    expect(parseReasons("1.4 (B), (D)")).toEqual({ section: "1.4", letters: ["B", "D"] });
    expect(parseReasons("1.4(b),(d).")).toEqual({ section: "1.4", letters: ["B", "D"] });
    expect(parseReasons("1.4 b d")).toEqual({ section: "1.4", letters: ["B", "D"] });
    expect(parseReasons("2.1 (B)")).toBeNull();
    expect(parseReasons("1.4 (Z)")).toBeNull();
  });
});
