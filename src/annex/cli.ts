import type { Command } from "commander";
import type { Reader } from "../core/access/reader.js";
import { type Cli, io } from "../core/cli.js";
import type { Queryable } from "../core/db/index.js";
import { invalid, notFound } from "../core/errors.js";
import { readerByUsername } from "../directory/index.js";
import { OP_LABELS } from "./amend.js";
import { shownDiff, shownTree } from "./present.js";
import { latestVersion, visibleVersions } from "./queries.js";

/** A version named by its id or its label, as the reader sees it. */
async function versionId(db: Queryable, reader: Reader, ref: string | undefined) {
  if (ref === undefined) {
    const latest = await latestVersion(db, reader);
    if (!latest) throw notFound("version of the Annex");
    return latest.id;
  }
  const v = (await visibleVersions(db, reader)).find((x) => String(x.id) === ref || x.label === ref);
  if (!v)
    throw invalid(
      "version",
      `there is no version "${ref}": give its id or label (plenary annex show lists them)`,
    );
  return v.id;
}

const flat = (s: string) => s.replace(/\s+/g, " ");

export function registerAnnexCommands(program: Command, cli: Cli): void {
  const annex = program.command("annex").description("the control list (Annex): versions and differences");

  annex
    .command("show")
    .description("print a version's tree (the latest by default), or one entry of it")
    .requiredOption("--as <username>", "whose view")
    .option("--version <idOrLabel>", "the version, by id or label")
    .option("--entry <number>", "only this entry and what is under it, e.g. 2.A.1")
    .option("--json", "print JSON")
    .action(async (opts: { as: string; version?: string; entry?: string; json?: boolean }) => {
      await cli.withDatabase(async ({ database, clock }) => {
        const db = database.db;
        const reader = await readerByUsername(db, opts.as, clock.now());
        const tree = await shownTree(db, reader, await versionId(db, reader, opts.version));
        const nodes = opts.entry
          ? tree.nodes.filter((n) => n.number === opts.entry || n.number.startsWith(`${opts.entry}.`))
          : tree.nodes;
        if (opts.entry && nodes.length === 0) throw notFound(`entry ${opts.entry} in ${tree.version.label}`);
        if (opts.json) return io.out(JSON.stringify({ version: tree.version, nodes }, null, 2));
        if (!opts.entry) {
          const all = await visibleVersions(db, reader);
          io.out(`Versions: ${all.map((v) => `${v.id} "${v.label}" (${v.asOf})`).join(", ")}`);
        }
        io.out(`${tree.version.label}, as of ${tree.version.asOf}`);
        for (const n of nodes) {
          const head =
            n.kind === "item"
              ? `Item ${n.number} (Category ${n.category}): ${n.text}`
              : `${n.number} ${n.text}`;
          io.out(`${"  ".repeat(n.depth)}${flat(head)}`);
          for (const note of n.notes) io.out(`${"  ".repeat(n.depth + 1)}Note: ${flat(note)}`);
          for (const note of n.technicalNotes)
            io.out(`${"  ".repeat(n.depth + 1)}Technical note: ${flat(note)}`);
        }
      });
    });

  annex
    .command("diff <from> <to>")
    .description("the difference between two versions (by id or label): [-removed-] {+added+}")
    .requiredOption("--as <username>", "whose view")
    .option("--json", "print JSON")
    .action(async (from: string, to: string, opts: { as: string; json?: boolean }) => {
      await cli.withDatabase(async ({ database, clock }) => {
        const db = database.db;
        const reader = await readerByUsername(db, opts.as, clock.now());
        const d = await shownDiff(
          db,
          reader,
          await versionId(db, reader, from),
          await versionId(db, reader, to),
        );
        if (opts.json) return io.out(JSON.stringify(d, null, 2));
        io.out(
          `${d.from.label} → ${d.to.label}: ${d.added} added, ${d.deleted} deleted, ${d.changed} changed, ${d.unchanged} unchanged`,
        );
        for (const e of d.entries) {
          const label =
            e.kind === "added" ? OP_LABELS.add : e.kind === "deleted" ? OP_LABELS.delete : OP_LABELS.change;
          if (e.kind !== "changed") {
            io.out(`${label} ${e.number}: ${flat((e.after ?? e.before)?.text ?? "")}`);
            continue;
          }
          for (const f of e.fields)
            io.out(
              `${label} ${e.number} (${f.field}): ${flat(
                f.runs
                  .map((r) => (r.op === "same" ? r.text : r.op === "del" ? `[-${r.text}-]` : `{+${r.text}+}`))
                  .join(""),
              )}`,
            );
        }
      });
    });
}
