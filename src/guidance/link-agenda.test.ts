import { describe, expect, it } from "vitest";
import { linkAgenda, matchScore } from "./link-agenda.js";
import { SCENARIO_GUIDANCE } from "./scenario.js";

const AGENDA = [
  "Reinforced POC meeting (RPOC)",
  "2008 Canberra MTCR Plenary",
  "Technical Experts Meeting (TEM)",
  "Information Exchange (IE)",
  "Licensing and Enforcement Experts Meeting (LEEM)",
  "Outreach",
  "Membership",
  "National enactment of changes to the MTCR controls",
].map((title, i) => ({ id: 100 + i, title }));

describe("linking items read from a telegram to a meeting's agenda", () => {
  it("links every item of the scenario's guidance to its own agenda item, in order", () => {
    const linked = linkAgenda(SCENARIO_GUIDANCE, AGENDA);
    expect(linked.items.map((i) => i.agendaItemId)).toEqual(AGENDA.map((a) => a.id));
  });

  it("scores the same words, a shared acronym and most words in common, and nothing else", () => {
    expect(matchScore("OUTREACH", "Outreach")).toBe(3);
    expect(matchScore("REINFORCED POINT OF CONTACT MEETING (RPOC)", "Reinforced POC meeting (RPOC)")).toBe(2);
    expect(
      matchScore("NATIONAL ENACTMENT OF MTCR CONTROLS", "National enactment of changes to the MTCR controls"),
    ).toBe(1);
    expect(matchScore("MEMBERSHIP", "Outreach")).toBe(0);
  });

  it("links an agenda item once, and leaves an item that matches none unlinked", () => {
    const items = [SCENARIO_GUIDANCE.items[5], SCENARIO_GUIDANCE.items[5], SCENARIO_GUIDANCE.items[6]].map(
      (i) => ({
        ...(i as (typeof SCENARIO_GUIDANCE.items)[number]),
        agendaItemId: null,
      }),
    );
    items.push({
      ...items[0],
      heading: { text: "ANY OTHER BUSINESS", marking: "C" },
    } as (typeof items)[number]);
    const linked = linkAgenda({ ...SCENARIO_GUIDANCE, items }, AGENDA);
    expect(linked.items.map((i) => i.agendaItemId)).toEqual([105, null, 106, null]);
  });
});
