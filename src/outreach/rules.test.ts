import { describe, expect, it } from "vitest";
import { daysText, heldBy, visitProblems, yearOf } from "./rules.js";

describe("outreach rules", () => {
  const host = { name: "China", standingOnFirstDay: "non_partner" };

  it("accepts a visit to a non-Partner with its days in order", () => {
    expect(visitProblems({ firstDay: "2008-03-26", lastDay: "2008-03-27", host, hostCode: "CN" })).toEqual(
      [],
    );
  });

  it("names every problem at once: a Partner host and days out of order", () => {
    const p = visitProblems({
      firstDay: "2008-03-27",
      lastDay: "2008-03-26",
      host: { name: "India", standingOnFirstDay: "partner" },
      hostCode: "IN",
    });
    expect(p.map((x) => x.field)).toEqual(["governmentCode", "lastDay"]);
    expect(p[0]?.message).toContain("India is a Partner on 2008-03-27");
  });

  it("names an unknown government", () => {
    expect(
      visitProblems({ firstDay: "2008-01-01", lastDay: "2008-01-01", host: null, hostCode: "XX" }),
    ).toEqual([{ field: "governmentCode", message: "no government has the code XX" }]);
  });

  it("counts a visit in the year of its first day, held once its last day has come", () => {
    expect(yearOf("2007-12-30")).toBe(2007);
    expect(heldBy("2008-07-02", "2008-07-02")).toBe(true);
    expect(heldBy("2008-09-16", "2008-07-02")).toBe(false);
  });

  it("writes the days as the regime does", () => {
    expect(daysText("2007-12-10", "2007-12-11")).toBe("10–11 December 2007");
    expect(daysText("2008-06-30", "2008-07-02")).toBe("30 June – 2 July 2008");
    expect(daysText("2008-03-26", "2008-03-26")).toBe("26 March 2008");
  });
});
