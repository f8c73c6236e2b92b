import { describe, expect, it } from "vitest";
import type { SubParagraph } from "./model.js";
import { readTelegram } from "./read.js";
import { redactTelegram } from "./redact.js";
import { renderTelegram } from "./render.js";
import { seedBytes } from "./testing/fixtures.js";
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
