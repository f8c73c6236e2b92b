import fs from "node:fs";
import type { Command } from "commander";
import { actingAs } from "../core/acting.js";
import { type Cli, io } from "../core/cli.js";
import { invalid } from "../core/errors.js";
import { readerByUsername } from "../directory/index.js";
import { meetingTitles } from "../meetings/index.js";
import { auditPaperExport } from "./audit-list.js";
import { PaperRefParam } from "./contract.js";
import { presentListItem, presentPaper } from "./present.js";
import { listPapers, readPaper } from "./queries.js";
import { PAPER_KIND_LABELS } from "./rules.js";
import { paperToDocx, wordFileName } from "./word.js";

export function registerPapersCommands(program: Command, cli: Cli): void {
  const papers = program.command("papers").description("the register of papers, as a user sees it");

  papers
    .command("list")
    .description("list the papers a user may see")
    .requiredOption("--as <username>", "whose view of the register")
    .option("--json", "print JSON")
    .action(async (opts: { as: string; json?: boolean }) => {
      await cli.withDatabase(async ({ database, clock }) => {
        const reader = await readerByUsername(database.db, opts.as, clock.now());
        const rows = (await listPapers(database.db, reader)).map((r) => presentListItem(reader, r));
        if (opts.json) return io.out(JSON.stringify(rows, null, 2));
        for (const p of rows) {
          io.out(
            `${p.label.padEnd(12)} ${p.marking.padEnd(6)} ${p.status.padEnd(10)} ${PAPER_KIND_LABELS[p.kind].padEnd(18)} ${p.titleWithheld ? `[withheld: (${p.titleMarking})]` : p.title}${p.late ? `  (${p.late.text})` : ""}`,
          );
        }
      });
    });

  papers
    .command("export <paper>")
    .description("write a paper as a Word document (or JSON), redacted for the user")
    .requiredOption("--as <username>", "whose view of the paper")
    .option("--format <format>", "docx or json", "docx")
    .option("--out <file>", "where to write it (default: POC-DOC-<number>.<format>, or draft-<id>.<format>)")
    .action(async (number: string, opts: { as: string; format: string; out?: string }) => {
      const ref = PaperRefParam.safeParse(number);
      if (!ref.success)
        throw invalid("paper", "the paper's POC DOC number, e.g. 39, or draft-<id> for a draft");
      if (opts.format !== "docx" && opts.format !== "json") throw invalid("--format", "docx or json");
      await cli.withDatabase(async ({ database, clock }) => {
        const who = actingAs(await readerByUsername(database.db, opts.as, clock.now()), clock.now());
        const { row, view, meeting } = await database.db.transaction(async (tx) => {
          const detail = await readPaper(tx, who, ref.data);
          const id = detail.paper.meetingId;
          const titles = await meetingTitles(tx, who.reader, id === null ? [] : [id]);
          return {
            row: detail.paper,
            view: presentPaper(who.reader, detail),
            meeting: id === null ? null : (titles.get(id) ?? null),
          };
        });
        const out = opts.out ?? wordFileName(row, opts.format);
        if (opts.format === "json") fs.writeFileSync(out, `${JSON.stringify(view, null, 2)}\n`);
        else fs.writeFileSync(out, await paperToDocx(view, meeting));
        await auditPaperExport(
          { db: database.db },
          who.now,
          who.reader,
          row,
          opts.format === "json" ? "json" : "word",
        );
        io.out(`Wrote ${out} (${view.label}, ${view.marking}).`);
      });
    });
}
