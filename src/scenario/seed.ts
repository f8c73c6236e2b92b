import { SYSTEM_ACTOR } from "../core/audit/append.js";
import type { Clock } from "../core/clock.js";
import type { Db } from "../core/db/index.js";
import { ensureReferenceData } from "../directory/reference.js";
import { userByUsername } from "../directory/repo.js";
import { createUser } from "../directory/users.js";
import { seedMeetings } from "../meetings/seed.js";
import { seedPapers } from "../papers/seed.js";
import { seedTelegrams } from "../telegram/archive/seed.js";
import { DEMO_PASSWORD, DEMO_USERS } from "./users.js";

export interface SeedReport {
  referenceData: boolean;
  usersAdded: string[];
  usersPresent: string[];
}

/**
 * Loads the reference scenario: the directory, the demo users and the scenario's records.
 * Idempotent: what is already there is left alone, so `plenary seed` can run twice.
 */
export async function seedScenario(db: Db, clock: Clock): Promise<SeedReport> {
  const referenceData = await ensureReferenceData(db, clock);
  const report: SeedReport = { referenceData, usersAdded: [], usersPresent: [] };
  await db.transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      if (await userByUsername(tx, u.username)) {
        report.usersPresent.push(u.username);
        continue;
      }
      // Demo addresses (reserved .example domain), so reminders have somewhere to go.
      const email = u.email ?? `${u.username}@demo.plenary.example`;
      await createUser(tx, { ...u, email, password: DEMO_PASSWORD }, SYSTEM_ACTOR, clock);
      report.usersAdded.push(u.username);
    }
  });
  await seedTelegrams(db, clock);
  await seedMeetings(db, clock);
  await seedPapers(db, clock);
  return report;
}

export { DEMO_PASSWORD, DEMO_USERS };
