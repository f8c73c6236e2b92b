import { type AnyColumn, and, eq, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { REGIME_SPACE, type Reader, spacesOf } from "./reader.js";

/**
 * The reader's spaces as a SQL condition on a record's `space` column: the `where` of every read
 * of space-bound records. A record outside these spaces does not exist for the reader.
 */
export function inReaderSpaces(reader: Reader, space: AnyColumn): SQL {
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
