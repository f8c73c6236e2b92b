import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SYSTEM_ACTOR } from "../../core/audit/append.js";
import type { Clock } from "../../core/clock.js";
import type { Db } from "../../core/db/index.js";
import { importTelegrams } from "./import.js";

export const SEED_TELEGRAM = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../scenario/data/STATE-08-070895.txt",
);

/** The reference scenario's telegram, STATE 070895, filed in the United States' national space. */
export async function seedTelegrams(db: Db, clock: Clock): Promise<void> {
  const bytes = fs.readFileSync(SEED_TELEGRAM);
  await importTelegrams(db, [{ name: "STATE-08-070895.txt", bytes }], {
    space: "US",
    actor: SYSTEM_ACTOR,
    clock,
  });
}
