import { describe, expect, it } from "vitest";
import { readTelegram } from "./read.js";
import { synthTelegrams } from "./synth.js";

describe("synthTelegrams", () => {
  it("is deterministic for a seed", () => {
    expect([...synthTelegrams({ count: 5, seed: 7 })]).toEqual([...synthTelegrams({ count: 5, seed: 7 })]);
    expect([...synthTelegrams({ count: 1, seed: 7 })]).not.toEqual([
      ...synthTelegrams({ count: 1, seed: 8 }),
    ]);
  });

  it("makes telegrams of realistic size that read without errors", () => {
    const texts = [...synthTelegrams({ count: 200, seed: 3 })];
    const avg = texts.reduce((n, t) => n + t.length, 0) / texts.length;
    expect(avg).toBeGreaterThan(4000);
    expect(avg).toBeLessThan(9000);
    for (const t of texts) {
      const r = readTelegram(t);
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(r.model.reference).not.toBeNull();
      const paragraphs = r.model.body.filter((n) => n.kind === "paragraph").length;
      expect(paragraphs).toBeGreaterThanOrEqual(2);
      expect(paragraphs).toBeLessThanOrEqual(12);
    }
  });
});
