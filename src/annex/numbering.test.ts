import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  categoryOf,
  compareNumbers,
  depthOf,
  formatNumber,
  kindOf,
  numberProblem,
  parentNumber,
  parseNumber,
  sortKey,
  TYPE_LETTERS,
} from "./numbering.js";

/** Any well-formed Annex number: item, type, then alternating numbers and letters. */
const annexNumber = fc
  .tuple(
    fc.integer({ min: 1, max: 20 }),
    fc.option(fc.constantFrom(...TYPE_LETTERS), { nil: null }),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom(..."abcdefghij".split(""))), {
      maxLength: 2,
    }),
    fc.boolean(),
  )
  .map(([item, type, pairs, cut]) => {
    if (!type) return String(item);
    const path = pairs.flat();
    return [String(item), type, ...(cut && path.length > 0 ? path.slice(0, -1) : path).map(String)].join(".");
  });

describe("Annex numbers", () => {
  it("parse as the Annex writes them", () => {
    expect(parseNumber("1.A.1")).toEqual({ item: 1, type: "A", path: [1] });
    expect(parseNumber("2.A.1.c")).toEqual({ item: 2, type: "A", path: [1, "c"] });
    expect(parseNumber("19.A.1")).toEqual({ item: 19, type: "A", path: [1] });
    expect(parseNumber("3.B.1")).toEqual({ item: 3, type: "B", path: [1] });
    expect(parseNumber("3.A.1.c.1")).toEqual({ item: 3, type: "A", path: [1, "c", 1] });
    expect(parseNumber("20")).toEqual({ item: 20, type: null, path: [] });
    expect(parseNumber("11.D")).toEqual({ item: 11, type: "D", path: [] });
    expect(parseNumber(" 1.A.1 ")).toEqual({ item: 1, type: "A", path: [1] });
  });

  it("refuse what is not one, saying what is wrong", () => {
    expect(numberProblem("")).toMatch(/give an Annex number/);
    expect(numberProblem("21.A.1")).toMatch(/no item 21.*1 to 20/);
    expect(numberProblem("0.A.1")).toMatch(/no item 0/);
    expect(numberProblem("01.A.1")).toMatch(/no item 01/);
    expect(numberProblem("1.F.1")).toMatch(/"F" is not a type letter/);
    expect(numberProblem("1.a.1")).toMatch(/"a" is not a type letter/);
    expect(numberProblem("1.A.c")).toMatch(/"c" should be a number/);
    expect(numberProblem("2.A.1.3")).toMatch(/"3" should be a lower-case letter/);
    expect(numberProblem("2.A.1.C")).toMatch(/lower-case letter/);
    expect(numberProblem("1.A.0")).toMatch(/should be a number/);
    expect(numberProblem("1.A.1.")).toMatch(/should be a lower-case letter/);
    expect(numberProblem("A.1")).toMatch(/starts with an item/);
    expect(numberProblem("1..1")).toMatch(/not a type letter/);
    expect(() => parseNumber("x")).toThrow(RangeError);
  });

  it("give items 1–2 Category I and 3–20 Category II", () => {
    expect(categoryOf(1)).toBe("I");
    expect(categoryOf(2)).toBe("I");
    for (let i = 3; i <= 20; i++) expect(categoryOf(i)).toBe("II");
  });

  it("know their kind, depth and parent", () => {
    expect(kindOf(parseNumber("1"))).toBe("item");
    expect(kindOf(parseNumber("1.A"))).toBe("group");
    expect(kindOf(parseNumber("1.A.1"))).toBe("entry");
    expect(parentNumber("2.A.1.c")).toBe("2.A.1");
    expect(parentNumber("2.A.1")).toBe("2.A");
    expect(parentNumber("2.A")).toBe("2");
    expect(parentNumber("2")).toBeNull();
    expect(depthOf("3.A.1.c.1")).toBe(4);
  });

  it("order as the Annex does", () => {
    const list = ["10.A.1", "2.A.1", "1.B.1", "1.A.10", "1.A.2", "1.A", "1", "1.A.2.a", "19.A.1", "3.B.1"];
    expect([...list].sort(compareNumbers)).toEqual([
      "1",
      "1.A",
      "1.A.2",
      "1.A.2.a",
      "1.A.10",
      "1.B.1",
      "2.A.1",
      "3.B.1",
      "10.A.1",
      "19.A.1",
    ]);
  });

  it("print back as they were parsed", () => {
    fc.assert(fc.property(annexNumber, (n) => formatNumber(parseNumber(n)) === n));
  });

  it("sort a parent before its children, and compare as their parts do", () => {
    fc.assert(
      fc.property(annexNumber, (n) => {
        const p = parentNumber(n);
        return p === null || compareNumbers(p, n) < 0;
      }),
    );
    fc.assert(
      fc.property(annexNumber, annexNumber, (a, b) => {
        const byKey = Math.sign(compareNumbers(a, b));
        expect(byKey + Math.sign(compareNumbers(b, a))).toBe(0);
        if (a === b) expect(byKey).toBe(0);
        const pa = parseNumber(a);
        const pb = parseNumber(b);
        if (pa.item !== pb.item) expect(byKey).toBe(Math.sign(pa.item - pb.item));
        expect(sortKey(a) === sortKey(b)).toBe(a === b);
      }),
    );
  });
});
