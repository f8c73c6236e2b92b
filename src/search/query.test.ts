import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuery } from "./query.js";

describe("reading a search's words", () => {
  it("keeps words, phrases, exclusions and or for the web-search syntax", () => {
    expect(parseQuery('"silence procedure" Canberra -draft or agenda')).toEqual({
      text: '"silence procedure" Canberra -draft or agenda',
      prefixes: [],
      tags: [],
    });
    expect(parseQuery('-"draft agenda" TEM')).toMatchObject({ text: '-"draft agenda" TEM' });
  });

  it("reads a word ending in * as a prefix, in any script", () => {
    expect(parseQuery("enact* matrix")).toEqual({ text: "matrix", prefixes: ["enact"], tags: [] });
    expect(parseQuery("Réun* contrôle*")).toMatchObject({ text: "", prefixes: ["réun", "contrôle"] });
  });

  it("reads fields, and leaves a colon that names no field in the words", () => {
    expect(
      parseQuery('guidance tags:MTCRE,parm from:"AMEMBASSY PARIS" year:2008 marking:c type:Telegram'),
    ).toEqual({
      text: "guidance",
      prefixes: [],
      tags: ["MTCRE", "PARM"],
      from: "AMEMBASSY PARIS",
      year: 2008,
      marking: "C",
      type: "telegram",
    });
    expect(parseQuery("REGIME (MTCR): GUIDANCE MTCR: note")).toMatchObject({
      text: "REGIME (MTCR): GUIDANCE MTCR: note",
      tags: [],
    });
    expect(parseQuery("Tags:mtcre plenary")).toMatchObject({ text: "plenary", tags: ["MTCRE"] });
  });

  it("says what to fix in a query it cannot read", () => {
    expect(parseQuery("tags:MTCRE")).toEqual({
      problem: "give words to search for, besides the fields (tags:, from: …)",
    });
    expect(parseQuery("e* plenary")).toMatchObject({ problem: expect.stringContaining("enact*") });
    expect(parseQuery("en*act")).toMatchObject({ problem: expect.stringContaining('"en*act"') });
    expect(parseQuery("plenary year:08")).toMatchObject({ problem: expect.stringContaining("year:2008") });
    expect(parseQuery("plenary -tags:MTCRE")).toMatchObject({ problem: expect.stringContaining("tags:") });
    expect(parseQuery('plenary from:""')).toMatchObject({ problem: expect.stringContaining("from:PARIS") });
  });

  it("never throws, and whatever it gives to the database holds no * and no field it read", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom("tags:", "from:", "year:", "type:", "marking:", '"', "*", "-", "or", ":", " "),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const q = pieces.join("");
        const r = parseQuery(q);
        if ("problem" in r) {
          expect(r.problem.length).toBeGreaterThan(0);
          return;
        }
        expect(r.prefixes.every((p) => /^[\p{L}\p{N}]{2,}$/u.test(p))).toBe(true);
        expect(r.text.length + r.prefixes.length).toBeGreaterThan(0);
        expect(r.tags.every((t) => t === t.toUpperCase())).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
