import { describe, expect, it } from "vitest";
import {
  bannerWords,
  GENERIC_LADDER,
  type Ladder,
  markingTone,
  NATIONAL_LADDERS,
  REGIME_LADDER,
  US_LADDER,
} from "./markings.js";

const ladder = (id: string): Ladder => {
  const l = NATIONAL_LADDERS.find((x) => x.id === id);
  if (!l) throw new Error(id);
  return l;
};

describe("a marking's banner colour", () => {
  it("follows the US banner colours: U green, SBU restricted, C blue, S red, TS orange", () => {
    expect(US_LADDER.levels.map((l) => markingTone(US_LADDER, l.code))).toEqual([
      "unclassified",
      "restricted",
      "confidential",
      "secret",
      "top-secret",
    ]);
  });
  it("reads the regime's, France's, Germany's and the United Kingdom's words", () => {
    expect(REGIME_LADDER.levels.map((l) => markingTone(REGIME_LADDER, l.code))).toEqual([
      "unclassified",
      "restricted",
      "confidential",
    ]);
    expect(ladder("fr").levels.map((l) => markingTone(ladder("fr"), l.code))).toEqual([
      "unclassified",
      "restricted",
      "secret",
      "top-secret",
    ]);
    expect(ladder("de").levels.map((l) => markingTone(ladder("de"), l.code))).toEqual([
      "unclassified",
      "restricted",
      "confidential",
      "secret",
      "top-secret",
    ]);
    expect(ladder("gb").levels.map((l) => markingTone(ladder("gb"), l.label))).toEqual([
      "unclassified",
      "restricted",
      "confidential",
      "secret",
      "top-secret",
    ]);
  });
  it("colours markings without known words by their place on the ladder", () => {
    const odd: Ladder = {
      id: "odd",
      name: "Odd",
      levels: [
        { code: "A", label: "ALPHA" },
        { code: "B", label: "BRAVO" },
        { code: "C", label: "CHARLIE" },
      ],
    };
    expect(["A", "B", "C"].map((m) => markingTone(odd, m))).toEqual(["unclassified", "restricted", "secret"]);
    expect(markingTone(odd, "ZULU")).toBe("unclassified");
    for (const l of GENERIC_LADDER.levels) expect(markingTone(GENERIC_LADDER, l.code)).toMatch(/./);
  });
  it("a marking on another ladder is still coloured by its words", () => {
    expect(markingTone(REGIME_LADDER, "CONFIDENTIAL")).toBe("confidential");
    expect(markingTone(REGIME_LADDER, "SECRET")).toBe("secret");
  });
  it("names a marking in words", () => {
    expect(bannerWords(REGIME_LADDER, "RR")).toBe("REGIME RESTRICTED");
    expect(bannerWords(US_LADDER, "c")).toBe("CONFIDENTIAL");
    expect(bannerWords(REGIME_LADDER, "confidential")).toBe("CONFIDENTIAL");
  });
});
