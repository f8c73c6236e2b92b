import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MEETING_KINDS } from "../meetings/index.js";
import {
  type AgendaEntry,
  agendaHeading,
  agendaOrder,
  answeringKind,
  lateSecondsOf,
  takesCalls,
} from "./rules.js";

const entry = (id: number, state: AgendaEntry["state"], position: number | null): AgendaEntry => ({
  id,
  title: `Item ${id}`,
  countryOfOrigin: "Testland",
  kind: "paper",
  summary: ".",
  state,
  position,
});

describe("calls for papers", () => {
  it("are issued for experts meetings only, asking for the paper their deadline rule names", () => {
    expect(MEETING_KINDS.filter(takesCalls)).toEqual(["tem", "ie", "leem", "twg"]);
    expect(answeringKind("tem")).toBe("proposal");
    expect(answeringKind("ie")).toBe("ie_paper");
    expect(answeringKind("leem")).toBe("presentation");
  });

  it("mark a contribution late by the seconds after closing, never early", () => {
    const closes = new Date("2008-10-05T13:00:00Z");
    expect(lateSecondsOf(closes, new Date("2008-10-01T00:00:00Z"))).toBe(0);
    expect(lateSecondsOf(closes, closes)).toBe(0);
    expect(lateSecondsOf(closes, new Date("2008-10-07T13:00:00Z"))).toBe(2 * 86400);
  });
});

describe("the draft agenda", () => {
  it("holds the accepted contributions in the chair's order, unplaced ones last in the order volunteered", () => {
    const list = [
      entry(1, "accepted", null),
      entry(2, "declined", 1),
      entry(3, "accepted", 2),
      entry(4, "accepted", 1),
    ];
    expect(agendaOrder(list).map((x) => x.id)).toEqual([4, 3, 1]);
    expect(agendaHeading({ ...entry(4, "accepted", 1), title: "UAV ranges", kind: "presentation" }, 0)).toBe(
      "1. UAV ranges (Testland; presentation)",
    );
  });

  it("is always the accepted ones, each once, placed ones in order", () => {
    const state = fc.constantFrom("proposed" as const, "accepted" as const, "declined" as const);
    const position = fc.option(fc.integer({ min: 1, max: 20 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(state, position), { maxLength: 30 }), (rows) => {
        const list = rows.map(([s, p], i) => entry(i + 1, s, p));
        const agenda = agendaOrder(list);
        expect(agenda.map((x) => x.id).sort((a, b) => a - b)).toEqual(
          list.filter((x) => x.state === "accepted").map((x) => x.id),
        );
        const places = agenda.map((x) => x.position ?? Number.POSITIVE_INFINITY);
        expect(places).toEqual([...places].sort((a, b) => a - b));
      }),
    );
  });
});
