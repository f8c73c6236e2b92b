import type { Site } from "./capability.js";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./db/index.js";
import { resumeDemoClock } from "./demo-clock/index.js";
import type { Deps } from "./http/env.js";
import type { Logger } from "./log.js";

/**
 * Applies every capability's reference data (the directory of governments, say): idempotent. The
 * demo's clock first resumes from where it stood, so nothing is written at an earlier time.
 */
export async function loadReferenceData(database: Database, site: Site, config: Config): Promise<void> {
  if (config.demoClock) await resumeDemoClock(database.db, config.clock);
  for (const capability of site.capabilities) await capability.reference?.(database.db, config.clock);
}

/**
 * Opens the database, applies the migrations and the capabilities' reference data, then runs
 * `firstStart` (the composition root's: loading the scenario into a new embedded database).
 * The database is closed again if any of it fails.
 */
export async function boot<T>(
  config: Config,
  log: Logger,
  site: Site,
  firstStart: (deps: Deps) => Promise<T>,
): Promise<{ deps: Deps; started: T }> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const deps: Deps = { database, db: database.db, clock: config.clock, config, log };
    await loadReferenceData(database, site, config);
    return { deps, started: await firstStart(deps) };
  } catch (e) {
    await database.close();
    throw e;
  }
}
