// Accuracy on 60 hand-labelled real telegrams (fixtures/gold, copied from ../shared/cables/gold).
// Prints per-field accuracy; fails when a field falls below its floor. Raise the floors as the
// reader improves; never lower one to make a change pass.

import { describe, expect, it } from "vitest";
import { type Field, formatScore, loadGold, readGoldFile, SCORED, scoreGold } from "./testing/gold.js";

/** Per-field floors, as a share of the labelled values (the counts). */
const FLOOR: Record<(typeof SCORED)[number], number> = {
  tags: 0.99,
  refs: 0.99,
  classified_by: 0.99,
  decl: 0.99,
  dtg: 1,
  subject: 0.99,
};
const OVERALL = 0.99;

describe("the reader on hand-labelled real telegrams (dev-gold.json)", () => {
  const score = scoreGold(loadGold(), readGoldFile);

  it("prints per-field accuracy", () => {
    console.log(formatScore(score));
    expect(score.fields.tags.all).toBe(60);
  });

  it.each(SCORED.map((f) => [f] as [Field]))("%s stays at or above its floor", (f) => {
    const s = score.fields[f];
    const misses = score.misses.filter((m) => m.field === f).map((m) => `${m.refId}: ${m.read} ≠ ${m.gold}`);
    expect(s.labelledRight / s.labelled, misses.join("\n")).toBeGreaterThanOrEqual(
      FLOOR[f as keyof typeof FLOOR],
    );
  });

  it("overall stays at or above its floor", () => {
    expect(score.overall.right / score.overall.of).toBeGreaterThanOrEqual(OVERALL);
  });
});
