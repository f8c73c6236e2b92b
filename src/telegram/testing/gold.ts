// Scoring the reader against hand-labelled telegrams (`fixtures/gold/dev-gold.json`, copied from
// ../shared/cables/gold; its README gives the conventions). `goldView` turns a model — the
// `model` of `plenary telegram read --json` — into the gold record's shape; `scoreGold` compares
// field by field. Used by `gold.test.ts` and `bench/telegram-gold.ts`.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Telegram } from "../model.js";
import { readTelegram } from "../read.js";
import { FIXTURES } from "./fixtures.js";

export interface GoldClassifiedBy {
  name: string;
  title: string;
  reasons: string[];
  section: string | null;
}

export interface GoldRecord {
  file: string;
  ref_id: string;
  dtg: string | null;
  tags: string[];
  subject: string | null;
  subject_marking: string | null;
  refs: Array<{ letter: string | null; text: string }>;
  eo: string | null;
  decl: string | null;
  classified_by: GoldClassifiedBy | null;
}

export type GoldView = Pick<
  GoldRecord,
  "dtg" | "tags" | "subject" | "subject_marking" | "refs" | "eo" | "decl" | "classified_by"
>;

/** The fields the issue scores, then the ones reported beside them. */
export const SCORED = ["tags", "refs", "classified_by", "decl", "dtg", "subject"] as const;
export const REPORTED = ["eo", "subject_marking"] as const;
export type Field = (typeof SCORED)[number] | (typeof REPORTED)[number];

export const GOLD_DIR = join(FIXTURES, "gold");

export function loadGold(): GoldRecord[] {
  return JSON.parse(readFileSync(join(GOLD_DIR, "dev-gold.json"), "utf8")) as GoldRecord[];
}

const space = (s: string): string => s.replace(/\s+/g, " ").trim();
/** Separators at the end of an item are not part of it (`STATE 633;` is `STATE 633`). */
const item = (s: string): string => space(s).replace(/[\s.,;:]+$/, "");

export function goldView(m: Telegram): GoldView {
  const by = m.classifiedBy;
  return {
    dtg: m.heading?.dtg ? space(m.heading.dtg.text).toUpperCase() : null,
    tags: m.tags.map((t) => space(t.text).toUpperCase()),
    subject: m.subject ? space(m.subject.text) || null : null,
    subject_marking: m.subject?.marking ? m.subject.marking.text.toUpperCase() : null,
    refs: m.references.map((r) => ({ letter: r.letter ? r.letter.toUpperCase() : null, text: item(r.text) })),
    eo: m.executiveOrder?.order ?? null,
    decl: m.executiveOrder?.decl ? item(m.executiveOrder.decl.text) : null,
    classified_by: by
      ? {
          name: item(by.name),
          title: item(by.title),
          reasons: by.reasons?.letters ?? [],
          section: by.reasons?.section ?? null,
        }
      : null,
  };
}

function normal(field: Field, value: unknown): string {
  if (field === "refs")
    return JSON.stringify(
      (value as GoldRecord["refs"]).map((r) => ({ letter: r.letter, text: item(r.text) })),
    );
  if (field === "classified_by" && value) {
    const c = value as GoldClassifiedBy;
    return JSON.stringify({
      name: item(c.name),
      title: item(c.title),
      reasons: c.reasons,
      section: c.section,
    });
  }
  if (field === "decl" || field === "subject")
    return JSON.stringify(value === null ? null : item(String(value)));
  return JSON.stringify(value);
}

const labelled = (v: unknown): boolean => v !== null && !(Array.isArray(v) && v.length === 0);

export interface FieldScore {
  /** Records whose gold value is not empty (the issue's counts), and how many of them are right. */
  labelled: number;
  labelledRight: number;
  /** Every record, an empty gold value included (a value read where there is none is wrong). */
  all: number;
  allRight: number;
}

export interface Miss {
  refId: string;
  file: string;
  field: Field;
  gold: string;
  read: string;
}

export interface GoldScore {
  fields: Record<Field, FieldScore>;
  misses: Miss[];
  /** Over the scored fields, labelled values. */
  overall: { right: number; of: number };
}

export function scoreGold(records: GoldRecord[], read: (file: string) => Telegram): GoldScore {
  const fields = {} as Record<Field, FieldScore>;
  for (const f of [...SCORED, ...REPORTED])
    fields[f] = { labelled: 0, labelledRight: 0, all: 0, allRight: 0 };
  const misses: Miss[] = [];
  for (const rec of records) {
    const view = goldView(read(rec.file));
    for (const f of [...SCORED, ...REPORTED]) {
      const s = fields[f];
      const g = normal(f, rec[f]);
      const r = normal(f, view[f]);
      const ok = g === r;
      s.all++;
      if (ok) s.allRight++;
      if (labelled(rec[f])) {
        s.labelled++;
        if (ok) s.labelledRight++;
      }
      if (!ok) misses.push({ refId: rec.ref_id, file: rec.file, field: f, gold: g, read: r });
    }
  }
  let right = 0;
  let of = 0;
  for (const f of SCORED) {
    right += fields[f].labelledRight;
    of += fields[f].labelled;
  }
  return { fields, misses, overall: { right, of } };
}

/** Read a gold record's file from the copied fixtures. */
export function readGoldFile(file: string): Telegram {
  return readTelegram(readFileSync(join(GOLD_DIR, file))).model;
}

export function formatScore(s: GoldScore): string {
  const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : "-").padStart(6);
  const rows = [
    `${"field".padEnd(16)}${"labelled".padStart(12)}${"%".padStart(7)}${"all".padStart(10)}${"%".padStart(7)}`,
  ];
  for (const f of [...SCORED, ...REPORTED]) {
    const x = s.fields[f];
    rows.push(
      `${f.padEnd(16)}${`${x.labelledRight}/${x.labelled}`.padStart(12)}${pct(x.labelledRight, x.labelled)}` +
        `${`${x.allRight}/${x.all}`.padStart(10)}${pct(x.allRight, x.all)}`,
    );
  }
  rows.push(
    `overall (scored fields, labelled): ${s.overall.right}/${s.overall.of} = ${pct(s.overall.right, s.overall.of).trim()} %`,
  );
  return rows.join("\n");
}
