import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import { inReaderSpaces } from "../core/access/sql.js";
import type { Acting } from "../core/acting.js";
import type { Queryable } from "../core/db/index.js";
import type { AmendmentChange } from "./amend.js";
import { readAnnex } from "./policy.js";
import { amendmentChanges, amendmentSets, annexEntries, annexVersions } from "./schema.js";
import type { AnnexNode } from "./tree.js";

export type VersionRow = typeof annexVersions.$inferSelect;
export type AmendmentSetRow = typeof amendmentSets.$inferSelect;
export type EntryRow = typeof annexEntries.$inferSelect;

/** Who may see the Annex's records, as a condition: a Partner's people, in the regime's space. */
function seen(reader: Reader, space: typeof annexVersions.space | typeof amendmentSets.space): SQL {
  return readAnnex.allows(reader) ? inReaderSpaces(reader, space) : sql`false`;
}
/** The system (the scenario's seed) sees every record; a reader what `seen` lets through. */
const seenBy = (who: Acting, space: typeof annexVersions.space | typeof amendmentSets.space): SQL =>
  who.kind === "system" ? sql`true` : seen(who.reader, space);

export async function visibleVersions(db: Queryable, reader: Reader): Promise<VersionRow[]> {
  return db
    .select()
    .from(annexVersions)
    .where(seen(reader, annexVersions.space))
    .orderBy(asc(annexVersions.asOf), asc(annexVersions.id));
}

export async function visibleVersion(db: Queryable, reader: Reader, id: number): Promise<VersionRow | null> {
  const [row] = await db
    .select()
    .from(annexVersions)
    .where(and(eq(annexVersions.id, id), seen(reader, annexVersions.space)));
  return row ?? null;
}

export async function versionFor(db: Queryable, who: Acting, id: number): Promise<VersionRow | null> {
  const [row] = await db
    .select()
    .from(annexVersions)
    .where(and(eq(annexVersions.id, id), seenBy(who, annexVersions.space)));
  return row ?? null;
}

/** The latest version by its "as of" day. */
export async function latestVersion(db: Queryable, reader: Reader): Promise<VersionRow | null> {
  const [row] = await db
    .select()
    .from(annexVersions)
    .where(seen(reader, annexVersions.space))
    .orderBy(desc(annexVersions.asOf), desc(annexVersions.id))
    .limit(1);
  return row ?? null;
}

export const nodeOf = (e: Pick<EntryRow, "number" | "text" | "notes" | "technicalNotes">): AnnexNode => ({
  number: e.number,
  text: e.text,
  notes: e.notes,
  technicalNotes: e.technicalNotes,
});

/** A version's nodes in the Annex's order (read the version through the functions above first). */
export async function versionNodes(db: Queryable, versionId: number): Promise<AnnexNode[]> {
  const rows = await db
    .select({
      number: annexEntries.number,
      text: annexEntries.text,
      notes: annexEntries.notes,
      technicalNotes: annexEntries.technicalNotes,
    })
    .from(annexEntries)
    .where(eq(annexEntries.versionId, versionId))
    .orderBy(asc(annexEntries.sortKey));
  return rows.map(nodeOf);
}

export async function entryCounts(
  db: Queryable,
  versionIds: readonly number[],
): Promise<Map<number, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: annexEntries.versionId, n: sql<number>`count(*)::int` })
    .from(annexEntries)
    .where(inArray(annexEntries.versionId, [...versionIds]))
    .groupBy(annexEntries.versionId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** One entry in every version the reader sees: absent where the version does not hold it. */
export async function entryAcrossVersions(
  db: Queryable,
  reader: Reader,
  number: string,
): Promise<{ version: VersionRow; entry: AnnexNode | null }[]> {
  const versions = await visibleVersions(db, reader);
  if (versions.length === 0) return [];
  const rows = await db
    .select()
    .from(annexEntries)
    .where(
      and(
        eq(annexEntries.number, number),
        inArray(
          annexEntries.versionId,
          versions.map((v) => v.id),
        ),
      ),
    );
  const byVersion = new Map(rows.map((r) => [r.versionId, nodeOf(r)]));
  return versions.map((v) => ({ version: v, entry: byVersion.get(v.id) ?? null }));
}

/** Entries of a version matching a number (itself and what is under it) or words. */
export async function searchVersion(
  db: Queryable,
  versionId: number,
  q: string,
  limit = 100,
): Promise<AnnexNode[]> {
  const term = q.trim();
  const byNumber = /^\d{1,2}(\.[A-Za-z0-9]+)*$/.test(term);
  const words = sql`${annexEntries.search} @@ websearch_to_tsquery('english', ${term})`;
  const where = byNumber
    ? or(eq(annexEntries.number, term), sql`${annexEntries.number} like ${`${term}.%`}`, words)
    : words;
  const rows = await db
    .select()
    .from(annexEntries)
    .where(and(eq(annexEntries.versionId, versionId), where))
    .orderBy(asc(annexEntries.sortKey))
    .limit(limit);
  return rows.map(nodeOf);
}

export async function visibleAmendmentSets(db: Queryable, reader: Reader): Promise<AmendmentSetRow[]> {
  return db
    .select()
    .from(amendmentSets)
    .where(seen(reader, amendmentSets.space))
    .orderBy(asc(amendmentSets.adoptedOn), asc(amendmentSets.id));
}

/** A set as the one acting sees it (the system every one), or null. */
export async function amendmentSetFor(
  db: Queryable,
  who: Acting,
  id: number,
): Promise<AmendmentSetRow | null> {
  const [row] = await db
    .select()
    .from(amendmentSets)
    .where(and(eq(amendmentSets.id, id), seenBy(who, amendmentSets.space)));
  return row ?? null;
}

export async function changesOf(db: Queryable, setId: number): Promise<AmendmentChange[]> {
  const rows = await db
    .select()
    .from(amendmentChanges)
    .where(eq(amendmentChanges.setId, setId))
    .orderBy(asc(amendmentChanges.ordinal));
  return rows.map((r) => ({ op: r.op, number: r.number, before: r.before ?? null, after: r.after ?? null }));
}

export async function changeCounts(db: Queryable, setIds: readonly number[]): Promise<Map<number, number>> {
  if (setIds.length === 0) return new Map();
  const rows = await db
    .select({ id: amendmentChanges.setId, n: sql<number>`count(*)::int` })
    .from(amendmentChanges)
    .where(inArray(amendmentChanges.setId, [...setIds]))
    .groupBy(amendmentChanges.setId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The version a set made, if it has been applied. */
export async function versionMadeBy(db: Queryable, setId: number): Promise<VersionRow | null> {
  const [row] = await db.select().from(annexVersions).where(eq(annexVersions.amendmentSetId, setId));
  return row ?? null;
}
