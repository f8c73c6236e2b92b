import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agendaLine, type CurrentItem, parseAgendaLine, planAgenda } from "./agenda-items.js";

const current: CurrentItem[] = [
  { id: 11, title: "Reinforced POC meeting (RPOC)", rank: 0 },
  { id: 12, title: "2008 Canberra MTCR Plenary", rank: 1 },
  { id: 13, title: "Membership", rank: 2 },
];

const plan = (wanted: Parameters<typeof planAgenda>[1]) => {
  const r = planAgenda(current, wanted);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
};

describe("a typed agenda line", () => {
  it("gives its marking in brackets before the title", () => {
    expect(parseAgendaLine("(RC) Membership")).toEqual({ title: "Membership", marking: "RC" });
    expect(parseAgendaLine("  ( rr )  Outreach ")).toEqual({ title: "Outreach", marking: "rr" });
    expect(parseAgendaLine("(REGIME RESTRICTED) Outreach")).toEqual({
      title: "Outreach",
      marking: "REGIME RESTRICTED",
    });
  });

  it("keeps a bracketed start that is no marking as part of the title", () => {
    expect(parseAgendaLine("(IE) papers")).toEqual({ title: "(IE) papers" });
    expect(parseAgendaLine("Technical Experts Meeting (TEM)")).toEqual({
      title: "Technical Experts Meeting (TEM)",
    });
  });

  it("is written back so that it parses to the same item", () => {
    expect(agendaLine("Membership", 2)).toBe("(RC) Membership");
    expect(agendaLine("Outreach", 0)).toBe("Outreach");
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 40 })
          .filter((s) => s.trim() === s && s.length > 0 && !s.startsWith("(")),
        fc.integer({ min: 0, max: 2 }),
        (title, rank) => {
          const e = parseAgendaLine(agendaLine(title, rank));
          expect(e.title).toBe(title);
          expect(e.marking ?? "PUBLIC").toBe(["PUBLIC", "RR", "RC"][rank]);
        },
      ),
    );
  });
});

describe("changing an agenda", () => {
  it("keeps each item's id when it is moved, and its marking unless one is given", () => {
    const p = plan(["Membership", "(RR) Reinforced POC meeting (RPOC)", "2008 Canberra MTCR Plenary"]);
    expect(p.items).toEqual([
      { id: 13, position: 1, title: "Membership", rank: 2 },
      { id: 11, position: 2, title: "Reinforced POC meeting (RPOC)", rank: 1 },
      { id: 12, position: 3, title: "2008 Canberra MTCR Plenary", rank: 1 },
    ]);
    expect(p.removed).toEqual([]);
  });

  it("matches titles ignoring case and spacing; new titles are new PUBLIC items; the rest are removed", () => {
    const p = plan(["membership", "Outreach"]);
    expect(p.items).toEqual([
      { id: 13, position: 1, title: "membership", rank: 2 },
      { id: null, position: 2, title: "Outreach", rank: 0 },
    ]);
    expect(p.removed).toEqual([11, 12]);
  });

  it("renames an item named by its id", () => {
    const p = plan([{ id: 12, title: "Canberra Plenary", marking: "PUBLIC" }, "Membership"]);
    expect(p.items[0]).toEqual({ id: 12, position: 1, title: "Canberra Plenary", rank: 0 });
    expect(p.removed).toEqual([11]);
  });

  it("an id names its item before any title does", () => {
    const p = plan(["Membership", { id: 13, title: "Membership (second reading)" }]);
    expect(p.items.map((i) => i.id)).toEqual([null, 13]);
  });

  it("refuses an id of another agenda, an id named twice and a marking off the ladder, naming each entry", () => {
    const r = planAgenda(current, [
      { id: 99, title: "X" },
      { id: 11, title: "A" },
      { id: 11, title: "B" },
      "Y",
      { title: "Z", marking: "SECRET" },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { field: "agenda.0.id", message: "item 99 is not on this meeting's agenda" },
      { field: "agenda.2.id", message: "item 11 is named twice: name each item once" },
      {
        field: "agenda.4.marking",
        message: "SECRET is not a marking on the regime ladder: give PUBLIC, RR, RC",
      },
    ]);
  });

  it("for any change, positions run 1…n, every kept id is one of the current items once, and kept + removed = current", () => {
    const title = fc.constantFrom("A", "B", "C", "a", "Membership", "Outreach", "D");
    const entry = fc.oneof(title, fc.record({ title, marking: fc.constantFrom("PUBLIC", "RR", "RC") }));
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ id: fc.integer({ min: 1, max: 50 }), title, rank: fc.integer({ min: 0, max: 2 }) }),
          {
            selector: (c) => c.id,
            maxLength: 8,
          },
        ),
        fc.array(entry, { maxLength: 10 }),
        (items, wanted) => {
          const r = planAgenda(items, wanted);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.plan.items.map((i) => i.position)).toEqual(wanted.map((_, i) => i + 1));
          const kept = r.plan.items.flatMap((i) => (i.id === null ? [] : [i.id]));
          expect(new Set(kept).size).toBe(kept.length);
          expect([...kept, ...r.plan.removed].sort((a, b) => a - b)).toEqual(
            items.map((c) => c.id).sort((a, b) => a - b),
          );
        },
      ),
    );
  });
});
