import type { Command } from "commander";
import { writeBackup } from "../core/backup/backup.js";
import { openBackup } from "../core/backup/format.js";
import { restoreBackup } from "../core/backup/restore.js";
import { io } from "../core/cli.js";
import { loadConfig } from "../core/config.js";
import { type Database, openDatabase } from "../core/db/index.js";

async function withOpened<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  // The embedded database's folder lock is taken here: a running `plenary serve` holds it.
  const database = await openDatabase(loadConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `plenary backup FILE` and `plenary restore FILE`, on the embedded database or PostgreSQL alike. */
export function registerBackupCommands(program: Command): void {
  program
    .command("backup <file>")
    .description("write every table of the database to FILE (gzip'd JSON lines), as one consistent snapshot")
    .action(async (file: string) => {
      await withOpened(async (database) => {
        const r = await writeBackup(database, file, new Date());
        io.out(
          `Backed up ${r.tables} tables, ${r.rows} rows (${r.auditEntries} audit entries) at ${r.level} from ${database.location} to ${file} (${size(r.bytes)}).`,
        );
      });
    });

  program
    .command("restore <file>")
    .description("load a backup into an empty database (migrated first), all or nothing")
    .option("--replace", "discard everything the database holds and put the backup in its place")
    .action(async (file: string, opts: { replace?: boolean }) => {
      const backup = await openBackup(file);
      await withOpened(async (database) => {
        await database.migrate();
        const r = await restoreBackup(database, backup, { file, replace: opts.replace === true });
        io.out(
          `Restored ${r.tables} tables, ${r.rows} rows (${r.auditEntries} audit entries, chain verified) from ${file}, made ${backup.header.madeAt}, into ${database.location}` +
            `${r.replaced > 0 ? `, replacing ${r.replaced} rows it held` : ""}.`,
        );
      });
    });
}
