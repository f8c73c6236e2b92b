import { describe, expect, it } from "vitest";
import { US_LADDER } from "../core/access/markings.js";
import type { GuidanceContent } from "./content.js";
import { SCENARIO_GUIDANCE } from "./scenario.js";
import { compareContent, seeContent, withheldContent } from "./views.js";

const C = 2;
const withSecret = (): GuidanceContent => {
  const c = structuredClone(SCENARIO_GUIDANCE);
  c.items[0]?.blocks[0]?.points.push({ text: "A secret point.", marking: "S" });
  return c;
};

describe("guidance as a reader sees it", () => {
  it("withholds a portion above the reader, naming its marking, and keeps its place", () => {
    const seen = seeContent(US_LADDER, withSecret(), C);
    expect(seen.items[0]?.blocks[0]?.points[2]).toEqual({ text: null, marking: "S", withheld: true });
    expect(seen.items[0]?.blocks[0]?.points[0]?.withheld).toBe(false);
    expect(JSON.stringify(withheldContent(US_LADDER, withSecret(), C))).not.toContain("A secret point.");
  });

  it("rates an unmarked portion at the banner", () => {
    const c = withSecret();
    if (c.items[1]) c.items[1].heading.marking = "";
    expect(seeContent(US_LADDER, c, C).items[1]?.heading).toEqual({
      text: null,
      marking: "S",
      withheld: true,
    });
    expect(seeContent(US_LADDER, c, 3).items[1]?.heading.withheld).toBe(false);
  });

  it("compares two versions portion by portion, with modes and agenda items, withheld above the reader", () => {
    const a = structuredClone(SCENARIO_GUIDANCE);
    const b = withSecret();
    if (b.items[1]?.blocks[0]) b.items[1].blocks[0].mode = "if_raised";
    if (b.items[2]) b.items[2].agendaItemId = 9;
    if (b.items[3]) b.items[3].heading = { text: "INFORMATION EXCHANGE", marking: "C" };
    const changes = compareContent(US_LADDER, a, b, C);
    expect(changes.map((x) => [x.field, x.change])).toEqual([
      ["items.3.heading", "changed"],
      ["items.0.blocks.0.points.2", "added"],
      ["items.1.blocks.0.mode", "changed"],
      ["items.2.agendaItemId", "changed"],
    ]);
    expect(changes[1]?.after).toEqual({ text: null, marking: "S", withheld: true });
    expect(compareContent(US_LADDER, a, structuredClone(a), C)).toEqual([]);
  });
});
