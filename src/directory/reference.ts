import { sql } from "drizzle-orm";
import { GENERIC_LADDER, NATIONAL_LADDERS, REGIME_LADDER } from "../core/access/markings.js";
import { SYSTEM_SPACE } from "../core/access/reader.js";
import { appendAudit, SYSTEM_ACTOR } from "../core/audit/append.js";
import type { Clock } from "../core/clock.js";
import type { Db } from "../core/db/index.js";
import { GOVERNMENTS } from "./facts.js";
import { governments, markingLadders } from "./schema.js";

/**
 * The public reference data every deployment starts with: the marking ladders and the directory
 * of governments. Loaded once, when the governments table is empty.
 */
export async function ensureReferenceData(db: Db, clock: Clock): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(governments);
    if ((row?.n ?? 0) > 0) return false;
    await tx
      .insert(markingLadders)
      .values(
        [REGIME_LADDER, ...NATIONAL_LADDERS, GENERIC_LADDER].map((l) => ({ ...l, levels: [...l.levels] })),
      )
      .onConflictDoNothing();
    await tx.insert(governments).values(
      GOVERNMENTS.map((g) => ({
        code: g.code,
        name: g.name,
        status: g.status,
        admittedYear: g.admittedYear ?? null,
        admittedOn: g.admittedOn ?? null,
        admissionNote: g.admissionNote ?? null,
        ladderId: g.ladderId ?? GENERIC_LADDER.id,
        pointOfContact: g.pointOfContact ?? false,
      })),
    );
    await appendAudit(tx, clock.now(), SYSTEM_ACTOR, {
      action: "directory.load",
      space: SYSTEM_SPACE,
      details: { governments: GOVERNMENTS.length },
    });
    return true;
  });
}
