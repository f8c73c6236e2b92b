import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeMatrix,
  type MatrixGovernment,
  type MatrixReport,
  type MatrixSet,
  partnerView,
  REPORT_STATUSES,
  reportProblems,
} from "./matrix.js";

const GOVS: MatrixGovernment[] = [
  { code: "US", name: "United States", partnerFrom: "1987-01-01" },
  { code: "FR", name: "France", partnerFrom: "1987-01-01" },
  { code: "BG", name: "Bulgaria", partnerFrom: "2004-01-01" },
  { code: "IN", name: "India", partnerFrom: "2016-06-27" },
  { code: "KZ", name: "Kazakhstan", partnerFrom: null },
];
const ATHENS: MatrixSet = {
  id: 1,
  title: "Athens 2007",
  adoptedOn: "2007-11-09",
  dueAt: new Date("2008-07-01T00:00:00+10:00"),
};
const SEOUL: MatrixSet = { id: 2, title: "Seoul 2004", adoptedOn: "2004-10-08", dueAt: null };
const report = (over: Partial<MatrixReport>): MatrixReport => ({
  setId: 1,
  governmentCode: "US",
  status: "enacted",
  instrument: "Commerce Control List",
  effectiveOn: "2008-06-16",
  reportedAt: new Date("2008-06-20T10:00:00Z"),
  reportedBy: "us.delegate",
  source: null,
  ...over,
});
const JULY_2 = new Date("2008-07-02T12:02:00Z");

describe("the enactment matrix", () => {
  it("has a row per Partner and a column per set, by adoption", () => {
    const m = computeMatrix(GOVS, [ATHENS, SEOUL], [report({})], JULY_2);
    expect(m.sets.map((s) => s.title)).toEqual(["Seoul 2004", "Athens 2007"]);
    // India is not yet a Partner on 2 July 2008; Kazakhstan never is.
    expect(m.rows.map((r) => r.code)).toEqual(["BG", "FR", "US"]);
    const us = m.rows.find((r) => r.code === "US");
    expect(us?.cells[1]).toMatchObject({ status: "enacted", late: false, overdue: false });
    expect(us?.cells[0]).toMatchObject({ status: "not_reported", overdue: false });
    expect(us).toMatchObject({ complete: 1, expected: 2 });
    // Bulgaria was admitted in 2004, before Seoul's adoption in October: it owes both.
    expect(m.rows.find((r) => r.code === "BG")?.cells.every((c) => c !== null)).toBe(true);
    expect(m.totals).toEqual([
      { setId: 2, expected: 3, reported: 0, complete: 0, overdue: 0 },
      { setId: 1, expected: 3, reported: 1, complete: 1, overdue: 2 },
    ]);
  });

  it("gives a Partner admitted later a row from its admission", () => {
    const m = computeMatrix(GOVS, [ATHENS, SEOUL], [], new Date("2017-01-01T00:00:00Z"));
    const india = m.rows.find((r) => r.code === "IN");
    expect(india?.cells).toEqual([null, null]);
    expect(india).toMatchObject({ expected: 0, partnerFrom: "2016-06-27" });
    const bg = computeMatrix(GOVS, [{ ...SEOUL, adoptedOn: "2003-09-26" }], [], JULY_2).rows.find(
      (r) => r.code === "BG",
    );
    expect(bg?.cells).toEqual([null]);
  });

  it("marks a report after the deadline late, and an unfinished cell overdue once it has passed", () => {
    const late = report({
      governmentCode: "FR",
      status: "in_progress",
      reportedAt: new Date("2008-07-02T09:00:00Z"),
    });
    const m = computeMatrix(GOVS, [ATHENS], [late], JULY_2);
    expect(m.rows.find((r) => r.code === "FR")?.cells[0]).toMatchObject({ late: true, overdue: true });
    const before = computeMatrix(GOVS, [ATHENS], [late], new Date("2008-06-01T00:00:00Z"));
    expect(before.rows.find((r) => r.code === "BG")?.cells[0]).toMatchObject({ overdue: false });
  });

  it("shows other Partners only what they reported, and each Partner its own row whole", () => {
    const m = computeMatrix(GOVS, [ATHENS, SEOUL], [report({})], JULY_2);
    const fr = partnerView(m, "FR");
    expect(fr.rows.map((r) => r.code)).toEqual(["FR", "US"]);
    expect(fr.rows[1]?.cells).toEqual([null, expect.objectContaining({ status: "enacted" })]);
    expect(fr.rows[1]).toMatchObject({ complete: 0, expected: 0 });
    expect(fr.rows[0]?.cells.map((c) => c?.status)).toEqual(["not_reported", "not_reported"]);
    expect(fr.totals.every((t) => t.overdue === 0)).toBe(true);
  });

  const govArb = fc.uniqueArray(
    fc.record({
      code: fc.constantFrom("US", "FR", "DE", "GB", "AU", "BG", "IN", "KZ"),
      name: fc.string({ minLength: 1, maxLength: 5 }),
      partnerFrom: fc.option(fc.constantFrom("1987-01-01", "2004-01-01", "2007-11-10", "2016-06-27"), {
        nil: null,
      }),
    }),
    { selector: (g) => g.code },
  );
  const setArb = fc.uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 9 }),
      title: fc.constant("set"),
      adoptedOn: fc.constantFrom("2003-09-26", "2007-11-09", "2012-10-26"),
      dueAt: fc.option(
        fc.date({ min: new Date("2004-01-01"), max: new Date("2014-01-01"), noInvalidDate: true }),
        { nil: null },
      ),
    }),
    { selector: (s) => s.id },
  );

  it("counts each set's cells from its rows, and a report never lands outside its Partner's cells", () => {
    fc.assert(
      fc.property(
        govArb,
        setArb,
        fc.array(fc.tuple(fc.nat(8), fc.nat(8), fc.constantFrom(...REPORT_STATUSES))),
        (govs, sets, raw) => {
          const reports = raw.flatMap(([gi, si, status]) => {
            const g = govs[gi % Math.max(govs.length, 1)];
            const s = sets[si % Math.max(sets.length, 1)];
            return g && s ? [report({ governmentCode: g.code, setId: s.id, status })] : [];
          });
          const now = new Date("2010-01-01T00:00:00Z");
          const m = computeMatrix(govs, sets, reports, now);
          for (const [i, s] of m.sets.entries()) {
            const cells = m.rows.map((r) => r.cells[i]).filter((c) => c);
            expect(m.totals[i]?.expected).toBe(cells.length);
            expect(m.totals[i]?.expected).toBe(
              govs.filter((g) => g.partnerFrom !== null && g.partnerFrom <= s.adoptedOn).length,
            );
            expect(m.totals[i]?.complete).toBeLessThanOrEqual(m.totals[i]?.reported ?? 0);
          }
          for (const r of m.rows) {
            expect(r.complete).toBeLessThanOrEqual(r.expected);
            for (const c of r.cells) if (c?.report) expect(c.report.governmentCode).toBe(r.code);
          }
          for (const code of govs.map((g) => g.code)) {
            const v = partnerView(m, code);
            for (const r of v.rows)
              if (r.code !== code)
                expect(r.cells.every((c) => c === null || c.status !== "not_reported")).toBe(true);
          }
        },
      ),
    );
  });
});

describe("a report's problems", () => {
  it("name the field to fix", () => {
    const ok = { status: "enacted", instrument: "Commerce Control List", effectiveOn: "2008-06-16" };
    expect(reportProblems(ok, ATHENS)).toEqual([]);
    expect(reportProblems({ ...ok, status: "done" }, ATHENS)).toEqual([
      { field: "status", message: "choose one of in_progress, enacted, not_applicable" },
    ]);
    expect(reportProblems({ ...ok, effectiveOn: "2007-11-08" }, ATHENS)).toEqual([
      { field: "effectiveOn", message: "2007-11-08 is before Athens 2007 was adopted (2007-11-09)" },
    ]);
    expect(
      reportProblems({ status: "enacted", instrument: " ", effectiveOn: null }, ATHENS).map((p) => p.field),
    ).toEqual(["instrument", "effectiveOn"]);
    expect(reportProblems({ status: "in_progress", instrument: null, effectiveOn: null }, ATHENS)).toEqual(
      [],
    );
    expect(reportProblems({ status: "not_applicable", instrument: null, effectiveOn: null }, ATHENS)).toEqual(
      [],
    );
  });
});

describe("a report's source", () => {
  it("is a paper by number, a telegram by reference or a web address", async () => {
    const { sourceProblem, sourceText } = await import("./rules.js");
    expect(sourceProblem(null, null)).toBeNull();
    expect(sourceProblem(null, "x")).toMatch(/paper, a telegram or a link/);
    expect(sourceProblem("paper", "39")).toBeNull();
    expect(sourceProblem("paper", "POC DOC 39")).toBeNull();
    expect(sourceProblem("paper", "thirty")).toMatch(/paper's number/);
    expect(sourceProblem("link", "ftp://x")).toMatch(/http/);
    expect(sourceProblem("link", "https://www.federalregister.gov/")).toBeNull();
    expect(sourceProblem("telegram", " ")).toMatch(/give the source/);
    expect(sourceText("paper", "39")).toBe("POC DOC 39");
    expect(sourceText("telegram", "STATE 070895")).toBe("STATE 070895");
  });
});
