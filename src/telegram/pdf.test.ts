// Telegrams printed to PDF (fixtures/pdf, from ../shared/cables/other/paul-mathieu…/cablegate):
// laid out again as printed lines and read with the same scorer as the hand-labelled plain texts.
// `pdf-gold.json` holds the fields of each, read by eye from the printouts.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Telegram } from "./model.js";
import { isPdf, layOut, pdfText } from "./pdf.js";
import { readTelegram } from "./read.js";
import { FIXTURES } from "./testing/fixtures.js";
import { formatScore, type GoldRecord, SCORED, scoreGold } from "./testing/gold.js";

const DIR = join(FIXTURES, "pdf");
const gold = JSON.parse(readFileSync(join(DIR, "pdf-gold.json"), "utf8")) as GoldRecord[];

describe("laying out a PDF page's text pieces as lines", () => {
  const piece = (text: string, x: number, y: number) => ({ text, x, y, width: text.length * 6, height: 10 });
  it("joins pieces on one baseline in order, with the spaces their distance stands for", () => {
    const text = layOut([piece("ATHENS", 112, 746), piece("FM", 34, 746), piece("AMEMBASSY", 52, 746)]);
    expect(text).toBe("FM AMEMBASSY ATHENS");
  });
  it("keeps the indentation of a wrapped subject and puts a blank line where a line is skipped", () => {
    const text = layOut([
      piece("SUBJECT: A", 34, 700),
      piece("B", 94, 690),
      piece("1. (C) TEXT", 34, 670),
      piece("2.", 34, 660),
    ]);
    expect(text.split("\n")).toEqual(["SUBJECT: A", "          B", "", "1. (C) TEXT", "2."]);
  });
  it("gives nothing for a page without text", () => {
    expect(layOut([])).toBe("");
  });
});

describe("telegrams printed to PDF", () => {
  const texts = new Map<string, string>();
  beforeAll(async () => {
    for (const g of gold) texts.set(g.file, await pdfText(readFileSync(join(DIR, g.file))));
  }, 60_000);

  it("knows a PDF by its signature", () => {
    expect(isPdf(readFileSync(join(DIR, gold[0]?.file ?? "")))).toBe(true);
    expect(isPdf(new TextEncoder().encode("UNCLAS STATE 070895"))).toBe(false);
  });

  it("reads every field of the printouts as labelled by eye", () => {
    const read = (file: string): Telegram => readTelegram(texts.get(file) ?? "").model;
    const score = scoreGold(gold, read);
    console.log(formatScore(score));
    const misses = score.misses
      .filter((m) => (SCORED as readonly string[]).includes(m.field))
      .map((m) => `${m.refId} ${m.field}: ${m.read} ≠ ${m.gold}`);
    expect(misses).toEqual([]);
    expect(score.overall.of).toBeGreaterThan(60);
  });

  it("finds the heading of each that has a date-time group, and who sent it", () => {
    // 00HANOI686 is a partial extract: its printout has the FM line but no date-time group.
    for (const g of gold.filter((x) => x.dtg !== null)) {
      const m = readTelegram(texts.get(g.file) ?? "").model;
      expect(m.heading?.from, g.file).toMatch(/^AMEMBASSY /);
    }
  });

  it("refuses a file that is not a PDF it can open, saying so", async () => {
    await expect(pdfText(new TextEncoder().encode("%PDF-1.4 then nothing"))).rejects.toThrow();
  });
});
