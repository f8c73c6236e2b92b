import os from "node:os";
import { actingAsSystem } from "../core/acting.js";
import type { AuditActor } from "../core/audit/append.js";
import { loadReferenceData } from "../core/boot.js";
import type { Site } from "../core/capability.js";
import type { Cli, CliContext } from "../core/cli.js";
import { loadConfig } from "../core/config.js";
import { openDatabase } from "../core/db/index.js";
import { saveDemoClock } from "../core/demo-clock/index.js";

export { io } from "../core/cli.js";
export type { CliContext };

export function cliActor(): AuditActor {
  let name = "unknown";
  try {
    name = os.userInfo().username;
  } catch {
    // No passwd entry for this uid.
  }
  return { userId: null, label: `cli:${name}` };
}

/** The command line of a site: each command opens the configured database and closes it again. */
export function cliOf(site: Site): Cli {
  return {
    async withDatabase(fn) {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await database.migrate();
        await loadReferenceData(database, site, config);
        const actor = cliActor();
        const acting = () => actingAsSystem(config.clock.now(), actor.label);
        const result = await fn({ config, database, clock: config.clock, actor, acting });
        if (config.demoClock) await saveDemoClock(database.db, config.clock);
        return result;
      } finally {
        await database.close();
      }
    },
  };
}
