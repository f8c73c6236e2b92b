import type { Command } from "commander";
import { type Cli, io } from "../core/cli.js";
import { invalid } from "../core/errors.js";
import { createLogger } from "../core/log.js";
import { kindLabel, STATUS_LABELS } from "./profile.js";
import { regimeMeetings } from "./queries.js";
import { runReminders } from "./reminders.js";
import { rangeText } from "./zones.js";

export function registerMeetingsCommands(program: Command, cli: Cli): void {
  program
    .command("meetings")
    .description("the regime's meetings")
    .command("list")
    .description("list meetings, by first day")
    .option("--year <year>", "only meetings held (in part) in this year, e.g. 2008")
    .option("--json", "print JSON")
    .action(async (opts: { year?: string; json?: boolean }) => {
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year))
        throw invalid("--year", `${opts.year} is not a year: give four digits, e.g. 2008`);
      await cli.withDatabase(async ({ database }) => {
        const rows = await regimeMeetings(database.db, { year: opts.year });
        if (opts.json) {
          io.out(
            JSON.stringify(
              rows.map((m) => ({
                id: m.id,
                kind: m.kind,
                title: m.title,
                host: m.hostCode,
                city: m.city,
                timeZone: m.timeZone,
                firstDay: m.firstDay,
                lastDay: m.lastDay,
                daysWithoutSessions: m.daysWithoutSessions,
                status: m.status,
              })),
              null,
              2,
            ),
          );
          return;
        }
        if (rows.length === 0) {
          io.out(opts.year ? `No meetings in ${opts.year}.` : "No meetings.");
          return;
        }
        for (const m of rows) {
          io.out(
            [
              String(m.id).padStart(4),
              rangeText(m.firstDay, m.lastDay).padEnd(22),
              m.title.padEnd(38),
              kindLabel(m.kind, m.conjunctionWithId !== null).padEnd(44),
              `${m.city} (${m.hostCode})`.padEnd(16),
              STATUS_LABELS[m.status],
            ].join("  "),
          );
        }
      });
    });

  program
    .command("reminders")
    .description("deadline reminders")
    .command("run")
    .description("send the reminders due now (one pass; `plenary serve` runs it on an interval)")
    .action(async () => {
      await cli.withDatabase(async ({ database, config, clock }) => {
        const log = createLogger(config.logLevel);
        const r = await runReminders({ db: database.db, clock, config, log });
        io.out(
          `Reminders: ${r.sent} sent by SMTP, ${r.outboxed} put in the outbox, ${r.skipped} skipped, ${r.failed} failed.`,
        );
        if (r.failed > 0) process.exitCode = 1;
      });
    });
}
