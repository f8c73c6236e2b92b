/**
 * What a capability's commands use of the `plenary` command line: its output, and the configured
 * database opened, migrated and closed again around the work. The command line (src/cli) makes
 * the `Cli` and hands it to every manifest's `commands`.
 */
import type { SystemActing } from "./acting.js";
import type { AuditActor } from "./audit/append.js";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Database } from "./db/index.js";

export interface CliContext {
  config: Config;
  database: Database;
  clock: Clock;
  actor: AuditActor;
  /** The person at the command line, acting as the system (their OS user is the audit's actor). */
  acting(): SystemActing;
}

export interface Cli {
  /** Opens the configured database (migrated, with reference data), runs `fn`, and always closes it. */
  withDatabase<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T>;
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
