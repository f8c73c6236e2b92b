import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTelegram } from "./check.js";
import type { BodyNode, Paragraph, SubParagraph } from "./model.js";
import { readTelegram } from "./read.js";
import { renderTelegram } from "./render.js";
import { FIXTURES, seedBytes } from "./testing/fixtures.js";

const result = readTelegram(seedBytes());
const t = result.model;
const para = (n: number) =>
  t.body.find((x): x is Paragraph => x.kind === "paragraph" && x.number === n) as Paragraph;
const subs = () => para(3).children.filter((c): c is SubParagraph => c.kind === "subparagraph");
const sub = (l: string) => subs().find((s) => s.letter === l) as SubParagraph;
const points = (s: SubParagraph) => s.children.filter((c) => c.kind === "point");
const codes = () => result.repairs.map((r) => r.code);

describe("the seed STATE 070895", () => {
  it("reads as plain text without errors", () => {
    expect(result.format).toBe("plain");
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("reads the heading copied onto one line", () => {
    expect(t.heading?.precedence).toEqual({ text: "P R", action: "PRIORITY", info: "ROUTINE" });
    expect(t.heading?.dtg).toEqual({ text: "021202Z JUL 08", instant: "2008-07-02T12:02:00Z" });
    expect(t.heading?.from).toBe("SECSTATE WASHDC");
    expect(t.heading?.to).toEqual([
      {
        routing: null,
        name: "AMEMBASSY PARIS",
        precedence: "PRIORITY",
        serial: null,
        collective: false,
        exclusions: [],
      },
    ]);
    expect(t.heading?.info[0]?.name).toBe("MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE");
    expect(t.heading?.info[0]?.collective).toBe(true);
    expect(codes()).toContain("telegram.heading_split");
  });

  it("reads the classification line and message reference", () => {
    expect(t.classification).toEqual({
      level: "CONFIDENTIAL",
      text: "CONFIDENTIAL",
      letterSpaced: false,
      section: null,
    });
    expect(t.reference).toEqual({
      year: "08",
      station: "STATE",
      serial: "070895",
      id: "08STATE70895",
      display: "STATE 070895",
    });
    expect(t.passing).toEqual(["PARIS FOR EST:H.SMITH"]);
    expect(t.captions).toEqual([]);
  });

  it("reads the E.O. line, TAGS and subject", () => {
    expect(t.executiveOrder).toEqual({
      order: "12958",
      text: "DECL: 07/08/2033",
      decl: { kind: "date", text: "07/08/2033", date: "2033-07-08", codes: [] },
    });
    expect(t.tags.map((x) => `${x.text}:${x.kind}`)).toEqual([
      "MTCRE:organisation",
      "PARM:subject",
      "MNUC:subject",
      "KSCA:program",
      "TSPA:subject",
      "ETTC:subject",
      "FR:geographic",
    ]);
    expect(t.subject?.text).toBe(
      "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): GUIDANCE FOR THE JULY 8, 2008 POC MEETING",
    );
    expect(t.subject?.marking).toEqual({ text: "C", level: "C", position: "trail" });
  });

  it("recovers the four references through the noise", () => {
    expect(t.references.map((r) => [r.letter, r.text, r.kind])).toEqual([
      ["A", "SMITH-DURHAM E MAIL OF 06-26-08", "email"],
      ["B", "STATE 633 (AND PREVIOUS)", "telegram"],
      ["C", "STATE 65780", "telegram"],
      ["D", "STATE 44438", "telegram"],
    ]);
    expect(t.references[1]?.andPrevious).toBe(true);
    expect(t.references[3]?.telegram).toEqual({ year: null, station: "STATE", serial: "44438" });
    expect(
      result.repairs.some((r) => r.code === "telegram.pilcrow_misread" && r.from === "1D. STATE 44438"),
    ).toBe(true);
  });

  it("reads Classified By with title, name and reasons", () => {
    expect(t.classifiedBy).toMatchObject({
      title: "ISN/MTR Director",
      name: "Pam Durham",
      reasons: { section: "1.4", letters: ["B", "D"] },
    });
  });

  it("recovers paragraphs 1 to 4, paragraph 4 written as 14.", () => {
    expect(t.body.filter((n) => n.kind === "paragraph").map((n) => (n as Paragraph).number)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(para(1).marking?.level).toBe("U");
    expect(para(2).marking?.level).toBe("C");
    expect(para(3).text).toBe("BEGIN GUIDANCE:");
    expect(para(4).text).toMatch(/^PLEASE SLUG ANY REPORTING/);
    expect(result.repairs.some((r) => r.from === "14." && r.to === "4.")).toBe(true);
    expect(t.actionRequest).toEqual({ paragraph: 1, pointsTo: 3 });
  });

  it("recovers sub-paragraphs A to H, placing the headless F", () => {
    expect(subs().map((s) => s.letter)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
    expect(sub("A").text).toBe("REINFORCED POINT OF CONTACT MEETING (RPOC)");
    expect(sub("G").text).toBe("MEMBERSHIP");
    const f = sub("F");
    expect(f.headingMissing).toBe(true);
    expect(f.children[0]?.text).toMatch(/^\(BACKGROUND: The U\.S\. supports efforts to enhance transparency/);
    expect(points(f)).toHaveLength(3);
    expect(points(sub("E"))).toHaveLength(2);
    const d = result.diagnostics.find((x) => x.code === "telegram.subparagraph_heading_missing");
    expect(d?.severity).toBe("warning");
    expect(d?.message).toMatch(/Sub-paragraph F/);
  });

  it("gives every point its own marking", () => {
    const marks = (s: SubParagraph) => points(s).map((p) => p.marking?.text ?? null);
    expect(marks(sub("A"))).toEqual(["SBU", "C"]);
    expect(marks(sub("B"))).toEqual(["SBU", "C", null]);
    expect(marks(sub("C"))).toEqual(["U", "U", "SBU", "U"]);
    expect(marks(sub("D"))).toEqual(["C", "C", "C", "SBU"]);
    expect(marks(sub("F"))).toEqual(["SBU", "C", "C"]);
    expect(marks(sub("H"))).toEqual(["U"]);
    expect(result.diagnostics.some((x) => x.code === "telegram.portion_truncated")).toBe(true);
  });

  it("finds the NOTE and BEGIN/END GUIDANCE blocks", () => {
    const kinds = t.blocks.map((b) => b.kind);
    expect(kinds.filter((k) => k === "NOTE")).toHaveLength(2);
    expect(kinds.filter((k) => k === "BACKGROUND")).toHaveLength(8);
    const guidance = t.blocks.find((b) => b.kind === "GUIDANCE");
    expect(guidance?.openPath).toEqual([2]);
    expect(guidance?.closePath).toEqual([2, 9]);
    const last = para(3).children.at(-1) as BodyNode;
    expect(last.text).toBe("END GUIDANCE.");
  });

  it("repairs the OCR slips and records each repair", () => {
    const g = sub("G").children.find((c) => c.text.startsWith("NOTE:"));
    expect(g?.text).toMatch(/membership application, Embassy Rep/);
    expect(g?.text).toMatch(/for guidance\. END NOTE\.$/);
    expect(codes()).toEqual(
      expect.arrayContaining(["telegram.ocr_letter", "telegram.ocr_digit", "telegram.line_rejoined"]),
    );
    const h = points(sub("H"))[0];
    expect(h?.text).toMatch(/June 16, 2008\.$/);
    expect(result.repairs.find((r) => r.code === "telegram.ocr_letter")).toMatchObject({
      from: "quidance",
      to: "guidance",
    });
  });

  it("reads the end of message and the archive's marker", () => {
    expect(t.end).toEqual({ lines: ["NNNN"], markers: ["End Cable Text"] });
    expect(t.signature).toBeNull();
  });

  it("passes check without errors", () => {
    const findings = checkTelegram(t);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.map((f) => f.code).sort()).toEqual([
      "check.declassification_near_limit",
      "check.heading_missing",
    ]);
  });

  it("renders to the golden canonical text", () => {
    const golden = readFileSync(join(FIXTURES, "STATE-08-070895.golden.txt"), "utf8");
    expect(renderTelegram(t)).toBe(golden);
  });

  it("reads its own rendering back to the same model", () => {
    const again = readTelegram(renderTelegram(t));
    expect(renderTelegram(again.model)).toBe(renderTelegram(t));
    expect(again.repairs.filter((r) => r.code !== "telegram.pilcrow_removed")).toEqual([]);
  });
});
