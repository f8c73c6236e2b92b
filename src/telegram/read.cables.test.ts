import { describe, expect, it } from "vitest";
import type { Paragraph } from "./model.js";
import { readTelegram } from "./read.js";
import { renderTelegram } from "./render.js";
import { fixture } from "./testing/fixtures.js";

const read = (name: string) => readTelegram(fixture(`cables/${name}`));
const paragraphs = (name: string) =>
  read(name).model.body.filter((n): n is Paragraph => n.kind === "paragraph");

describe("real telegrams", () => {
  it("reads an archive HTML page: metadata table, <pre> blocks, ¶ anchors, tag links", () => {
    const r = read("08STATE128877.html");
    expect(r.format).toBe("archive-html");
    expect(r.model.archive).toMatchObject({
      refId: "08STATE128877",
      created: "2008-12-08 17:05",
      classification: "SECRET",
      origin: "Secretary of State",
    });
    expect(r.model.heading?.formatLines).toEqual([
      "VZCZCXYZ0005",
      "OO RUEHWEB",
      "DE RUEHC #8877 3431741",
      "ZNY SSSSS ZZH",
    ]);
    expect(r.model.heading?.to[0]).toMatchObject({
      name: "AMEMBASSY RIYADH",
      precedence: "IMMEDIATE",
      serial: "0000",
    });
    expect(r.model.classification).toMatchObject({
      level: "SECRET",
      text: "S E C R E T",
      letterSpaced: true,
    });
    expect(r.model.reference?.id).toBe("08STATE128877");
    expect(r.model.captions).toEqual(["SIPDIS", "SECRET//REL SAU"]);
    expect(r.model.tags.map((t) => t.text)).toEqual(["EFIN", "IR", "KNNP", "PARM", "PINR", "PREL"]);
    expect(r.model.references.map((x) => x.text)).toEqual(["RIYADH 1667", "STATE 115523"]);
    expect(r.model.classifiedBy?.reasons).toEqual({ section: "1.4", letters: ["B", "D"] });
    expect(r.model.actionRequest).toEqual({ paragraph: 1, pointsTo: 4 });
  });

  it("reads the same cable as archive text with metadata lines to the same model", () => {
    const html = read("08STATE128877.html").model;
    const txt = read("08STATE128877.txt");
    expect(txt.format).toBe("archive-text");
    expect(renderTelegram(txt.model)).toBe(renderTelegram(html));
  });

  it("keeps the original &…8 quote mangling as text", () => {
    const r = read("04OTTAWA3115.html");
    const all = renderTelegram(r.model);
    expect(all).toMatch(/&[a-z][^;\n]{0,40}8/);
  });

  it("reads a lower-case telegram", () => {
    const r = read("08BERLIN1068.txt");
    expect(r.model.classification?.level).toBe("SECRET");
    expect(r.model.reference?.id).toBe("08BERLIN1068");
    expect(r.model.executiveOrder?.decl?.kind).toBe("date");
    expect(r.model.tags.length).toBeGreaterThan(2);
    expect(r.model.subject?.text.toLowerCase()).toContain("germany requests release");
  });

  it("reads the cablegate id:/header: variant", () => {
    const r = read("02BOGOTA1025.txt");
    expect(r.format).toBe("cablegate-text");
    expect(r.model.archive?.refId).toBe("02BOGOTA1025");
    expect(r.model.heading?.dtg?.instant).toBe("2002-02-04T11:52:00Z");
    expect(r.model.reference?.id).toBe("02BOGOTA1025");
    expect(r.model.signature).toBe("PATTERSON");
    expect(paragraphs("02BOGOTA1025.txt").map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.model.classifiedBy?.reasons).toEqual({ section: "1.5", letters: ["B", "D"] });
  });

  it("reads an E.O. 12065 cable with its glued classification line", () => {
    const r = read("79TEHRAN8980.txt");
    expect(r.model.executiveOrder?.order).toBe("12065");
    expect(r.model.executiveOrder?.decl).toMatchObject({ kind: "date", date: "1985-08-12" });
    expect(r.model.classification?.section).toEqual({ index: 1, of: 2 });
    expect(r.repairs.some((x) => x.code === "telegram.line_split")).toBe(true);
    expect(r.model.reference?.id).toBe("79TEHRAN8980");
  });

  it("removes page-break and distribution lines, recording each", () => {
    const r = read("01HANOI3294.txt");
    expect(r.repairs.some((x) => x.code === "telegram.page_line_removed")).toBe(true);
    expect(r.repairs.some((x) => x.code === "telegram.distribution_removed")).toBe(true);
    expect(r.model.archive?.partial).toBe(true);
    expect(renderTelegram(r.model)).not.toMatch(/PAGE 0\d|LOG-00/);
  });

  it("splits a classification glued to a PRIORITY addressee", () => {
    const r = read("01DOHA1093.txt");
    expect(r.model.heading?.info.at(-1)).toMatchObject({ name: "AMEMBASSY LONDON", precedence: "PRIORITY" });
    expect(r.model.classification?.level).toBe("SECRET");
    expect(r.model.executiveOrder?.decl?.date).toBe("2011-04-07");
    expect(r.model.tags.map((t) => t.text)).toEqual(["PREL", "PTER", "AF", "PA", "QA"]);
    expect(r.model.references.map((x) => x.letter)).toEqual(["A", "B", "C"]);
  });

  it("reads PRIOITY as PRIORITY and records the repair", () => {
    const text = new TextDecoder()
      .decode(fixture("cables/01DOHA1093.txt"))
      .replace("WASHDC PRIORITY 4229", "WASHDC PRIOITY 4229");
    const r = readTelegram(text);
    expect(r.model.heading?.to[0]).toMatchObject({
      name: "SECSTATE WASHDC",
      precedence: "PRIORITY",
      serial: "4229",
    });
    expect(r.repairs.find((x) => x.code === "telegram.precedence_typo")).toMatchObject({
      from: "PRIOITY",
      to: "PRIORITY",
    });
  });

  it("reads a metadata-only record without inventing a telegram", () => {
    const r = read("01STATE176819.txt");
    expect(r.model.archive?.refId).toBe("01STATE176819");
    expect(r.model.body).toEqual([]);
    expect(r.diagnostics.some((d) => d.code === "telegram.heading_missing")).toBe(true);
  });

  it("splits a classification glued to the serial (9600UNCLAS)", () => {
    const r = read("01HAVANA4690.txt");
    expect(r.model.heading?.to[0]).toMatchObject({ name: "SECSTATE WASHDC", serial: "9600" });
    expect(r.model.reference?.id).toBe("01HAVANA4690");
    expect(r.model.passing).toEqual(["S/CT FOR REAP"]);
  });

  it("reads ISO-8859-1 with CRLF line endings (0xB6 is ¶)", () => {
    const r = read("09PARIS1040.txt");
    expect(r.diagnostics.some((d) => d.code === "telegram.latin1")).toBe(true);
    expect(r.model.reference?.id).toBe("09PARIS1040");
    expect(r.model.heading?.info[0]).toMatchObject({
      routing: "RUEHZO",
      name: "AFRICAN UNION COLLECTIVE",
      collective: true,
    });
    expect(paragraphs("09PARIS1040.txt").map((p) => p.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    expect(r.model.signature).toBe("PEKALA");
    expect(r.model.classifiedBy?.reasons).toEqual({ section: "1.4", letters: ["B", "D"] });
  });

  it("reads a whole 2011 archive page", () => {
    const r = read("72TEHRAN1164.html");
    expect(r.format).toBe("archive-html");
    expect(r.model.archive?.refId).toBe("72TEHRAN1164");
    expect(r.model.heading?.dtg?.instant).toBe("1972-02-25T09:30:00Z");
    expect(r.model.reference?.id).toBe("72TEHRAN1164");
    expect(paragraphs("72TEHRAN1164.html")).toHaveLength(8);
    expect(r.model.signature).toBe("HECK");
  });

  it("reads 88BAGHDAD28, whose archive record holds a 2009 STATE cable", () => {
    const r = read("88BAGHDAD28.txt");
    expect(r.model.archive?.refId).toBe("88BAGHDAD28");
    // the telegram names itself STATE 068250 and declassifies in 2034: it is not a 1988 cable
    expect(r.model.reference?.display).toBe("STATE 068250");
    expect(r.model.executiveOrder?.decl?.date).toBe("2034-07-01");
    expect(r.model.subject?.marking).toMatchObject({ text: "s", level: "S" });
    expect(r.model.classifiedBy?.reasons).toEqual({ section: "1.4", letters: ["B", "C", "D"] });
  });

  it("skips the archive's date line before the classification", () => {
    const r = read("10SEOUL290.txt");
    expect(r.model.reference?.id).toBe("10SEOUL290");
    expect(r.model.heading?.info[0]).toMatchObject({
      routing: "RUCNKOR",
      name: "KOREA COLLECTIVE",
      precedence: "PRIORITY",
    });
    const b = read("08BEIJING1141.txt");
    expect(b.model.tags.map((t) => t.text)).toContain("KN");
    expect(b.model.classification?.section).toEqual({ index: 1, of: 2 });
  });
});
