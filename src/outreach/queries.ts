/** Reads of outreach visits, with the reader's access in their `where`: the Partners' people, nobody else. */
import { and, asc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { REGIME_SPACE, type Reader } from "../core/access/reader.js";
import type { Acting } from "../core/acting.js";
import type { Queryable } from "../core/db/index.js";
import { readOutreach } from "./policy.js";
import { outreachVisits } from "./schema.js";

export type VisitRow = typeof outreachVisits.$inferSelect;

export function visibleVisits(reader: Reader): SQL {
  return readOutreach.allows(reader) ? eq(outreachVisits.space, REGIME_SPACE) : sql`false`;
}

/** The visit, if the one acting may see it (the system sees all); `lock` locks its row first. */
export async function visitFor(
  db: Queryable,
  who: Acting,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<VisitRow | null> {
  const where =
    who.kind === "reader"
      ? and(eq(outreachVisits.id, id), visibleVisits(who.reader))
      : eq(outreachVisits.id, id);
  const q = db.select().from(outreachVisits).where(where);
  const [row] = opts.lock ? await q.for("update") : await q;
  return row ?? null;
}

/** The visits a reader may see, by first day; of one year (of their first day) when given. */
export async function listVisits(db: Queryable, reader: Reader, filter: { year?: number } = {}) {
  return db
    .select()
    .from(outreachVisits)
    .where(
      and(
        visibleVisits(reader),
        filter.year ? gte(outreachVisits.firstDay, `${filter.year}-01-01`) : undefined,
        filter.year ? lte(outreachVisits.firstDay, `${filter.year}-12-31`) : undefined,
      ),
    )
    .orderBy(asc(outreachVisits.firstDay), asc(outreachVisits.id));
}

/** The years with visits the reader may see, newest first. */
export async function visitYears(db: Queryable, reader: Reader): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sql<number>`extract(year from ${outreachVisits.firstDay})::int` })
    .from(outreachVisits)
    .where(visibleVisits(reader));
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}
