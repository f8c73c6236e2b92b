import type { Command } from "commander";
import { withheldText } from "../core/access/redaction.js";
import { type Cli, io } from "../core/cli.js";
import { invalid } from "../core/errors.js";
import { readerByUsername } from "../directory/index.js";
import { visitList } from "./api/routes.js";

export function registerOutreachCommands(program: Command, cli: Cli): void {
  const outreach = program.command("outreach").description("the Chair's outreach visits to non-Partners");
  outreach
    .command("list")
    .description("the outreach visits a user may see, by first day, with the standing caveat")
    .requiredOption("--as <username>", "whose view")
    .option("--year <year>", "only the visits of this year (of their first day), e.g. 2008")
    .option("--json", "as JSON")
    .action(async (opts: { as: string; year?: string; json?: boolean }) => {
      if (opts.year && !/^(19|20)\d\d$/.test(opts.year)) throw invalid("--year", "a year such as 2008");
      await cli.withDatabase(async ({ database, clock }) => {
        const db = database.db;
        const now = clock.now();
        const reader = await readerByUsername(db, opts.as, now);
        const list = await visitList(db, reader, now, opts.year ? Number(opts.year) : undefined);
        if (opts.json) return io.out(JSON.stringify(list, null, 2));
        if (list.visits.length === 0) io.out("No visits.");
        for (const v of list.visits) {
          io.out(
            `${v.id}\t${v.firstDay} – ${v.lastDay}\t${v.host.name} (${v.host.code}), ${v.city}\t${v.reportPaper ? `report POC DOC ${v.reportPaper}` : v.held ? "report not yet filed" : "ahead"}`,
          );
          for (const p of v.points)
            io.out(`  ${p.withheld ? withheldText(p.marking) : `(${p.marking}) ${p.text}`}`);
        }
        io.out(list.caveat);
      });
    });
}
