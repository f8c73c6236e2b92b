import { describe, expect, it } from "vitest";
import { textsByLevel } from "./archive/portions.js";
import { bannerOf, subjectLevel, walkLevels } from "./levels.js";
import { MARKING_LADDER, rank } from "./marking.js";
import type { MarkingLevel, SubParagraph } from "./model.js";
import { readTelegram } from "./read.js";
import { redactTelegram } from "./redact.js";
import { renderTelegram } from "./render.js";
import { fixture, seedBytes } from "./testing/fixtures.js";
import { walk } from "./walk.js";

const seed = readTelegram(seedBytes()).model;

describe("redactTelegram", () => {
  it("withholds every portion above the clearance, naming its marking", () => {
    const r = redactTelegram(seed, "SBU");
    const text = renderTelegram(r);
    expect(text).toContain("2. (C) [WITHHELD: (C)]");
    expect(text).toContain("1. (U) This is an action request.");
    expect(text).toContain("-- Reiterate U.S. support for Australia hosting the 2008 Plenary. (SBU)");
    expect(text).toContain("SUBJECT: [WITHHELD: (C)] (C)");
    walk(r.body, (n) => {
      if (n.marking?.level === "C") expect(n.text).toBe("[WITHHELD: (C)]");
    });
  });

  it("shows a sub-paragraph heading only if its own marking allows", () => {
    const r = redactTelegram(seed, "SBU");
    const para3 = r.body[2];
    if (para3?.kind !== "paragraph") throw new Error("paragraph 3 expected");
    const subs = para3.children.filter((c): c is SubParagraph => c.kind === "subparagraph");
    expect(subs.find((s) => s.letter === "A")?.text).toBe("[WITHHELD: (C)]");
    expect(subs.find((s) => s.letter === "B")?.text).toBe("2008 CANBERRA MTCR PLENARY");
  });

  it("changes nothing for a reader cleared above the telegram, and is pure", () => {
    const before = structuredClone(seed);
    expect(redactTelegram(seed, "TS")).toEqual(seed);
    redactTelegram(seed, "U");
    expect(seed).toEqual(before);
  });

  it("withholds unmarked portions at the level they inherit", () => {
    const r = redactTelegram(seed, "U");
    const para3 = r.body[2];
    if (para3?.kind !== "paragraph") throw new Error("paragraph 3 expected");
    expect(para3.children.at(-1)?.text).toBe("[WITHHELD: (C)]");
  });
});

/** A SECRET telegram from an archive page: an unmarked subject, an unmarked top paragraph, a (C) one. */
const UNMARKED = fixture("unmarked-subject.txt");

describe("one rule for unmarked parts", () => {
  const model = readTelegram(UNMARKED).model;

  it("reads the fixture as a SECRET telegram whose subject and second paragraph carry no marking", () => {
    expect(bannerOf(model)).toBe("S");
    expect(model.subject?.marking).toBeNull();
    expect(model.archive?.subject).toContain("ORCHARD");
    expect(model.body[1]?.marking).toBeNull();
  });

  it("withholds an unmarked subject and the archive's copy of it below the banner, shows them at it", () => {
    for (const clearance of ["U", "SBU", "C"] as const) {
      const r = redactTelegram(model, clearance);
      expect(JSON.stringify(r)).not.toMatch(/ORCHARD/i);
      expect(r.subject?.text).toBe("[WITHHELD: (S)]");
      expect(r.archive?.subject).toBe("[WITHHELD: (S)]");
      expect(renderTelegram(r)).not.toMatch(/orchard/i);
    }
    expect(redactTelegram(model, "S").subject?.text).toBe("UNMARKED SUBJECT ABOUT THE ORCHARD");
    expect(redactTelegram(model, "S").archive?.subject).toContain("ORCHARD");
  });

  it("rates an unmarked top-level portion at the banner: withheld below it, shown at it", () => {
    expect(JSON.stringify(redactTelegram(model, "C"))).not.toMatch(/olive/);
    expect(redactTelegram(model, "C").body[0]?.text).toContain("vineyard");
    expect(redactTelegram(model, "S").body[1]?.text).toContain("olive grove");
  });

  it("gives the archive's searchable texts the levels the redactor withholds at", () => {
    const texts = textsByLevel(model, bannerOf(model));
    expect(texts.get("S")).toMatch(/ORCHARD/);
    expect(texts.get("S")).toMatch(/olive grove/);
    expect(texts.get("C")).toMatch(/vineyard/);
    expect(subjectLevel(model)).toBe("S");
  });

  it("withholds exactly the parts the archive files above the clearance, on every telegram and clearance", () => {
    for (const bytes of [seedBytes(), UNMARKED]) {
      const t = readTelegram(bytes).model;
      const banner = bannerOf(t);
      const parts: { text: string; level: MarkingLevel }[] = [];
      walkLevels(t, banner, (n, level) => parts.push({ text: n.text, level }));
      expect(parts.length).toBeGreaterThanOrEqual(2);
      for (const clearance of MARKING_LADDER) {
        const r = redactTelegram(t, clearance);
        const shown: string[] = [];
        walkLevels(r, banner, (n) => shown.push(n.text));
        parts.forEach(({ text, level }, i) => {
          if (rank(level) <= rank(clearance)) expect(shown[i]).toBe(text);
          else expect(shown[i]).toMatch(/^\[WITHHELD: \(/);
        });
        const subjectShown = rank(subjectLevel(t)) <= rank(clearance);
        expect(r.subject?.text === t.subject?.text).toBe(subjectShown);
      }
    }
  });
});
