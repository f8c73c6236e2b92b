import type { Reader } from "../../core/access/reader.js";
import { actingAs } from "../../core/acting.js";
import type { Queryable } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import { readGuidance } from "../policy.js";
import { presentGuidance } from "../present.js";
import { type GuidanceRow, guidanceFor } from "../queries.js";

/** The guidance row as the reader may see it, or 404 exactly as a missing one. */
export async function visibleRow(db: Queryable, reader: Reader, id: number, now: Date): Promise<GuidanceRow> {
  if (!readGuidance.allows(reader)) throw notFound("guidance");
  const row = await guidanceFor(db, actingAs(reader, now), id);
  if (!row) throw notFound("guidance");
  return row;
}

export async function guidanceOrNotFound(db: Queryable, reader: Reader, id: number, now: Date) {
  return presentGuidance(db, reader, await visibleRow(db, reader, id, now), now);
}
