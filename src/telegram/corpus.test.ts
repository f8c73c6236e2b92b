// Every file in ../shared/cables is read without a thrown error, and what each telegram says
// about itself agrees with the archive's metadata, except for the quirks listed below.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTelegram } from "./read.js";
import { disagreements } from "./testing/agreement.js";
import { CABLES } from "./testing/fixtures.js";

/**
 * Known archive quirks: the record's text belongs to another cable (the id, date and
 * classification then disagree), the id names a redacted station, or the post's name changed.
 */
const QUIRKS: Record<string, string> = {
  "7575LIBREVILLE1895": "the archive's id doubles the year: the telegram is 75 LIBREVILLE 1895",
  "88BAGHDAD28": "record holds the 2009 cable STATE 068250 (README)",
  "09HAVANA132": "record holds MOSCOW 000512",
  "10MEXICO614": "record holds ISLAMABAD 000416",
  "07PARIS2725": "record holds MOSCOW 005154",
  "09CHISINAU694": "record holds ULAANBAATAR 000234",
  "09TBILISI1123": "archive classification SECRET, telegram CONFIDENTIAL",
  "10SHENYANG4": "station redacted as XXXXXXXXXXXX",
  "06KIEV1261": "origin Kyiv, written KIEV",
};

function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...allFiles(p));
    else out.push(p);
  }
  return out;
}

describe.skipIf(!existsSync(CABLES))(
  `corpus: every file in ${CABLES} (skipped when the folder is absent)`,
  () => {
    const files = existsSync(CABLES) ? allFiles(CABLES) : [];

    it("holds the expected forms", () => {
      expect(files.length).toBeGreaterThan(800);
    });

    it("reads every file without a thrown or internal error", () => {
      for (const f of files) {
        const r = readTelegram(readFileSync(f));
        expect(r.model, f).toBeDefined();
        expect(
          r.diagnostics.filter((d) => d.code === "telegram.internal_error"),
          f,
        ).toEqual([]);
      }
    });

    it("agrees with the metadata each telegram carries", () => {
      let compared = 0;
      let withReference = 0;
      const problems: string[] = [];
      for (const f of files) {
        const id = /^(\d{2,4}[A-Z]+\d+)\.(txt|html)$/.exec(basename(f))?.[1];
        if (!id) continue;
        compared++;
        const r = readTelegram(readFileSync(f));
        if (r.model.reference) withReference++;
        if (QUIRKS[id]) continue;
        for (const d of disagreements(r, id))
          problems.push(`${basename(f)} ${d.field}: archive ${d.archive}, telegram ${d.telegram}`);
      }
      expect(problems).toEqual([]);
      // records that are metadata only or partial extracts carry no classification line
      expect(withReference / compared).toBeGreaterThan(0.8);
    });
  },
);
