import type { Command } from "commander";
import { type Cli, io } from "../core/cli.js";
import { notFound } from "../core/errors.js";
import { readerByUsername } from "../directory/index.js";
import { readCandidacies } from "./policy.js";
import { presentCandidacy } from "./present.js";
import { listCandidacies } from "./queries.js";

export function registerMembershipCommands(program: Command, cli: Cli): void {
  const c = program.command("candidacies").description("candidacies for membership and their history");
  c.command("list")
    .description("the candidacies, each with its history and your government's own view")
    .requiredOption("--as <username>", "whose view")
    .option("--json", "as JSON")
    .action(async (opts: { as: string; json?: boolean }) => {
      await cli.withDatabase(async ({ database, clock }) => {
        const db = database.db;
        const reader = await readerByUsername(db, opts.as, clock.now());
        if (!readCandidacies.allows(reader)) throw notFound("candidacies");
        const items = [];
        for (const row of await listCandidacies(db, reader))
          items.push(await presentCandidacy(db, reader, row));
        if (opts.json) {
          io.out(JSON.stringify({ candidacies: items }, null, 2));
          return;
        }
        if (items.length === 0) {
          io.out("No candidacies.");
          return;
        }
        for (const x of items) {
          io.out(`${x.id}\t${x.government.name} (${x.government.code})\t${x.state}\tapplied ${x.appliedOn}`);
          for (const e of x.history)
            io.out(
              `  ${e.on}\t${e.label}${e.meeting ? ` — ${e.meeting.title}` : ""}${e.source ? ` (${e.source})` : ""}`,
            );
          if (x.myView)
            io.out(
              `  Your government's view: ${x.myView.positionLabel}${x.myView.withheld ? ` [withheld: (${x.myView.marking})]` : ` (${x.myView.marking}) ${x.myView.reasoning}`}`,
            );
        }
      });
    });
}
