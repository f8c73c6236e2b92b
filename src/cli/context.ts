import os from "node:os";
import type { AuditActor } from "../core/audit/append.js";
import type { Clock } from "../core/clock.js";
import type { Config } from "../core/config.js";
import { loadConfig } from "../core/config.js";
import { type Database, openDatabase } from "../core/db/index.js";
import { ensureReferenceData } from "../directory/reference.js";

export interface CliContext {
  config: Config;
  database: Database;
  clock: Clock;
  actor: AuditActor;
}

/** Output goes through these, so tests can capture it. */
export const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
  readStdin: async (): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

export function cliActor(): AuditActor {
  let name = "unknown";
  try {
    name = os.userInfo().username;
  } catch {
    // No passwd entry for this uid.
  }
  return { userId: null, label: `cli:${name}` };
}

/** Opens the configured database (migrated, with reference data), runs `fn`, and always closes it. */
export async function withDatabase<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await database.migrate();
    await ensureReferenceData(database.db, config.clock);
    return await fn({ config, database, clock: config.clock, actor: cliActor() });
  } finally {
    await database.close();
  }
}
