import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AmendmentChange, applyAmendments, changeProblem, setProblems, withBefore } from "./amend.js";
import { diffVersions } from "./diff.js";
import type { AnnexNode, EntryText } from "./tree.js";
import { treeProblems } from "./tree.js";

const t = (text: string, notes: string[] = [], technicalNotes: string[] = []): EntryText => ({
  text,
  notes,
  technicalNotes,
});
const node = (number: string, text: string): AnnexNode => ({ number, ...t(text) });

const BASE: AnnexNode[] = [
  node("1", "Category I - Item 1"),
  node("1.A", ""),
  node(
    "1.A.1",
    "Complete rocket systems capable of delivering at least a 500 kg payload to a range of at least 300 km.",
  ),
  node("1.A.2", "Complete unmanned aerial vehicle systems."),
  node("2", "Category I - Item 2"),
  node("2.A", ""),
  node("2.A.1", "Complete subsystems usable in the systems specified in 1.A, as follows:"),
  node("2.A.1.a", "Individual rocket stages;"),
];

describe("applying an amendment set", () => {
  it("adds, changes and deletes entries to make the next version", () => {
    const r = applyAmendments(BASE, [
      { op: "add", number: "2.A.1.b", before: null, after: t("Re-entry vehicles;") },
      { op: "change", number: "1.A.2", before: null, after: t("Complete UAV systems.", ["A note."]) },
      { op: "delete", number: "2.A.1.a", before: null, after: null },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.nodes.map((n) => n.number)).toEqual([
      "1",
      "1.A",
      "1.A.1",
      "1.A.2",
      "2",
      "2.A",
      "2.A.1",
      "2.A.1.b",
    ]);
    expect(r.nodes.find((n) => n.number === "1.A.2")).toMatchObject({
      text: "Complete UAV systems.",
      notes: ["A note."],
    });
    expect(treeProblems(r.nodes)).toEqual([]);
    // The base is left as it was.
    expect(BASE.find((n) => n.number === "2.A.1.a")).toBeDefined();
  });

  it("refuses a change to an entry the base does not hold, naming it", () => {
    const r = applyAmendments(BASE, [
      { op: "change", number: "19.A.1", before: null, after: t("x") },
      { op: "delete", number: "3.B.1", before: null, after: null },
    ]);
    expect(r).toEqual({
      ok: false,
      problems: [
        { number: "19.A.1", message: "19.A.1 is not in the base version" },
        { number: "3.B.1", message: "3.B.1 is not in the base version" },
      ],
    });
  });

  it("refuses an addition that is already there or has no parent", () => {
    const r = applyAmendments(BASE, [
      { op: "add", number: "1.A.1", before: null, after: t("again") },
      { op: "add", number: "3.A.1", before: null, after: t("orphan") },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message)).toEqual([
      "1.A.1 is already in the base version",
      "3.A.1 sits under 3.A, which is not in the Annex",
    ]);
  });

  it("refuses a stale 'before', a deletion that orphans, and a set that changes one entry twice", () => {
    expect(
      applyAmendments(BASE, [{ op: "change", number: "1.A.2", before: t("Other text."), after: t("New.") }]),
    ).toMatchObject({
      ok: false,
      problems: [{ number: "1.A.2", message: expect.stringMatching(/before does not match/) }],
    });
    expect(
      applyAmendments(BASE, [{ op: "delete", number: "2.A.1", before: null, after: null }]),
    ).toMatchObject({
      ok: false,
      problems: [{ message: "2.A.1 cannot be deleted while 2.A.1.a is under it" }],
    });
    expect(
      setProblems([
        { op: "delete", number: "1.A.2", before: null, after: null },
        { op: "change", number: "1.A.2", before: null, after: t("y") },
      ]),
    ).toEqual([{ number: "1.A.2", message: "1.A.2 is changed twice in the set; make it one change" }]);
  });

  it("checks each change on its own", () => {
    expect(changeProblem({ op: "add", number: "1.A.3", before: null, after: null })).toMatch(
      /needs its text after/,
    );
    expect(changeProblem({ op: "change", number: "1.A.3", before: null, after: null })).toMatch(
      /needs its text after/,
    );
    expect(changeProblem({ op: "delete", number: "1.A.3", before: null, after: t("x") })).toMatch(
      /no text after/,
    );
    expect(changeProblem({ op: "change", number: "1.A.3", before: t("x"), after: t("x") })).toMatch(
      /same as before/,
    );
    expect(changeProblem({ op: "add", number: "1.Q.3", before: null, after: t("x") })).toMatch(/type letter/);
    expect(changeProblem({ op: "add", number: "1.A.3", before: null, after: t("x") })).toBeNull();
  });

  it("records the base's text as each change's 'before'", () => {
    const filled = withBefore(BASE, [
      { op: "change", number: "1.A.2", before: null, after: t("New.") },
      { op: "add", number: "1.A.3", before: null, after: t("Added.") },
    ]);
    expect(filled[0]?.before).toEqual(t("Complete unmanned aerial vehicle systems."));
    expect(filled[1]?.before).toBeNull();
  });

  const textArb = fc.constantFrom(
    "alpha beta",
    "gamma",
    "delta epsilon zeta",
    "rocket stage",
    "guidance set",
  );
  const changesArb = fc
    .array(
      fc.record({
        pick: fc.integer({ min: 0, max: BASE.length - 1 }),
        op: fc.constantFrom<AmendmentChange["op"]>("change", "delete", "add"),
        text: textArb,
        sub: fc.integer({ min: 3, max: 40 }),
      }),
      { maxLength: 6 },
    )
    .map((xs) => {
      const seen = new Set<string>();
      const out: AmendmentChange[] = [];
      for (const x of xs) {
        const base = BASE[x.pick];
        if (!base) continue;
        const number = x.op === "add" ? `1.A.${x.sub}` : base.number;
        if (seen.has(number)) continue;
        seen.add(number);
        out.push({
          op: x.op,
          number,
          before: null,
          after: x.op === "delete" ? null : t(`${x.text} ${x.sub}`),
        });
      }
      return out;
    });

  it("when it applies, the difference from the base is exactly the set's changes", () => {
    fc.assert(
      fc.property(changesArb, (changes) => {
        const r = applyAmendments(BASE, changes);
        if (!r.ok) {
          // Refused sets name only entries the set changes.
          for (const p of r.problems) expect(changes.map((c) => c.number)).toContain(p.number);
          return;
        }
        expect(treeProblems(r.nodes)).toEqual([]);
        const d = diffVersions(BASE, r.nodes);
        expect(d.entries.map((e) => e.number).sort()).toEqual(changes.map((c) => c.number).sort());
        for (const c of changes) {
          const e = d.entries.find((x) => x.number === c.number);
          expect(e?.kind).toBe(c.op === "add" ? "added" : c.op === "delete" ? "deleted" : "changed");
        }
        expect(d.unchanged).toBe(BASE.length - d.changed - d.deleted);
      }),
    );
  });

  it("never applies the same additions twice", () => {
    fc.assert(
      fc.property(changesArb, (changes) => {
        const adds = changes.filter((c) => c.op === "add");
        fc.pre(adds.length > 0);
        const r = applyAmendments(BASE, changes);
        fc.pre(r.ok);
        if (!r.ok) return;
        expect(applyAmendments(r.nodes, adds).ok).toBe(false);
      }),
    );
  });
});
