import {
  type AnyColumn,
  and,
  eq,
  inArray,
  isNotNull,
  lte,
  ne,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from "drizzle-orm";
import { REGIME_SPACE, type Reader, spacesOf } from "./reader.js";

/**
 * The reader's spaces as a SQL condition on a record's `space` column: the `where` of every read
 * of space-bound records. A record outside these spaces does not exist for the reader.
 */
export function inReaderSpaces(reader: Reader, space: AnyColumn | SQLWrapper): SQL {
  return inArray(space, spacesOf(reader));
}

/**
 * The reader's spaces and clearance as a SQL condition on a portion's (space, marking rank):
 * used wherever portion text is searched, counted or shown, so a withheld portion never matches.
 */
export function withinClearance(reader: Reader, space: AnyColumn, rank: AnyColumn): SQL {
  const national = and(eq(space, reader.government.code), lte(rank, reader.nationalClearance));
  if (!spacesOf(reader).includes(REGIME_SPACE)) return national ?? sql`false`;
  return or(and(eq(space, REGIME_SPACE), lte(rank, reader.regimeClearance)), national) ?? sql`false`;
}

/**
 * Records that a government prepares and the Point of Contact circulates (papers): a Partner's
 * reader sees those of their own government at any stage, those ever circulated, and — at the
 * Point of Contact — those submitted to it. Drafts stay with their government. Non-Partners see none.
 */
export function circulatedRecordVisible(
  reader: Reader,
  cols: { space: AnyColumn; government: AnyColumn; status: AnyColumn; circulatedAt: AnyColumn },
): SQL {
  if (reader.government.standing !== "partner") return sql`false`;
  const atPointOfContact = reader.government.pointOfContact && reader.roles.includes("secretariat");
  return (
    and(
      eq(cols.space, REGIME_SPACE),
      or(
        eq(cols.government, reader.government.code),
        isNotNull(cols.circulatedAt),
        atPointOfContact ? ne(cols.status, "draft") : sql`false`,
      ),
    ) ?? sql`false`
  );
}
