import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  auditSpace,
  canMove,
  countryOfOriginProblem,
  dedupeKey,
  LINE_WIDTH,
  marksAbove,
  needsCountryOfOrigin,
  PAPER_KINDS,
  PAPER_STATUSES,
  type PaperStatus,
  paperLabel,
  SUMMARY_MAX_LINES,
  summaryLines,
  summaryProblem,
  transitionProblem,
} from "./rules.js";

const line = fc.string({ maxLength: 3 * LINE_WIDTH }).map((s) => s.replace(/[\r\n]/g, " "));

describe("a summary's lines", () => {
  it("count each hard line once, and a long line once for each full width it takes", () => {
    expect(summaryLines("one")).toBe(1);
    expect(summaryLines("x".repeat(LINE_WIDTH))).toBe(1);
    expect(summaryLines("x".repeat(LINE_WIDTH + 1))).toBe(2);
    expect(summaryLines("a\r\nb\rc")).toBe(3);
    // Blank lines count; trailing line breaks do not.
    expect(summaryLines("a\n\nb\n\n\n")).toBe(3);
    expect(summaryLines("   ")).toBe(0);
    // Trailing spaces take no width.
    expect(summaryLines(`${"x".repeat(LINE_WIDTH)}    `)).toBe(1);
  });

  it("add up over the hard lines", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const joined = lines.join("\n");
        fc.pre(joined.trim() !== "" && !joined.endsWith("\n"));
        const each = lines.map((l) => Math.max(1, Math.ceil(l.trimEnd().length / LINE_WIDTH)));
        expect(summaryLines(joined)).toBe(each.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it("are refused past ten, with how many there are and how many are allowed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (n) => {
        const text = Array.from({ length: n }, (_, i) => `line ${i}`).join("\n");
        const problem = summaryProblem(text);
        if (n <= SUMMARY_MAX_LINES) expect(problem).toBeNull();
        else
          expect(problem).toBe(
            `the summary takes ${n} lines; at most 10 are allowed (a line holds up to 100 characters)`,
          );
      }),
    );
  });
});

describe("a paper's status", () => {
  const status = fc.constantFrom(...PAPER_STATUSES);
  const order: Record<PaperStatus, number> = { draft: 0, submitted: 1, circulated: 2, withdrawn: 3 };

  it("only moves forward, and a withdrawn paper never moves", () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        if (canMove(from, to)) expect(order[to]).toBeGreaterThan(order[from]);
        expect(canMove("withdrawn", to)).toBe(false);
        expect(transitionProblem(from, to) === null).toBe(canMove(from, to));
      }),
    );
  });

  it("may always be withdrawn, until it is", () => {
    for (const from of ["draft", "submitted", "circulated"] as const)
      expect(canMove(from, "withdrawn")).toBe(true);
    expect(transitionProblem("submitted", "submitted")).toBe("the paper is already submitted");
    expect(transitionProblem("draft", "circulated")).toBe(
      "a draft paper can only become submitted or withdrawn",
    );
  });
});

describe("the same paper twice", () => {
  const kind = fc.constantFrom(...PAPER_KINDS);
  const meeting = fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null });

  it("is recognised whatever its title's case and spacing", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), kind, meeting, (title, k, m) => {
        const noisy = ` ${title.toUpperCase().replace(/ /g, "  \t")} `;
        expect(dedupeKey({ government: "US", kind: k, meetingId: m, title: noisy })).toBe(
          dedupeKey({ government: "US", kind: k, meetingId: m, title: title.toUpperCase() }),
        );
      }),
    );
  });

  it("is another paper from another government, of another kind or for another meeting", () => {
    const base = { government: "US", kind: "ie_paper" as const, meetingId: 3, title: "Procurement" };
    const key = dedupeKey(base);
    expect(dedupeKey({ ...base, government: "GB" })).not.toBe(key);
    expect(dedupeKey({ ...base, kind: "proposal" })).not.toBe(key);
    expect(dedupeKey({ ...base, meetingId: null })).not.toBe(key);
    expect(dedupeKey({ ...base, title: "Procurement networks" })).not.toBe(key);
  });
});

describe("the country of origin", () => {
  it("is named on the title page of IE papers, presentations and proposals", () => {
    expect(PAPER_KINDS.filter(needsCountryOfOrigin)).toEqual(["proposal", "ie_paper", "presentation"]);
    for (const kind of PAPER_KINDS) {
      expect(countryOfOriginProblem(kind, "France") ?? null).toBeNull();
      expect(countryOfOriginProblem(kind, null) !== null).toBe(needsCountryOfOrigin(kind));
      expect(countryOfOriginProblem(kind, "") !== null).toBe(needsCountryOfOrigin(kind));
    }
    expect(countryOfOriginProblem("ie_paper", undefined)).toBe(
      "an IE paper, presentation or proposal names its country of origin on its title page",
    );
  });
});

describe("labels and audit spaces", () => {
  it("number papers as POC DOCs", () => {
    expect(paperLabel(39)).toBe("POC DOC 39");
  });

  it("keep entries about a paper in its government's space until it is circulated", () => {
    expect(auditSpace({ circulatedAt: null, governmentCode: "US" })).toBe("US");
    expect(auditSpace({ circulatedAt: new Date("2008-04-15T09:00Z"), governmentCode: "US" })).toBe("regime");
  });
});

describe("portion marks in a file's text", () => {
  it("finds the marks above the chosen one, by code or in words, each once and highest first", () => {
    const text = "(RR) Briefings. (RC) Lessons. (REGIME CONFIDENTIAL) More. (RR) again (PUBLIC) (USA) (C)";
    expect(marksAbove(text, 0)).toEqual(["(RC)", "(RR)"]);
    expect(marksAbove(text, 1)).toEqual(["(RC)"]);
    expect(marksAbove(text, 2)).toEqual([]);
  });
  it("reads no mark in ordinary brackets, lower case or another ladder's marks", () => {
    expect(marksAbove("(rc) (Missile Technology Control Regime) (MTCR) (S) (TS)", 0)).toEqual([]);
  });
});
