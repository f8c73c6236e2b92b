import type { Command } from "commander";
import { sql } from "drizzle-orm";
import { createApp } from "../app.js";
import { boot } from "../core/boot.js";
import type { Site } from "../core/capability.js";
import { loadConfig } from "../core/config.js";
import { rowsOf } from "../core/db/index.js";
import { saveDemoClock } from "../core/demo-clock/index.js";
import type { Deps } from "../core/http/env.js";
import { createLogger } from "../core/log.js";
import { startPeriodic } from "../core/periodic.js";
import { listen } from "../core/server.js";
import { seedScenario } from "../scenario/seed.js";
import { DEMO_PASSWORD, DEMO_USERS } from "../scenario/users.js";
import { io } from "./context.js";

/** A new embedded database (no users yet) gets the reference scenario; a server gets it from `plenary seed`. */
async function seedIfNew(deps: Deps, site: Site): Promise<boolean> {
  if (deps.database.kind !== "embedded") return false;
  const [row] = await rowsOf<{ n: number }>(deps.db, sql`select count(*)::int as n from users`);
  if ((row?.n ?? 0) > 0) return false;
  await seedScenario(deps.db, deps.clock, site);
  return true;
}

export function registerServeCommand(program: Command, site: Site): void {
  program
    .command("serve")
    .description("run the web pages and the API")
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config.logLevel);
      const { deps, started: seeded } = await boot(config, log, site, (d) => seedIfNew(d, site));
      let running: Awaited<ReturnType<typeof listen>>;
      try {
        running = await listen(createApp(deps, site), config.host, config.port);
      } catch (e) {
        await deps.database.close();
        throw e;
      }
      const jobs = site.capabilities.flatMap((c) => c.jobs ?? []).map((j) => j.start(deps, site));
      // The demo's clock is kept every minute and on stopping, so the next start resumes from it.
      const keepClock = () => saveDemoClock(deps.db, deps.clock);
      if (config.demoClock) jobs.push(startPeriodic(log, "demo clock", 60, keepClock, 60_000));
      // Signals are caught before anything is printed: whoever reads the address may stop us at once.
      let stopping = false;
      const stopped = new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          log.info({ signal }, "stopping: finishing requests in flight");
          running
            .close()
            .then(() => Promise.all(jobs.map((j) => j.stop())))
            .then(() => (config.demoClock ? keepClock() : undefined))
            .then(() => deps.database.close())
            .then(() => log.info("stopped"))
            .catch((err: unknown) => log.error({ err }, "error while stopping"))
            .finally(resolve);
        };
        // The listeners stay for the life of the process, so a second signal never falls through to the default.
        process.on("SIGTERM", () => stop("SIGTERM"));
        process.on("SIGINT", () => stop("SIGINT"));
      });
      io.out(`Plenary is running at ${running.url}`);
      io.out(
        `Database: ${deps.database.kind === "embedded" ? `embedded, in ${deps.database.location}` : `PostgreSQL at ${deps.database.location}`}`,
      );
      if (seeded) io.out("Loaded the reference scenario into the new database.");
      io.out(
        `Reminders: every ${config.reminders.intervalSeconds} s, ${config.smtpUrl ? "by SMTP" : "into the outbox (no SMTP_URL)"}.`,
      );
      io.out(`Clock: ${config.clock.now().toISOString()} (${config.clock.description}).`);
      if (config.demoClock) {
        io.out("  The demo runs from 2 July 2008, 12:02 UTC, when telegram STATE 070895 was sent,");
        io.out("  and resumes from where it stood when it last stopped.");
        io.out("  Set PLENARY_NOW=real for real time, or PLENARY_NOW=2008-10-01T09:00Z for another instant.");
      }
      if (deps.database.kind === "embedded") {
        io.out(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
        for (const u of DEMO_USERS) io.out(`  ${u.username.padEnd(13)} ${u.title ?? u.displayName}`);
      }
      io.out("Press Ctrl+C to stop.");

      // The command resolves once a signal has stopped the server and closed the database.
      await stopped;
    });
}
