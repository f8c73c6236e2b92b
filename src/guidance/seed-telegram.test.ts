/**
 * The round trip of the reference scenario: the guidance entered as data, approved and released,
 * rendered by the telegram engine and read back by it, compared field by field with the engine's
 * reading of the seed telegram (../shared/seed/STATE-08-070895.txt, kept in the engine's fixtures).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { US_LADDER } from "../core/access/markings.js";
import {
  type BodyNode,
  checkTelegram,
  type Paragraph,
  readTelegram,
  renderTelegram,
  type SubParagraph,
  type Telegram,
} from "../telegram/index.js";
import { SCENARIO_APPROVAL, SCENARIO_GUIDANCE, SCENARIO_RELEASE } from "./scenario.js";
import { renderGuidance } from "./telegram.js";

/** The seed telegram as the scenario holds it (the copy of ../shared/seed/STATE-08-070895.txt). */
const seedBytes = () =>
  fs.readFileSync(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../scenario/data/STATE-08-070895.txt"),
  );

const text = renderGuidance(SCENARIO_GUIDANCE, US_LADDER, SCENARIO_APPROVAL, SCENARIO_RELEASE);
const ours = readTelegram(text);
const seed = readTelegram(seedBytes());
const o = ours.model;
const s = seed.model;

const paragraphs = (t: Telegram) => t.body.filter((n): n is Paragraph => n.kind === "paragraph");
const subs = (t: Telegram) =>
  (paragraphs(t)[2]?.children ?? []).filter((c): c is SubParagraph => c.kind === "subparagraph");
/** A sub-paragraph's content in order: each portion's kind, text and marking. */
const content = (n: SubParagraph) =>
  n.children.map((c: BodyNode) => ({ kind: c.kind, text: c.text, marking: c.marking?.text ?? null }));
const points = (n: SubParagraph) => content(n).filter((c) => c.kind === "point");
/** The lines that open instruction blocks: the modes. */
const modes = (n: SubParagraph) =>
  content(n).filter((c) => /SHOULD(?: MAKE THE FOLLOWING POINTS)?:$/.test(c.text));

describe("the scenario's guidance, released as a telegram and read back by the engine", () => {
  it("reads back without a diagnostic or a repair, and passes the checker with no error", () => {
    expect(ours.diagnostics).toEqual([]);
    expect(ours.repairs).toEqual([]);
    expect(checkTelegram(o).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("has the seed's precedence, date-time group, FM, TO and INFO", () => {
    expect(o.heading?.precedence).toEqual(s.heading?.precedence);
    expect(o.heading?.dtg).toEqual(s.heading?.dtg);
    expect(o.heading?.from).toBe(s.heading?.from);
    expect(o.heading?.to).toEqual(s.heading?.to);
    expect(o.heading?.info).toEqual(s.heading?.info);
  });

  it("has the seed's classification, message number, attention line, E.O. and declassification date", () => {
    expect(o.classification).toEqual(s.classification);
    expect(o.reference).toEqual(s.reference);
    expect(o.passing).toEqual(["PARIS FOR EST:H.SMITH"]);
    expect(o.passing).toEqual(s.passing);
    expect(o.captions).toEqual(s.captions);
    expect(o.executiveOrder).toEqual(s.executiveOrder);
    expect(o.executiveOrder?.decl?.date).toBe("2033-07-08");
  });

  it("has the seven TAGS, the subject and its marking, the four references and Classified By", () => {
    expect(o.tags).toEqual(s.tags);
    expect(o.tags).toHaveLength(7);
    expect(o.subject).toEqual(s.subject);
    expect(o.references).toEqual(s.references);
    expect(o.references).toHaveLength(4);
    expect(o.classifiedBy).toEqual(s.classifiedBy);
    expect(o.actionRequest).toEqual(s.actionRequest);
  });

  it("has paragraphs 1–4 with the seed's numbers, texts and markings", () => {
    const shape = (t: Telegram) => paragraphs(t).map((p) => [p.number, p.text, p.marking?.text]);
    expect(shape(o)).toEqual(shape(s));
    expect(shape(o).map((p) => p[0])).toEqual([1, 2, 3, 4]);
  });

  it("has sub-paragraphs A–H with the seed's headings and markings — but F's heading, which the seed's copy lost", () => {
    const shape = (t: Telegram) => subs(t).map((n) => [n.letter, n.text, n.marking?.text ?? null]);
    const want = shape(s);
    // The copy of the seed lost F's heading line; the reader placed F's content under an empty
    // heading. The data has the heading the agenda gives it.
    expect(want[5]).toEqual(["F", "", null]);
    expect(subs(s)[5]?.headingMissing).toBe(true);
    want[5] = ["F", "OUTREACH", "SBU"];
    expect(shape(o)).toEqual(want);
  });

  it("has each item's modes, background and notes as the seed has them", () => {
    for (const [i, n] of subs(o).entries()) {
      const theirs = subs(s)[i] as SubParagraph;
      expect(modes(n)).toEqual(modes(theirs));
      const other = (x: SubParagraph) => content(x).filter((c) => c.kind === "text");
      expect(other(n)).toEqual(other(theirs));
    }
    expect(subs(o).map((n) => modes(n).map((m) => m.text.split(",")[0]))).toEqual([
      ["AS APPROPRIATE"],
      ["EMBASSY REP SHOULD:"],
      ["EMBASSY REP SHOULD:"],
      ["EMBASSY REP SHOULD:"],
      ["AS NECESSARY AND APPROPRIATE"],
      ["IF RAISED"],
      ["AS NECESSARY AND APPROPRIATE"],
      ["EMBASSY REP SHOULD:"],
    ]);
  });

  it("has every point with its own marking — B's third point whole, where the seed's copy lost its end", () => {
    for (const [i, n] of subs(o).entries()) {
      const want = points(subs(s)[i] as SubParagraph);
      if (i === 1) {
        // The seed's copy of B.3 stops at "promote a full exchange of", unmarked (the reader says
        // telegram.portion_truncated); the data has the sentence and marking D.4 has for it.
        expect(want[2]).toEqual({
          kind: "point",
          text: expect.stringMatching(/promote a full exchange of$/),
          marking: null,
        });
        want[2] = {
          kind: "point",
          text: `${want[2]?.text} views in Canberra.`,
          marking: "SBU",
        };
      }
      expect(points(n)).toEqual(want);
    }
    expect(subs(o).flatMap((n) => points(n)).length).toBe(20);
  });

  it("has the opening note marked (C), where the seed leaves it to paragraph 3's marking", () => {
    const note = (t: Telegram) => paragraphs(t)[2]?.children[0];
    expect(note(o)?.text).toBe(note(s)?.text);
    expect(note(s)?.marking).toBeNull();
    expect(note(o)?.marking?.text).toBe("C");
  });

  it("is the seed's canonical text but for those three restorations and the archive's end marker", () => {
    const diff = (a: string, b: string) => {
      const x = a.split("\n");
      const y = new Set(b.split("\n"));
      return x.filter((l) => !y.has(l));
    };
    const theirs = readTelegram(seedBytes()).model;
    theirs.end.markers = [];
    expect(diff(text, renderTelegram(theirs))).toEqual([
      "NOTE: Embassy REP should seek guidance from Washington on any issues raised at the July 8 POC meeting that are not specifically addressed below. END NOTE. (C)",
      expect.stringMatching(/promote a full exchange of views in Canberra\. \(SBU\)$/),
      "F. (SBU) OUTREACH",
    ]);
  });
});
