/**
 * Reads of calls and contributions. A call is its paper, seen as the paper is (the paper
 * visibility rule in the `where`), for a meeting the reader sees (through meetings' titles).
 */
import { and, asc, eq, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { Reader } from "../core/access/reader.js";
import type { Queryable } from "../core/db/index.js";
import { notFound } from "../core/errors.js";
import { visibleMeetings } from "../meetings/index.js";
import { papers, visiblePapers } from "../papers/index.js";
import { seesEveryContribution } from "./policy.js";
import { contributions, paperCalls } from "./schema.js";

export type CallRow = typeof paperCalls.$inferSelect;
export type ContributionRow = typeof contributions.$inferSelect;

/** A call as the reader sees it: the call, its paper's number, its meeting's title and time zone. */
export interface VisibleCall {
  call: CallRow;
  number: number;
  meeting: string;
  /** The meeting's IANA time zone: a closing day is a day on its wall. */
  timeZone: string;
}

async function callsOf(tx: Queryable, reader: Reader, where?: SQL): Promise<VisibleCall[]> {
  const rows = await tx
    .select({ call: paperCalls, number: papers.number })
    .from(paperCalls)
    .innerJoin(papers, eq(papers.id, paperCalls.paperId))
    .where(and(visiblePapers(reader), isNotNull(papers.number), where))
    .orderBy(asc(paperCalls.closesAt), asc(paperCalls.id));
  const ids = [...new Set(rows.map((r) => r.call.meetingId))];
  const seen = ids.length ? await visibleMeetings(tx, reader, { ids }) : [];
  const byId = new Map(seen.map((m) => [m.id, m]));
  return rows.flatMap((r) => {
    const m = byId.get(r.call.meetingId);
    // A call's paper is circulated as the call opens, so it always has its number.
    return m === undefined || r.number === null
      ? []
      : [{ ...r, number: r.number, meeting: m.title, timeZone: m.timeZone }];
  });
}

export async function visibleCall(tx: Queryable, reader: Reader, id: number): Promise<VisibleCall> {
  const [row] = await callsOf(tx, reader, eq(paperCalls.id, id));
  if (!row) throw notFound("call");
  return row;
}

/** The calls the reader may see, closing soonest first. */
export function listCalls(tx: Queryable, reader: Reader): Promise<VisibleCall[]> {
  return callsOf(tx, reader);
}

/**
 * The contributions to these calls the reader may see: all of them for whoever runs calls;
 * otherwise the reader's own government's and those accepted onto the agenda. In agenda order.
 */
export async function contributionsOf(
  tx: Queryable,
  reader: Reader,
  callIds: readonly number[],
): Promise<ContributionRow[]> {
  if (callIds.length === 0) return [];
  return tx
    .select()
    .from(contributions)
    .where(
      and(
        inArray(contributions.callId, [...callIds]),
        seesEveryContribution.allows(reader)
          ? sql`true`
          : or(eq(contributions.governmentCode, reader.government.code), eq(contributions.state, "accepted")),
      ),
    )
    .orderBy(asc(contributions.position), asc(contributions.id));
}
