import { sql } from "drizzle-orm";
import { ensureReferenceData } from "../directory/reference.js";
import { users } from "../directory/schema.js";
import { type SeedReport, seedScenario } from "../scenario/seed.js";
import type { Config } from "./config.js";
import { openDatabase } from "./db/index.js";
import type { Deps } from "./http/env.js";
import type { Logger } from "./log.js";

/**
 * Opens the database, applies migrations and loads the reference data. On an empty embedded
 * database the reference scenario with its demo users is loaded too; a PostgreSQL server gets them
 * only from `plenary seed`.
 */
export async function boot(
  config: Config,
  log: Logger,
  opts: { seedIfEmpty: boolean },
): Promise<{ deps: Deps; seeded: SeedReport | null }> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const deps: Deps = { database, db: database.db, clock: config.clock, config, log };
    let seeded: SeedReport | null = null;
    await ensureReferenceData(database.db, config.clock);
    if (opts.seedIfEmpty && database.kind === "embedded") {
      const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(users);
      if ((row?.n ?? 0) === 0) seeded = await seedScenario(database.db, config.clock);
    }
    return { deps, seeded };
  } catch (e) {
    await database.close();
    throw e;
  }
}
