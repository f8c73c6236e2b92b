import { describe, expect, it } from "vitest";
import {
  allowedMarkings,
  bannerIsValid,
  bannerRank,
  GENERIC_LADDER,
  isMarked,
  levelAt,
  mayRead,
  REGIME_LADDER,
  rankOf,
  US_LADDER,
  validateLadder,
} from "./markings.js";
import { redactPortion, redactPortions, withheldText } from "./redaction.js";

describe("marking ladders", () => {
  it("orders the US ladder U < SBU < C < S < TS", () => {
    expect(["U", "SBU", "C", "S", "TS"].map((m) => rankOf(US_LADDER, m))).toEqual([0, 1, 2, 3, 4]);
  });
  it("orders the regime ladder PUBLIC < REGIME RESTRICTED < REGIME CONFIDENTIAL, by code or label", () => {
    expect(rankOf(REGIME_LADDER, "public")).toBe(0);
    expect(rankOf(REGIME_LADDER, "REGIME RESTRICTED")).toBe(1);
    expect(rankOf(REGIME_LADDER, "rc")).toBe(2);
  });
  it("knows no marking outside its ladder", () => {
    expect(rankOf(REGIME_LADDER, "C")).toBeNull();
    expect(rankOf(US_LADDER, "RR")).toBeNull();
    expect(allowedMarkings(REGIME_LADDER)).toBe("PUBLIC, RR, RC");
  });
  it("puts the banner at the highest portion, never lower", () => {
    expect(bannerRank([0, 2, 1])).toBe(2);
    expect(bannerRank([])).toBe(0);
    expect(bannerIsValid(2, [0, 2, 1])).toBe(true);
    expect(bannerIsValid(1, [0, 2, 1])).toBe(false);
    expect(bannerIsValid(3, [0, 1])).toBe(true);
  });
  it("lets a reader see markings up to their clearance", () => {
    expect(mayRead(2, 2)).toBe(true);
    expect(mayRead(1, 2)).toBe(false);
    expect(isMarked(0)).toBe(false);
    expect(isMarked(1)).toBe(true);
  });
  it("clamps levelAt to the ladder", () => {
    expect(levelAt(US_LADDER, 9).code).toBe("TS");
    expect(levelAt(US_LADDER, -1).code).toBe("U");
  });
  it("validates a configured ladder", () => {
    expect(validateLadder(GENERIC_LADDER)).toEqual([]);
    expect(validateLadder({ id: "X y", name: "", levels: [{ code: "A", label: "A" }] })).toHaveLength(2);
    expect(
      validateLadder({
        id: "xy",
        name: "",
        levels: [
          { code: "A", label: "A" },
          { code: "a", label: "B" },
        ],
      }),
    ).toEqual(["levels: marking a appears twice"]);
  });
});

describe("redaction", () => {
  it("withholds each portion above the clearance and names its marking", () => {
    const out = redactPortions(US_LADDER, 1, [
      { marking: 0, content: "unclassified" },
      { marking: 2, content: "confidential" },
      { marking: 1, content: "sbu" },
    ]);
    expect(out).toEqual([
      { withheld: false, marking: "U", content: "unclassified" },
      { withheld: true, marking: "C", content: null },
      { withheld: false, marking: "SBU", content: "sbu" },
    ]);
  });
  it("shows everything to a reader cleared for the highest portion", () => {
    expect(redactPortion(US_LADDER, 4, { marking: 4, content: "x" }).withheld).toBe(false);
    expect(withheldText("C")).toBe("[withheld: (C)]");
  });
});
