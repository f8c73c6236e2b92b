// The reader never throws, always returns a model, and stays linear on hostile input.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readTelegram } from "./read.js";
import { fixture, seedBytes } from "./testing/fixtures.js";

const REAL = [
  new TextDecoder().decode(seedBytes()),
  new TextDecoder().decode(fixture("cables/08STATE128877.txt")),
  new TextDecoder().decode(fixture("cables/08STATE128877.html")),
  new TextDecoder().decode(fixture("cables/02BOGOTA1025.txt")),
];

function wellFormed(input: string | Uint8Array): void {
  const r = readTelegram(input);
  expect(r.model).toBeDefined();
  expect(Array.isArray(r.model.body)).toBe(true);
  expect(r.diagnostics.filter((d) => d.code === "telegram.internal_error")).toEqual([]);
}

describe("fuzz", () => {
  it("survives random strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: "binary" }), (s) => wellFormed(s)),
      { numRuns: 300 },
    );
  });

  it("survives random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => wellFormed(b)),
      { numRuns: 200 },
    );
  });

  it("survives random lines of telegram-like tokens", () => {
    const token = fc.constantFrom(
      "¶",
      "1.",
      "12.",
      "1D.",
      "A.",
      "(C)",
      "(S//NF)",
      "--",
      "-",
      "BEGIN GUIDANCE:",
      "END GUIDANCE.",
      "(BACKGROUND:",
      "END NOTE.",
      "REF:",
      "TAGS:",
      "SUBJECT:",
      "E.O. 12958: DECL:",
      "P R 021202Z JUL 08",
      "FM",
      "TO",
      "INFO",
      "XMT",
      "CONFIDENTIAL",
      "S E C R E T",
      "NNNN",
      "$\\P 1$",
      "$\\,$",
      "\n",
      "\n\n",
      " ",
      "<pre>",
      "&#x000A;",
      '"1","',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 300 }), (ts) => wellFormed(ts.join(" "))),
      { numRuns: 300 },
    );
  });

  it("survives mutated real telegrams", () => {
    const mutation = fc.record({
      which: fc.nat(REAL.length - 1),
      at: fc.nat(),
      cut: fc.nat(200),
      insert: fc.string({ maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (ms) => {
        let text = REAL[(ms[0] as { which: number }).which] as string;
        for (const m of ms) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        wellFormed(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("hostile input stays linear", () => {
  const MB = 1024 * 1024;
  const shapes: Record<string, string> = {
    "one huge line": "A".repeat(MB),
    "many (((( ": "(".repeat(MB),
    "many --": "-- ".repeat(MB / 3),
    "100k paragraph numbers": Array.from({ length: 100_000 }, (_, i) => `${i + 1}. (C) x`).join("\n"),
    "markings without end": "(C/REL ".repeat(MB / 7),
    "many ¶ and digits": "¶1".repeat(MB / 2),
    entities: `<pre>${"&#x000A;&amp".repeat(MB / 12)}</pre>`,
    "csv quotes": `"1","${'""'.repeat(MB / 2)}`,
    "one huge heading line": `P R 021202Z JUL 08 ${"FM X TO Y INFO Z ".repeat(MB / 17)}`,
  };
  for (const [name, input] of Object.entries(shapes)) {
    it(`reads 1 MB of ${name} in under 2 s`, () => {
      const t0 = performance.now();
      wellFormed(input);
      expect(performance.now() - t0).toBeLessThan(2000);
    });
  }
});
