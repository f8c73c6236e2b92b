import fs from "node:fs";
import type { Command } from "commander";
import { visibleAmendmentSets } from "../annex/index.js";
import { actingAs } from "../core/acting.js";
import { type Cli, io } from "../core/cli.js";
import { invalid } from "../core/errors.js";
import { readerByUsername } from "../directory/index.js";
import { matrixOrNotFound, workbookFor, workbookName } from "./api/routes.js";
import { reportEnactmentOf } from "./commands/report-enactment.js";
import { NewReportInput } from "./contract.js";
import { matrixCsv } from "./export.js";
import { STATUS_LABELS } from "./matrix.js";

export function registerEnactmentCommands(program: Command, cli: Cli): void {
  const enactment = program.command("enactment").description("the national enactment matrix (POC DOC 39)");

  enactment
    .command("report")
    .description("report your government's enactment of an amendment set")
    .requiredOption("--as <username>", "who reports (for their own government)")
    .requiredOption("--set <titleOrId>", "the amendment set, e.g. 'Athens 2007'")
    .requiredOption("--status <status>", "in_progress, enacted or not_applicable")
    .option("--government <code>", "the government reported for (default: the user's own)")
    .option("--instrument <text>", "the national instrument, e.g. 'Commerce Control List'")
    .option("--effective <day>", "the day it took effect, YYYY-MM-DD")
    .option("--source-kind <kind>", "paper, telegram or link")
    .option("--source <ref>", "the paper's number, the telegram's reference or the address")
    .option("--note <text>", "a note")
    .action(
      async (opts: {
        as: string;
        set: string;
        status: string;
        government?: string;
        instrument?: string;
        effective?: string;
        sourceKind?: string;
        source?: string;
        note?: string;
      }) => {
        await cli.withDatabase(async ({ database, clock }) => {
          const db = database.db;
          const reader = await readerByUsername(db, opts.as, clock.now());
          const set = (await visibleAmendmentSets(db, reader)).find(
            (s) => s.title === opts.set || String(s.id) === opts.set,
          );
          if (!set) throw invalid("--set", `there is no amendment set "${opts.set}"`);
          const parsed = NewReportInput.safeParse({
            setId: set.id,
            governmentCode: opts.government ?? reader.government.code,
            status: opts.status,
            instrument: opts.instrument ?? null,
            effectiveOn: opts.effective ?? null,
            sourceKind: opts.sourceKind ?? null,
            sourceRef: opts.source ?? null,
            note: opts.note ?? null,
          });
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw invalid(`--${String(issue?.path[0] ?? "input")}`, issue?.message ?? "invalid");
          }
          const row = await db.transaction((tx) =>
            reportEnactmentOf(tx, actingAs(reader, clock.now()), parsed.data),
          );
          io.out(
            `Reported: ${row.governmentCode}, ${set.title}: ${STATUS_LABELS[row.status]}${row.effectiveOn ? `, effective ${row.effectiveOn}` : ""}${row.late ? " (late)" : ""}.`,
          );
        });
      },
    );

  enactment
    .command("export")
    .description("write the matrix as the user sees it, as .xlsx or CSV")
    .requiredOption("--as <username>", "whose view of the matrix")
    .option("--format <format>", "xlsx or csv", "xlsx")
    .option("--out <file>", "where to write it (default: POC-DOC-39-matrix-<day>.<format>)")
    .action(async (opts: { as: string; format: string; out?: string }) => {
      if (opts.format !== "xlsx" && opts.format !== "csv") throw invalid("--format", "xlsx or csv");
      await cli.withDatabase(async ({ database, clock }) => {
        const db = database.db;
        const now = clock.now();
        const reader = await readerByUsername(db, opts.as, now);
        const out = opts.out ?? workbookName(now).replace(".xlsx", `.${opts.format}`);
        if (opts.format === "csv")
          fs.writeFileSync(out, matrixCsv((await matrixOrNotFound(db, reader, now)).matrix));
        else fs.writeFileSync(out, await workbookFor(db, reader, now));
        io.out(`Wrote ${out}`);
      });
    });
}
