/**
 * The embedded demo's clock across restarts. It runs from the scenario's start (2 July 2008, 12:02
 * UTC) the first time; after that it resumes from where it stood — the later of the instant it
 * last saved and the newest audit entry's — so the audit log's times never run backwards.
 */
import { sql } from "drizzle-orm";
import { auditLog } from "../audit/schema.js";
import { type Clock, isResumable } from "../clock.js";
import type { Queryable } from "../db/index.js";
import { demoClock } from "./schema.js";

/** The instant the demo's clock stood at before: the saved one or the last audit entry's, whichever is later. */
export async function lastDemoInstant(db: Queryable): Promise<Date | null> {
  const [saved] = await db.select({ at: demoClock.instant }).from(demoClock);
  const [audit] = await db.select({ at: sql<string | null>`max(${auditLog.at})` }).from(auditLog);
  const times = [saved?.at ?? null, audit?.at ? new Date(audit.at) : null].filter(
    (d): d is Date => d !== null && !Number.isNaN(d.getTime()),
  );
  if (times.length === 0) return null;
  return new Date(Math.max(...times.map((d) => d.getTime())));
}

/** Moves a resumable clock on to where the demo's stood before; other clocks are left alone. */
export async function resumeDemoClock(db: Queryable, clock: Clock): Promise<void> {
  if (!isResumable(clock)) return;
  const last = await lastDemoInstant(db);
  if (last) clock.resumeFrom(last);
}

/** Records where the demo's clock stands now. */
export async function saveDemoClock(db: Queryable, clock: Clock): Promise<void> {
  const instant = clock.now();
  await db
    .insert(demoClock)
    .values({ id: 1, instant })
    .onConflictDoUpdate({ target: demoClock.id, set: { instant } });
}
