import { customType } from "drizzle-orm/pg-core";

/** Bytes, kept exactly as given. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** A full-text search vector, written with to_tsvector('english', …). */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** ts_headline's options: matched words between « and », which pages turn into <mark>. */
export const HEADLINE_OPTIONS =
  "StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter= … ";
