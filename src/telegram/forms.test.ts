// The other forms people hold (../shared/cables/other): whole pages in the archive's 2011 layout,
// and ISO-8859-1 text with CRLF line endings. Read like their twins where both exist, and with
// every caption found where none does.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTelegram } from "./read.js";
import { CABLES } from "./testing/fixtures.js";
import { goldView } from "./testing/gold.js";

const OTHER = join(CABLES, "other");
const PAGES_2011 = join(OTHER, "MarkChips__cablegate-search-app", "test-set");
const LATIN1 = join(OTHER, "paul-mathieu__cablegate-cia-analysis", "data-sample", "cablegate-converted");

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );

describe.skipIf(!existsSync(PAGES_2011))("pages in the archive's 2011 layout", () => {
  const pages = existsSync(PAGES_2011) ? filesUnder(PAGES_2011).sort() : [];

  it("read as their twins in the 2010 layout and as plain text", () => {
    const twins = ["72TEHRAN1164", "72TEHRAN5055"];
    for (const id of twins) {
      const page = pages.find((p) => p.endsWith(`${id}.html`)) ?? "";
      const v2011 = goldView(readTelegram(readFileSync(page)).model);
      const v2010 = goldView(
        readTelegram(readFileSync(join(CABLES, "archive-pages", "html", `${id}.html`))).model,
      );
      const text = goldView(
        readTelegram(readFileSync(join(CABLES, "archive-pages", "txt", `${id}.txt`))).model,
      );
      expect(v2011, id).toEqual(text);
      expect(v2010, id).toEqual(text);
      expect(v2011.tags.length, id).toBeGreaterThan(0);
    }
  });

  it("give each page's heading, classification, subject and TAGS, agreeing with its metadata", () => {
    expect(pages).toHaveLength(8);
    for (const p of pages) {
      const r = readTelegram(readFileSync(p));
      const m = r.model;
      expect(r.format, p).toBe("archive-html");
      expect(m.heading?.dtg, p).toBeTruthy();
      expect(m.subject?.text, p).toBeTruthy();
      expect(m.tags.length, p).toBeGreaterThan(0);
      expect(m.classification?.level, p).toBe(m.archive?.classification);
      expect(
        r.diagnostics.filter((d) => d.severity === "error"),
        p,
      ).toEqual([]);
    }
  });
});

describe.skipIf(!existsSync(LATIN1))("ISO-8859-1 text with CRLF line endings", () => {
  const files = existsSync(LATIN1) ? filesUnder(LATIN1).sort() : [];

  it("reads every file's heading, classification line, subject and TAGS, and says it read ISO-8859-1", () => {
    expect(files).toHaveLength(24);
    let latin1 = 0;
    for (const f of files) {
      const bytes = readFileSync(f);
      const r = readTelegram(bytes);
      const m = r.model;
      const id = f.slice(f.lastIndexOf("/") + 1, -4);
      expect(m.reference?.id, f).toBe(id);
      expect(m.heading?.dtg, f).toBeTruthy();
      expect(m.classification, f).not.toBeNull();
      expect(m.subject?.text, f).toBeTruthy();
      expect(m.tags.length, f).toBeGreaterThan(0);
      expect(
        r.diagnostics.filter((d) => d.severity === "error"),
        f,
      ).toEqual([]);
      // No carriage return is left in what was read.
      expect(JSON.stringify(m), f).not.toContain("\\r");
      if (r.diagnostics.some((d) => d.code === "telegram.latin1")) {
        latin1++;
        // `¶` is byte 0xB6 there: never read as a replacement character.
        expect(JSON.stringify(m), f).not.toContain("\uFFFD");
      } else
        expect(
          [...bytes].every((b) => b < 0x80),
          `${f} is not plain ASCII`,
        ).toBe(true);
    }
    expect(latin1).toBeGreaterThan(20);
  });
});
