import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { US_LADDER } from "../core/access/markings.js";
import { checkTelegram, type Paragraph, readTelegram, type SubParagraph } from "../telegram/index.js";
import { slugOf } from "./from-telegram.js";
import {
  passingName,
  type ReportInput,
  renderReport,
  reportTelegram,
  requestLine,
} from "./report-telegram.js";

const p = (text: string, marking: string) => ({ text, marking });

const REPORT: ReportInput = {
  precedence: { action: "PRIORITY", info: "ROUTINE" },
  from: "AMEMBASSY PARIS",
  station: "PARIS",
  to: "SECSTATE WASHDC",
  info: ["MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE"],
  tags: ["MTCRE", "PARM", "FR"],
  subject: p("MTCR: REPORT OF THE JULY 8, 2008 POC MEETING", "C"),
  guidanceRef: "STATE 70895",
  references: [{ kind: "paper", text: "POC DOC 66", andPrevious: false }],
  slug: "ISN/MTR",
  summary: p("The POC meeting of July 8 prepared the Canberra Plenary. Two points need guidance.", "C"),
  items: [
    {
      letter: "A",
      heading: p("REINFORCED POINT OF CONTACT MEETING (RPOC)", "C"),
      said: p("Embassy REP thanked the French POC for the RPOC.", "SBU"),
      outcome: p("Partners welcomed the April RPOC.", "U"),
    },
    {
      letter: "F",
      heading: p("OUTREACH", "SBU"),
      said: p("Two Partners proposed a Chair's visit to a non-Partner.", "C"),
      outcome: p("No decision; the Chair will consult.", "SBU"),
    },
  ],
  requests: [
    {
      text: p("May the U.S. support a Chair's visit in September?", "C"),
      neededBy: "2008-07-09T08:00:00.000Z",
    },
    { text: p("Partners ask for our LEEM presentations.", "SBU"), neededBy: "2008-07-10T14:30:00Z" },
  ],
  classifiedBy: {
    name: "Jane Doe",
    title: "Political Counselor",
    reasons: { section: "1.4", letters: ["B", "D"] },
  },
  declassifyOn: "2033-07-08",
  release: { sentAt: "2008-07-08T17:45:00.000Z", year: 2008, serial: 1234 },
};

const read = (r: ReportInput) => readTelegram(renderReport(r, US_LADDER));
const paragraphs = (r: ReportInput) =>
  read(r).model.body.filter((n): n is Paragraph => n.kind === "paragraph");

describe("a representative's report as a telegram", () => {
  const back = read(REPORT);
  const m = back.model;

  it("reads back without a diagnostic or a repair and passes the checker with no error", () => {
    expect(back.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(back.repairs).toEqual([]);
    expect(checkTelegram(m).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("is from the post to the capital, numbered by the post, with its date-time group", () => {
    expect(m.heading?.from).toBe("AMEMBASSY PARIS");
    expect(m.heading?.to.map((a) => [a.name, a.precedence])).toEqual([["SECSTATE WASHDC", "PRIORITY"]]);
    expect(m.heading?.info.map((a) => a.name)).toEqual(["MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE"]);
    expect(m.heading?.precedence).toMatchObject({ action: "PRIORITY", info: "ROUTINE" });
    expect(m.heading?.dtg).toEqual({ text: "081745Z JUL 08", instant: "2008-07-08T17:45:00Z" });
    expect(m.reference).toMatchObject({ station: "PARIS", serial: "001234", id: "08PARIS1234", year: "08" });
  });

  it("has the guidance telegram as reference A, then the others", () => {
    expect(m.references[0]).toMatchObject({
      letter: "A",
      kind: "telegram",
      telegram: { year: null, station: "STATE", serial: "70895" },
    });
    expect(m.references.map((r) => [r.letter, r.text])).toEqual([
      ["A", "STATE 70895"],
      ["B", "POC DOC 66"],
    ]);
  });

  it("is slugged for the office: in the passing line and the last paragraph", () => {
    expect(m.passing).toEqual(["STATE FOR ISN/MTR"]);
    const last = paragraphs(REPORT).at(-1) as Paragraph;
    expect(last.text).toBe("This report is slugged for ISN/MTR, as REF A asks.");
    expect(last.marking?.text).toBe("U");
    expect(slugOf(last.text)).toBe("ISN/MTR");
  });

  it("is classified at its highest portion, with Classified By and the declassification date", () => {
    expect(m.classification?.level).toBe("CONFIDENTIAL");
    expect(m.executiveOrder).toMatchObject({ order: "12958", decl: { kind: "date", date: "2033-07-08" } });
    expect(m.classifiedBy).toMatchObject({
      title: "Political Counselor",
      name: "Jane Doe",
      reasons: { section: "1.4", letters: ["B", "D"] },
    });
  });

  it("has the summary, the items with the guidance's letters, the requests and the slug, every portion marked", () => {
    const ps = paragraphs(REPORT);
    expect(ps.map((x) => [x.number, x.marking?.text])).toEqual([
      [1, "C"],
      [2, "C"],
      [3, "C"],
      [4, "SBU"],
      [5, "U"],
    ]);
    expect(ps[0]?.text).toBe(
      "SUMMARY: The POC meeting of July 8 prepared the Canberra Plenary. Two points need guidance. END SUMMARY.",
    );
    const subs = (ps[1]?.children ?? []) as SubParagraph[];
    expect(
      subs.map((s) => [
        s.letter,
        s.text,
        s.marking?.text,
        s.children.map((c) => [c.kind, c.text, c.marking?.text]),
      ]),
    ).toEqual([
      [
        "A",
        "REINFORCED POINT OF CONTACT MEETING (RPOC) (REF A ITEM A)",
        "C",
        [
          ["text", "DISCUSSION: Embassy REP thanked the French POC for the RPOC.", "SBU"],
          ["text", "OUTCOME: Partners welcomed the April RPOC.", "U"],
        ],
      ],
      [
        "B",
        "OUTREACH (REF A ITEM F)",
        "SBU",
        [
          ["text", "DISCUSSION: Two Partners proposed a Chair's visit to a non-Partner.", "C"],
          ["text", "OUTCOME: No decision; the Chair will consult.", "SBU"],
        ],
      ],
    ]);
    expect(ps[2]?.text).toBe(
      "REQUEST FOR GUIDANCE BY 090800Z JUL 08: May the U.S. support a Chair's visit in September?",
    );
    expect(ps[3]?.text).toMatch(/^REQUEST FOR GUIDANCE BY 101430Z JUL 08: /);
    expect(m.blocks.map((b) => [b.kind, b.closePath !== null])).toEqual([["SUMMARY", true]]);
  });

  it("gives the checker nothing to say", () => {
    expect(checkTelegram(m)).toEqual([]);
  });

  it("is the model it was rendered from, as the engine reads it", () => {
    const model = reportTelegram(REPORT, US_LADDER);
    expect(m.body.length).toBe(model.body.length);
    expect(m.subject).toEqual(model.subject);
    expect(m.references[0]).toEqual(model.references[0]);
    // The engine reads "POC DOC 66" as a telegram of a station "POC DOC"; guidanceFromTelegram
    // takes it for the paper it is.
    expect(m.references[1]).toMatchObject({
      kind: "telegram",
      telegram: { station: "POC DOC", serial: "66" },
    });
    expect(model.references[1]).toMatchObject({ kind: "other", telegram: null });
    expect(m.executiveOrder).toEqual(model.executiveOrder);
    expect(m.classifiedBy).toEqual(model.classifiedBy);
  });
});

describe("the banner and the lines it brings", () => {
  const low = (marking: string): ReportInput => ({
    ...REPORT,
    subject: p(REPORT.subject.text, marking),
    summary: p(REPORT.summary.text, marking),
    items: REPORT.items.map((i) => ({
      ...i,
      heading: p(i.heading.text, marking),
      said: p(i.said.text, marking),
      outcome: p(i.outcome.text, marking),
    })),
    requests: REPORT.requests.map((q) => ({ ...q, text: p(q.text.text, marking) })),
    classifiedBy: null,
    declassifyOn: null,
  });

  it("sends a report of sensitive but unclassified portions unclassified, with its caption and N/A", () => {
    const m = read(low("SBU")).model;
    expect(m.classification?.level).toBe("UNCLASSIFIED");
    expect(m.captions).toEqual(["SENSITIVE"]);
    expect(m.executiveOrder).toMatchObject({ order: "12958", decl: { kind: "n/a" } });
    expect(checkTelegram(m).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("sends an unclassified report with no caption", () => {
    const m = read(low("U")).model;
    expect(m.classification?.level).toBe("UNCLASSIFIED");
    expect(m.captions).toEqual([]);
    expect(m.classifiedBy).toBeNull();
  });

  it("is SECRET when one point is", () => {
    const r = structuredClone(REPORT);
    (r.requests[1] as { text: { marking: string } }).text.marking = "S";
    const m = read(r).model;
    expect(m.classification?.level).toBe("SECRET");
    expect(checkTelegram(m).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("without a release, shows the number to come and no date-time group", () => {
    const text = renderReport({ ...REPORT, release: null }, US_LADDER);
    expect(text).toContain("CONFIDENTIAL PARIS XXXXXX");
    expect(text).toContain("E.O. 13526: DECL: 07/08/2033");
  });

  it("leaves out what is empty: no items paragraph, no requests, no slug, no said or outcome", () => {
    const bare = { ...REPORT, items: [], requests: [], slug: "" };
    expect(paragraphs(bare).map((x) => x.text.slice(0, 8))).toEqual(["SUMMARY:"]);
    expect(read(bare).model.passing).toEqual([]);
    const quiet = {
      ...REPORT,
      items: [{ ...(REPORT.items[0] as ReportInput["items"][number]), outcome: p("", "") }],
    };
    const item = paragraphs(quiet)[1]?.children[0] as SubParagraph;
    expect(item.children).toHaveLength(1);
  });
});

describe("names and lines", () => {
  it.each([
    ["SECSTATE WASHDC", "STATE"],
    ["AMEMBASSY PARIS", "PARIS"],
    ["USMISSION GENEVA", "GENEVA"],
    ["AMCONSUL HONG KONG", "HONG KONG"],
    ["USUN NEW YORK", "USUN NEW YORK"],
  ])("%s is %s in a passing line", (a, want) => {
    expect(passingName(a)).toBe(want);
  });

  it("writes the time a request is needed by as a date-time group", () => {
    expect(requestLine("2008-07-09T08:00:00Z")).toBe("REQUEST FOR GUIDANCE BY 090800Z JUL 08:");
  });

  it("passes the checker and keeps every portion's marking, for any markings", () => {
    const code = fc.constantFrom("U", "SBU", "C", "S", "TS");
    fc.assert(
      fc.property(fc.array(code, { minLength: 9, maxLength: 9 }), (ms) => {
        const [a, b, c, d, e, f, g, h, i] = ms as string[];
        const r: ReportInput = {
          ...REPORT,
          subject: p(REPORT.subject.text, a as string),
          summary: p(REPORT.summary.text, b as string),
          items: [
            {
              letter: "A",
              heading: p("ONE", c as string),
              said: p("Said.", d as string),
              outcome: p("Done.", e as string),
            },
            {
              letter: "B",
              heading: p("TWO", f as string),
              said: p("Said.", g as string),
              outcome: p("Done.", h as string),
            },
          ],
          requests: [{ text: p("Advise.", i as string), neededBy: "2008-07-09T08:00:00Z" }],
        };
        const m = read(r).model;
        expect(checkTelegram(m).filter((x) => x.severity === "error")).toEqual([]);
        const got = paragraphs(r).flatMap((x) => [
          x.marking?.text,
          ...x.children.flatMap((s) =>
            s.kind === "subparagraph" ? [s.marking?.text, ...s.children.map((k) => k.marking?.text)] : [],
          ),
        ]);
        const top = ["U", "SBU", "C", "S", "TS"][
          Math.max(...[c, d, e, f, g, h].map((x) => ["U", "SBU", "C", "S", "TS"].indexOf(x as string)))
        ];
        expect(got).toEqual([b, top, c, d, e, f, g, h, i, "U"]);
        expect(m.subject?.marking?.text).toBe(a);
      }),
      { numRuns: 200 },
    );
  });
});
