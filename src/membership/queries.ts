/** Reads of candidacies with the reader's access in their `where`; a Partner's view only for its own people. */
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { REGIME_SPACE, type Reader } from "../core/access/reader.js";
import type { Acting } from "../core/acting.js";
import type { Queryable } from "../core/db/index.js";
import { readCandidacies } from "./policy.js";
import { candidacies, candidacyEvents, candidacyViews } from "./schema.js";

export type CandidacyRow = typeof candidacies.$inferSelect;
export type EventRow = typeof candidacyEvents.$inferSelect;
export type ViewRow = typeof candidacyViews.$inferSelect;

export function visibleCandidacies(reader: Reader): SQL {
  return readCandidacies.allows(reader) ? eq(candidacies.space, REGIME_SPACE) : sql`false`;
}

export async function candidacyFor(
  db: Queryable,
  who: Acting,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<CandidacyRow | null> {
  const where =
    who.kind === "reader"
      ? and(eq(candidacies.id, id), visibleCandidacies(who.reader))
      : eq(candidacies.id, id);
  const q = db.select().from(candidacies).where(where);
  const [row] = opts.lock ? await q.for("update") : await q;
  return row ?? null;
}

export async function listCandidacies(db: Queryable, reader: Reader): Promise<CandidacyRow[]> {
  return db
    .select()
    .from(candidacies)
    .where(visibleCandidacies(reader))
    .orderBy(asc(candidacies.appliedOn), asc(candidacies.id));
}

export async function eventsOf(db: Queryable, candidacyId: number): Promise<EventRow[]> {
  return db
    .select()
    .from(candidacyEvents)
    .where(eq(candidacyEvents.candidacyId, candidacyId))
    .orderBy(asc(candidacyEvents.on), asc(candidacyEvents.id));
}

/** The reader's own government's view of a candidacy: never another government's. */
export async function ownView(db: Queryable, reader: Reader, candidacyId: number): Promise<ViewRow | null> {
  const [row] = await db
    .select()
    .from(candidacyViews)
    .where(
      and(eq(candidacyViews.candidacyId, candidacyId), eq(candidacyViews.space, reader.government.code)),
    );
  return row ?? null;
}
