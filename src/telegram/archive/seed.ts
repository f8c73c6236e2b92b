import type { Clock } from "../../core/clock.js";
import type { Db } from "../../core/db/index.js";

export async function seedTelegrams(_db: Db, _clock: Clock): Promise<void> {}
