// For every valid generated model m: readTelegram(renderTelegram(m)).model equals m, compared
// through projectTelegram, which leaves out line numbers and archive metadata (they depend on
// layout and on the source form, not on the telegram).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectTelegram } from "./projection.js";
import { readTelegram } from "./read.js";
import { renderTelegram } from "./render.js";
import { prng, synthModel } from "./synth-model.js";

describe("render then read", () => {
  it("gives back the model", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const m = synthModel(prng(seed));
        const back = readTelegram(renderTelegram(m));
        expect(projectTelegram(back.model)).toEqual(projectTelegram(m));
        expect(back.repairs).toEqual([]);
        expect(back.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("is a fixed point: rendering what was read gives the same text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const text = renderTelegram(synthModel(prng(seed)));
        expect(renderTelegram(readTelegram(text).model)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
