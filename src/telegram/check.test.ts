import { describe, expect, it } from "vitest";
import { checkTelegram } from "./check.js";
import { eraOf } from "./eras.js";
import type { Telegram } from "./model.js";
import { readTelegram } from "./read.js";
import { renderTelegram } from "./render.js";
import { seedBytes } from "./testing/fixtures.js";

const seed = readTelegram(seedBytes()).model;
const codes = (t: Telegram, era?: "acp127" | "smart") => checkTelegram(t, era).map((f) => f.code);
/** The seed with one change made in its text, read again. */
const edited = (from: string | RegExp, to: string) =>
  readTelegram(renderTelegram(seed).replace(from, to)).model;

describe("checkTelegram", () => {
  it("finds a classification line lower than a portion", () => {
    expect(codes(edited("2. (C) Guidance", "2. (S) Guidance"))).toContain(
      "check.classification_below_portion",
    );
  });

  it("finds unmarked paragraphs and subject in a classified telegram", () => {
    const t = edited("2. (C) Guidance", "2. Guidance");
    expect(checkTelegram(t).find((f) => f.code === "check.portion_unmarked")).toMatchObject({
      severity: "error",
    });
    expect(codes(edited(" POC MEETING (C)", " POC MEETING"))).toContain("check.subject_unmarked");
  });

  it("asks for a declassification instruction on a classified telegram", () => {
    expect(codes(edited("E.O. 12958: DECL: 07/08/2033", "E.O. 12958: N/A"))).toContain(
      "check.declassification_missing",
    );
  });

  it("checks the declassification date against the date-time group and the order", () => {
    expect(codes(edited("DECL: 07/08/2033", "DECL: 07/08/2007"))).toContain(
      "check.declassification_before_dtg",
    );
    expect(codes(edited("DECL: 07/08/2033", "DECL: 07/08/2040"))).toContain(
      "check.declassification_beyond_limit",
    );
    expect(codes(edited("DECL: 07/08/2033", "DECL: 07/01/2018"))).toEqual(["check.heading_missing"]);
  });

  it("knows the exemption codes of each order", () => {
    expect(codes(edited("DECL: 07/08/2033", "DECL: X9"))).toContain("check.exemption_unknown");
    expect(codes(edited("DECL: 07/08/2033", "DECL: X1"))).not.toContain("check.exemption_unknown");
    expect(codes(edited("E.O. 12958: DECL: 07/08/2033", "E.O. 13526: DECL: X1"))).toContain(
      "check.exemption_unknown",
    );
  });

  it("checks the reasons against the order of the time", () => {
    expect(codes(edited("Reason: 1.4 (B), (D)", "Reason: 1.5 (B), (D)"))).toContain("check.reason_invalid");
    expect(codes(edited("Reason: 1.4 (B), (D)", "Reason: 1.4 (B), (J)"))).toContain("check.reason_invalid");
  });

  it("checks precedences: info never above action, and the era's list", () => {
    expect(codes(edited("P R 021202Z", "R O 021202Z"))).toContain("check.precedence_info_above_action");
    expect(codes(seed, "smart")).toContain("check.precedence_not_in_era");
    expect(codes(seed)).not.toContain("check.precedence_not_in_era");
    expect(eraOf("2013-01-01T00:00:00Z").name).toBe("smart");
    expect(codes(edited("021202Z JUL 08", "021202Z JUL 12"))).toContain("check.precedence_not_in_era");
  });

  it("checks TAGS", () => {
    expect(codes(edited(/TAGS: .*\n/, ""))).toContain("check.tags_missing");
    expect(codes(edited("ETTC FR", "ETTC QQ"))).toContain("check.tag_geographic_unknown");
  });

  it("finds gaps in paragraph numbering and unclosed blocks", () => {
    const t = edited("4. (U) PLEASE", "6. (U) PLEASE");
    expect(codes(t)).toContain("check.paragraph_gap");
    expect(codes(edited("END GUIDANCE.", "That is all."))).toContain("check.block_unclosed");
  });

  it("finds references out of order", () => {
    const t = structuredClone(seed);
    const [first, second] = t.references;
    if (!first || !second) throw new Error("the seed has two references at least");
    t.references = [second, first];
    expect(codes(t)).toContain("check.references_out_of_order");
  });
});
