import { CAPABILITIES } from "../capabilities.js";
import { actingAsSystem } from "../core/acting.js";
import { loadingHistory } from "../core/audit/append.js";
import { composeSite, type Site } from "../core/capability.js";
import type { Clock } from "../core/clock.js";
import type { Db } from "../core/db/index.js";
import { createUser, userByUsername } from "../directory/index.js";
import { DEMO_PASSWORD, DEMO_USERS } from "./users.js";

export interface SeedReport {
  usersAdded: string[];
  usersPresent: string[];
}

/**
 * Loads the reference scenario: the reference data, the demo users, then each capability's part
 * in the order `src/capabilities.ts` lists them. Idempotent: what is already there is left alone,
 * so `plenary seed` can run twice. The scenario's past changes carry their own dates; their audit
 * entries are recorded in order, none before the one it follows (`loadingHistory`).
 */
export function seedScenario(
  db: Db,
  clock: Clock,
  site: Site = composeSite(CAPABILITIES),
): Promise<SeedReport> {
  return loadingHistory(() => seedAll(db, clock, site));
}

async function seedAll(db: Db, clock: Clock, site: Site): Promise<SeedReport> {
  for (const capability of site.capabilities) await capability.reference?.(db, clock);
  const report: SeedReport = { usersAdded: [], usersPresent: [] };
  await db.transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      if (await userByUsername(tx, u.username)) {
        report.usersPresent.push(u.username);
        continue;
      }
      // Demo addresses (reserved .example domain), so reminders have somewhere to go.
      const email = u.email ?? `${u.username}@demo.plenary.example`;
      await createUser(tx, actingAsSystem(clock.now()), { ...u, email, password: DEMO_PASSWORD });
      report.usersAdded.push(u.username);
    }
  });
  for (const capability of site.capabilities) await capability.seed?.(db, clock, site);
  return report;
}

export { DEMO_PASSWORD, DEMO_USERS };
