import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffVersions, sideText, tokens, wordDiff } from "./diff.js";
import type { AnnexNode } from "./tree.js";

const n = (number: string, text: string, notes: string[] = []): AnnexNode => ({
  number,
  text,
  notes,
  technicalNotes: [],
});

describe("the word-level difference", () => {
  it("marks the words taken out and put in", () => {
    expect(wordDiff("a range of at least 300 km", "a range of at least 500 km")).toEqual([
      { op: "same", text: "a range of at least " },
      { op: "del", text: "300" },
      { op: "ins", text: "500" },
      { op: "same", text: " km" },
    ]);
    expect(wordDiff("rocket stages;", "rocket stages; re-entry vehicles;")).toEqual([
      { op: "same", text: "rocket stages;" },
      { op: "ins", text: " re-entry vehicles;" },
    ]);
    expect(wordDiff("", "new")).toEqual([{ op: "ins", text: "new" }]);
    expect(wordDiff("old", "")).toEqual([{ op: "del", text: "old" }]);
    expect(wordDiff("same", "same")).toEqual([{ op: "same", text: "same" }]);
  });

  it("keeps numbers like 1.A.1 and 0.5 whole as words", () => {
    expect(tokens("see 1.A.1 and 0.5 g")).toEqual(["see", " ", "1.A.1", " ", "and", " ", "0.5", " ", "g"]);
    expect(tokens("x, y")).toEqual(["x", ",", " ", "y"]);
  });

  const words = fc.array(fc.constantFrom("rocket", "stage", "500", "kg", "300 km", ",", "the", " ", "a"), {
    maxLength: 25,
  });

  it("reads each side back from its runs", () => {
    fc.assert(
      fc.property(words, words, (xa, xb) => {
        const a = xa.join(" ");
        const b = xb.join(" ");
        const runs = wordDiff(a, b);
        expect(sideText(runs, "before")).toBe(a);
        expect(sideText(runs, "after")).toBe(b);
        for (const [i, r] of runs.entries()) {
          expect(r.text).not.toBe("");
          if (i > 0) expect(runs[i - 1]?.op).not.toBe(r.op);
        }
        if (a === b) expect(runs.every((r) => r.op === "same")).toBe(true);
      }),
    );
  });

  it("keeps as many words as a longest common subsequence", () => {
    fc.assert(
      fc.property(words, words, (xa, xb) => {
        const a = xa.join(" ");
        const b = xb.join(" ");
        const kept = wordDiff(a, b)
          .filter((r) => r.op === "same")
          .flatMap((r) => tokens(r.text)).length;
        expect(kept).toBe(lcsLength(tokens(a), tokens(b)));
      }),
    );
  });
});

function lcsLength(a: string[], b: string[]): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = x === b[j - 1] ? diag + 1 : Math.max(up, prev[j - 1] ?? 0);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

describe("the difference between two versions", () => {
  it("shows entries added, deleted and changed, in the Annex's order", () => {
    const from = [
      n("1", "Item 1"),
      n("1.A.1", "Rockets of 300 km."),
      n("1.A.2", "UAVs."),
      n("3.B.1", "Production."),
    ];
    const to = [
      n("1", "Item 1"),
      n("1.A.1", "Rockets of 500 km."),
      n("1.A.3", "Drones."),
      n("3.B.1", "Production.", ["Note."]),
    ];
    const d = diffVersions(from, to);
    expect(d.entries.map((e) => [e.number, e.kind])).toEqual([
      ["1.A.1", "changed"],
      ["1.A.2", "deleted"],
      ["1.A.3", "added"],
      ["3.B.1", "changed"],
    ]);
    expect(d).toMatchObject({ added: 1, deleted: 1, changed: 2, unchanged: 1 });
    expect(d.entries[0]?.fields).toEqual([
      {
        field: "text",
        runs: [
          { op: "same", text: "Rockets of " },
          { op: "del", text: "300" },
          { op: "ins", text: "500" },
          { op: "same", text: " km." },
        ],
      },
    ]);
    expect(d.entries[3]?.fields.map((f) => f.field)).toEqual(["notes"]);
  });

  it("between a version and itself is empty, and reversed swaps additions and deletions", () => {
    const nodes = fc.uniqueArray(
      fc.record({
        number: fc.constantFrom("1", "1.A.1", "1.A.2", "2.A.1.c", "19.A.1"),
        text: fc.constantFrom("a", "b c", "d"),
      }),
      { selector: (x) => x.number },
    );
    fc.assert(
      fc.property(nodes, nodes, (xa, xb) => {
        const a = xa.map((x) => n(x.number, x.text));
        const b = xb.map((x) => n(x.number, x.text));
        expect(diffVersions(a, a).entries).toEqual([]);
        const ab = diffVersions(a, b);
        const ba = diffVersions(b, a);
        expect(ab.added).toBe(ba.deleted);
        expect(ab.changed).toBe(ba.changed);
        expect(ab.added + ab.changed + ab.unchanged).toBe(b.length);
      }),
    );
  });
});
