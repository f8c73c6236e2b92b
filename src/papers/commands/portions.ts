/** What the commands share in writing a paper: its number, its marked portions, its versions. */
import { and, eq, ne, sql } from "drizzle-orm";
import { allowedMarkings, levelAt, REGIME_LADDER, rankOf } from "../../core/access/markings.js";
import type { Tx } from "../../core/db/index.js";
import { invalid, one } from "../../core/errors.js";
import { REGIME_ID, summaryProblem } from "../rules.js";
import { paperCounters, paperPortions, paperVersions } from "../schema.js";

export interface PortionDraft {
  part: "title" | "summary" | "section" | "file";
  heading: string | null;
  body: string;
  rank: number;
}

/** A marking's rank on the regime ladder; a code not on it is the field's problem. */
export function markingRank(field: string, code: string): number {
  const r = rankOf(REGIME_LADDER, code);
  if (r === null)
    throw invalid(field, `${code} is not a regime marking; use one of ${allowedMarkings(REGIME_LADDER)}`);
  return r;
}

export const markingCode = (rank: number): string => levelAt(REGIME_LADDER, rank).code;

/** The register's next number: the counter row is locked until the transaction ends. */
export async function nextNumber(tx: Tx): Promise<number> {
  const row = one(
    await tx
      .insert(paperCounters)
      .values({ regime: REGIME_ID, last: 1 })
      .onConflictDoUpdate({ target: paperCounters.regime, set: { last: sql`${paperCounters.last} + 1` } })
      .returning({ last: paperCounters.last }),
  );
  return row.last;
}

/** A paper's title, summary and sections as marked portions, the title first; the summary must fit. */
export function portionsOf(input: {
  title: { text: string; marking: string };
  summary: { text: string; marking: string };
  sections: { heading?: string | null | undefined; text: string; marking: string }[];
}): [PortionDraft, ...PortionDraft[]] {
  const problem = summaryProblem(input.summary.text);
  if (problem) throw invalid("summary.text", problem);
  return [
    {
      part: "title",
      heading: null,
      body: input.title.text,
      rank: markingRank("title.marking", input.title.marking),
    },
    {
      part: "summary",
      heading: null,
      body: input.summary.text,
      rank: markingRank("summary.marking", input.summary.marking),
    },
    ...input.sections.map((s, i) => ({
      part: "section" as const,
      heading: s.heading ?? null,
      body: s.text,
      rank: markingRank(`sections.${i}.marking`, s.marking),
    })),
  ];
}

/** Replaces the paper's written portions (its files' text stays). */
export async function writePortions(tx: Tx, paperId: number, portions: PortionDraft[]): Promise<void> {
  await tx
    .delete(paperPortions)
    .where(and(eq(paperPortions.paperId, paperId), ne(paperPortions.part, "file")));
  if (portions.length === 0) return;
  await tx.insert(paperPortions).values(
    portions.map((p, i) => ({
      paperId,
      part: p.part,
      ordinal: i,
      heading: p.heading,
      body: p.body,
      rank: p.rank,
      search: sql`to_tsvector('english', ${`${p.heading ?? ""} ${p.body}`})`,
    })),
  );
}

/** The highest marking among the paper's portions, files included. */
export async function currentBanner(tx: Tx, paperId: number): Promise<number> {
  const [row] = await tx
    .select({ r: sql<number>`coalesce(max(${paperPortions.rank}), 0)::int` })
    .from(paperPortions)
    .where(eq(paperPortions.paperId, paperId));
  return row?.r ?? 0;
}

/** The portions of one version as it was recorded (JSON text), or none. */
export async function versionPortions(tx: Tx, paperId: number, version: number): Promise<string | null> {
  const [row] = await tx
    .select({ portions: paperVersions.portions })
    .from(paperVersions)
    .where(and(eq(paperVersions.paperId, paperId), eq(paperVersions.version, version)));
  return row?.portions ?? null;
}
