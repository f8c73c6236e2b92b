import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { type Cli, io } from "../../core/cli.js";
import { importTelegrams } from "./import.js";
import { progressReporter } from "./progress.js";
import { reindexTelegrams } from "./reindex.js";
import { importItems } from "./sources.js";

/** How many items the paths hold (files in folders; CSV rows are counted as one file). */
function countFiles(paths: string[]): number | null {
  let n = 0;
  const walk = (p: string) => {
    let s: fs.Stats;
    try {
      s = fs.statSync(p);
    } catch {
      n++;
      return;
    }
    if (s.isDirectory())
      for (const e of fs.readdirSync(p))
        if (!e.startsWith(".")) walk(path.join(p, e));
        else n++;
  };
  for (const p of paths) walk(p);
  return paths.some((p) => p.toLowerCase().endsWith(".csv")) ? null : n;
}

export function registerTelegramArchiveCommands(telegram: Command, cli: Cli): void {
  telegram
    .command("import <paths...>")
    .description(
      "store telegrams (files, folders, Cablegate CSV files) in the archive; duplicates are skipped",
    )
    .option("--space <code>", "the originating government's code: the national space they belong to", "US")
    .option("--batch <n>", "telegrams stored per transaction", "250")
    .option("--quiet", "no progress line")
    .action(async (paths: string[], opts: { space: string; batch: string; quiet?: boolean }) => {
      if (!/^\d+$/.test(opts.batch) || Number(opts.batch) < 1 || Number(opts.batch) > 5000) {
        throw new (await import("../../core/errors.js")).AppError(
          "validation.failed",
          400,
          "--batch: give a whole number from 1 to 5000",
        );
      }
      await cli.withDatabase(async ({ config, database, clock, actor }) => {
        const progress = opts.quiet
          ? null
          : progressReporter(
              (s) => process.stderr.write(s),
              process.stderr.isTTY === true,
              countFiles(paths),
            );
        const summary = await importTelegrams(database.db, importItems(paths), {
          space: opts.space,
          actor,
          clock,
          batchSize: Number(opts.batch),
          vectorize: database.kind === "embedded",
          cacheDir: path.join(config.dataDir, "cache"),
          onProgress: (done, s) => progress?.update(done, s.imported, s.skipped.length),
        });
        progress?.finish();
        for (const s of summary.skipped) io.err(`${s.name}: skipped: ${s.reason}`);
        io.out(
          `Read ${summary.read}: imported ${summary.imported}, ${summary.duplicates} already in the archive, ${summary.skipped.length} skipped${summary.skipped.length ? " (listed above)" : ""}.`,
        );
        if (summary.imported === 0 && summary.skipped.length > 0 && summary.duplicates === 0)
          process.exitCode = 1;
      });
    });

  telegram
    .command("reindex")
    .description("read every stored telegram again from its bytes, after an upgrade of the reader")
    .option("--batch <n>", "telegrams re-read per transaction", "250")
    .action(async (opts: { batch: string }) => {
      if (!/^\d+$/.test(opts.batch) || Number(opts.batch) < 1 || Number(opts.batch) > 5000) {
        throw new (await import("../../core/errors.js")).AppError(
          "validation.failed",
          400,
          "--batch: give a whole number from 1 to 5000",
        );
      }
      await cli.withDatabase(async ({ database, clock, actor }) => {
        const s = await reindexTelegrams(database.db, { actor, clock, batchSize: Number(opts.batch) });
        for (const k of s.kept) io.err(`telegram ${k.id}: kept as stored: ${k.reason}`);
        io.out(
          `Read ${s.read} again: ${s.changed} read differently and updated, ${s.unchanged} unchanged, ${s.kept.length} kept as stored${s.kept.length ? " (listed above)" : ""}.`,
        );
      });
    });
}
