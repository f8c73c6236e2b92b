/** Reads of proposals, with the reader's access in their `where`: a Partner's people see them, nobody else. */
import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import { REGIME_SPACE } from "../core/access/reader.js";
import { atPointOfContact, isPartner } from "../core/access/rules.js";
import type { Acting } from "../core/acting.js";
import type { Queryable } from "../core/db/index.js";
import { listGovernments, standingOn } from "../directory/index.js";
import { papers, visiblePapers } from "../papers/index.js";
import type { ProposalState } from "./rules.js";
import { positionDrafts, proposalEvents, proposalPositions, proposals } from "./schema.js";

export type ProposalRow = typeof proposals.$inferSelect;
export type PositionRow = typeof proposalPositions.$inferSelect;
export type EventRow = typeof proposalEvents.$inferSelect;
export type DraftRow = typeof positionDrafts.$inferSelect;

/**
 * The proposals a reader may see: a Partner's people see every circulated proposal; a draft is
 * seen by its own government and the Point of Contact. Nobody outside a Partner sees any.
 */
export function visibleProposals(reader: Reader): SQL {
  if (!isPartner(reader)) return sql`false`;
  return (
    and(
      eq(proposals.space, REGIME_SPACE),
      or(
        ne(proposals.state, "draft"),
        eq(proposals.governmentCode, reader.government.code),
        atPointOfContact(reader) ? sql`true` : sql`false`,
      ),
    ) ?? sql`false`
  );
}

/** The proposal, if the one acting may see it (the system sees all); `lock` locks its row first. */
export async function proposalFor(
  db: Queryable,
  who: Acting,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<ProposalRow | null> {
  const where =
    who.kind === "reader" ? and(eq(proposals.id, id), visibleProposals(who.reader)) : eq(proposals.id, id);
  const q = db.select().from(proposals).where(where);
  const [row] = opts.lock ? await q.for("update") : await q;
  return row ?? null;
}

export async function listProposals(
  db: Queryable,
  reader: Reader,
  filter: { state?: ProposalState; meetingId?: number } = {},
): Promise<ProposalRow[]> {
  return db
    .select()
    .from(proposals)
    .where(
      and(
        visibleProposals(reader),
        filter.state ? eq(proposals.state, filter.state) : undefined,
        filter.meetingId ? eq(proposals.meetingId, filter.meetingId) : undefined,
      ),
    )
    .orderBy(desc(proposals.id));
}

export async function positionsOf(db: Queryable, proposalId: number): Promise<PositionRow[]> {
  return db
    .select()
    .from(proposalPositions)
    .where(eq(proposalPositions.proposalId, proposalId))
    .orderBy(desc(proposalPositions.statedAt), desc(proposalPositions.id));
}

export async function currentPositions(db: Queryable, proposalId: number): Promise<PositionRow[]> {
  return db
    .select()
    .from(proposalPositions)
    .where(and(eq(proposalPositions.proposalId, proposalId), isNull(proposalPositions.replacedAt)));
}

export async function eventsOf(db: Queryable, proposalId: number): Promise<EventRow[]> {
  return db
    .select()
    .from(proposalEvents)
    .where(eq(proposalEvents.proposalId, proposalId))
    .orderBy(asc(proposalEvents.at), asc(proposalEvents.id));
}

/** The reader's government's draft position, from its national space only. */
export async function draftOf(db: Queryable, reader: Reader, proposalId: number): Promise<DraftRow | null> {
  const [row] = await db
    .select()
    .from(positionDrafts)
    .where(and(eq(positionDrafts.proposalId, proposalId), eq(positionDrafts.space, reader.government.code)));
  return row ?? null;
}

export interface PartnerGovernment {
  code: string;
  name: string;
}

/** The governments that are Partners on a day (YYYY-MM-DD), by name: the ones that count. */
export async function partnersOn(db: Queryable, day: string): Promise<PartnerGovernment[]> {
  return (await listGovernments(db))
    .filter((g) => standingOn(g, day) === "partner")
    .map((g) => ({ code: g.code, name: g.name }));
}

/** The papers of a proposal the reader may see, by number; the others do not exist for them. */
export async function visiblePaperNumbers(db: Queryable, reader: Reader, numbers: readonly number[]) {
  if (numbers.length === 0) return [];
  const rows = await db
    .select({ number: papers.number })
    .from(papers)
    .where(and(inArray(papers.number, [...numbers]), visiblePapers(reader)))
    .orderBy(asc(papers.number));
  return rows.flatMap((r) => (r.number === null ? [] : [r.number]));
}
