import { describe, expect, it } from "vitest";
import { matchClassification } from "./classification.js";
import { parseClassifiedBy } from "./classified-by.js";
import { decodeBytes, decodeEntities, parseCsvRecord } from "./decode.js";
import { parseDtg } from "./dtg.js";
import { parseExecutiveOrder } from "./eo.js";
import { MARKING_LADDER, parseMarking, rank } from "./marking.js";
import { readTelegram } from "./read.js";
import { splitReferences } from "./references.js";
import { parseTags } from "./tags.js";

describe("markings", () => {
  it("orders the US ladder U < SBU < C < S < TS", () => {
    expect(MARKING_LADDER.map(rank)).toEqual([0, 1, 2, 3, 4]);
  });
  it.each([
    ["C", "C"],
    ["SBU/NF", "SBU"],
    ["S//NF", "S"],
    ["C/REL MTCR", "C"],
    ["S//REL TO USA, ACGU", "S"],
    ["C - ENTIRE TEXT", "C"],
    ["TS", "TS"],
    ["u", "U"],
  ])("reads (%s) as level %s", (text, level) => {
    expect(parseMarking(text, "lead")?.level).toBe(level);
  });
  it.each(["AND PREVIOUS", "RPOC", "U.S.", "Iran", "MTCR"])("does not take (%s) for a marking", (text) => {
    expect(parseMarking(text, "trail")).toBeNull();
  });
});

describe("classification lines", () => {
  it("reads plain, letter-spaced, sectioned and lower-case forms", () => {
    expect(matchClassification("CONFIDENTIAL STATE 070895")).toMatchObject({
      station: "STATE",
      serial: "070895",
    });
    expect(matchClassification("S E C R E T SECTION 01 OF 03 PARIS 001040")?.line).toEqual({
      level: "SECRET",
      text: "S E C R E T",
      letterSpaced: true,
      section: { index: 1, of: 3 },
    });
    expect(matchClassification("UNCLAS EFTO BERN 001234")?.line.text).toBe("UNCLAS EFTO");
    expect(matchClassification("S e c r e t state 068250")).toMatchObject({
      station: "STATE",
      serial: "068250",
    });
    expect(matchClassification("SS E C R E T TUNIS 000123")?.doubled).toBe("SS");
    expect(matchClassification("SECRETARY RICE WILL VISIT")).toBeNull();
  });
});

describe("caption parts", () => {
  it("reads date-time groups", () => {
    expect(parseDtg("021202Z JUL 08", 1, null).instant).toBe("2008-07-02T12:02:00Z");
    expect(parseDtg("130458Z AUG 79", 1, null).instant).toBe("1979-08-13T04:58:00Z");
    expect(parseDtg("321202Z JUL 08", 1, null).instant).toBeNull();
  });
  it("reads executive-order lines", () => {
    expect(parseExecutiveOrder("EO 12958 DECL: 12/08/2018")?.decl).toMatchObject({
      kind: "date",
      date: "2018-12-08",
    });
    expect(parseExecutiveOrder("E.O. 12958: DECL: 2019-02-12")?.decl?.date).toBe("2019-02-12");
    expect(parseExecutiveOrder("E.O. 12958: DECL: 7/8/33")?.decl?.date).toBe("2033-07-08");
    expect(parseExecutiveOrder("E.O. 12958: N/A")?.decl?.kind).toBe("n/a");
    expect(parseExecutiveOrder("E.O. 12356: DECL: OADR")?.decl?.kind).toBe("oadr");
    expect(parseExecutiveOrder("E.O. 12958: DECL: X1, X6")?.decl?.codes).toEqual(["X1", "X6"]);
    expect(parseExecutiveOrder("E.O. 13526: DECL: 25X1")?.decl?.codes).toEqual(["25X1"]);
    expect(parseExecutiveOrder("EO 12958 DECL: TEN YEARS AFTER KOREAN UNIFICATION")?.decl?.kind).toBe(
      "event",
    );
  });
  it("reads tags of every kind", () => {
    expect(
      parseTags("PREL, PGOV OVIP (RICE, CONDOLEEZZA) KNNP FR MTCRE").map((t) => [t.text, t.kind]),
    ).toEqual([
      ["PREL", "subject"],
      ["PGOV", "subject"],
      ["OVIP (RICE, CONDOLEEZZA)", "person"],
      ["KNNP", "program"],
      ["FR", "geographic"],
      ["MTCRE", "organisation"],
    ]);
  });
  it("splits lettered references in their written forms", () => {
    expect(splitReferences("A) STATE 61624 B) DOHA 888 C) DOHA 1036").map((r) => r.text)).toEqual([
      "STATE 61624",
      "DOHA 888",
      "DOHA 1036",
    ]);
    expect(splitReferences("(A) STATE 84703 (B) AMMAN 2093").map((r) => r.letter)).toEqual(["A", "B"]);
    const [a] = splitReferences("A. 05 ABU DHABI 3243");
    expect(a?.telegram).toEqual({ year: "05", station: "ABU DHABI", serial: "3243" });
    expect(splitReferences("a) LONDON 62 (NOTAL)")[0]).toMatchObject({
      letter: "a",
      notal: true,
      kind: "telegram",
    });
  });
  it("keeps an unlettered reference written before the lettered ones, and a doubled letter glued to its reference", () => {
    const refs = splitReferences("09 STATE 96625; A. A)STATE 70789; B. B) SEOUL 1144 C. C) SINGAPORE 675");
    expect(refs.map((r) => [r.letter, r.text, r.kind])).toEqual([
      [null, "09 STATE 96625", "telegram"],
      ["A", "STATE 70789", "telegram"],
      ["B", "SEOUL 1144", "telegram"],
      ["C", "SINGAPORE 675", "telegram"],
    ]);
    // Not a lead reference: an unlettered list stays one.
    expect(splitReferences("STATE 272523; USUN 6028").map((r) => r.text)).toEqual([
      "STATE 272523",
      "USUN 6028",
    ]);
    // Text that only looks like a lead stays one reference.
    expect(splitReferences("MY E-MAIL OF 3 JUNE; A. NOTE").map((r) => r.letter)).toEqual([null]);
  });
  it("reads Classified By in its spellings", () => {
    expect(parseClassifiedBy("Ambassador W.R. Pearson; reasons: 1.5 (b,d).")).toMatchObject({
      title: "Ambassador",
      name: "W.R. Pearson",
      reasons: { section: "1.5", letters: ["B", "D"] },
    });
    expect(parseClassifiedBy("ISN PATRICIA A. MCNERNEY, REASONS 1.4(b) AND (d)")).toMatchObject({
      name: "PATRICIA A. MCNERNEY",
      reasons: { letters: ["B", "D"] },
    });
    expect(parseClassifiedBy("CDA, A.I. RON MCMULLEN FOR REASON 1.5 (A/C).").reasons?.letters).toEqual([
      "A",
      "C",
    ]);
  });
});

describe("sources", () => {
  it("decodes entities but leaves the &…8 quote mangling alone", () => {
    expect(decodeEntities("a&#x000A;b &amp; &pounding on the table8")).toBe("a\nb & &pounding on the table8");
  });
  it("reads bytes that are not UTF-8 as ISO-8859-1", () => {
    expect(decodeBytes(new Uint8Array([0xb6, 0x31, 0x2e]))).toEqual({ text: "¶1.", latin1: true });
  });
  it("parses a CSV record with quotes and newlines", () => {
    expect(parseCsvRecord('"1","a ""b""\nc",d\n"2"').fields).toEqual(["1", 'a "b"\nc', "d"]);
  });
  it("reads a Cablegate CSV row", () => {
    const header = "R 130458Z AUG 79\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 3182";
    const body =
      'C O N F I D E N T I A L TEHRAN 08980\n\nE.O. 12065: GDS 8/12/85\nTAGS: PEPR IR\nSUBJECT: NEGOTIATIONS\n\n1. (C) SAID "NO".\n';
    const row = `"42","1979-08-13 04:58","79TEHRAN8980","Embassy Tehran","CONFIDENTIAL","","${header}","${body.replace(/"/g, '""')}"\n`;
    const r = readTelegram(row);
    expect(r.format).toBe("cablegate-csv");
    expect(r.model.archive).toMatchObject({ refId: "79TEHRAN8980", origin: "Embassy Tehran" });
    expect(r.model.reference?.id).toBe("79TEHRAN8980");
    expect(r.model.body[0]).toMatchObject({ kind: "paragraph", number: 1, text: 'SAID "NO".' });
  });
  it("reports empty input and never throws", () => {
    expect(readTelegram("").diagnostics[0]?.code).toBe("telegram.empty");
    expect(readTelegram(new Uint8Array()).model.body).toEqual([]);
  });
});
