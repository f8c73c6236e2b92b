import fs from "node:fs";
import type { Command } from "commander";
import { withheldText } from "../core/access/redaction.js";
import { actingAs } from "../core/acting.js";
import { type Cli, io } from "../core/cli.js";
import { invalid } from "../core/errors.js";
import { readerByUsername } from "../directory/index.js";
import { agendaItemsFor } from "../meetings/index.js";
import { readTelegram } from "../telegram/index.js";
import { auditExport, guidanceOrNotFound, visibleRow } from "./api/read.js";
import { ladderOf } from "./commands/check.js";
import { createGuidance } from "./commands/save-guidance.js";
import { guidanceFromTelegram } from "./from-telegram.js";
import { linkAgenda } from "./link-agenda.js";
import { readGuidance } from "./policy.js";
import { presentSummaries } from "./present.js";
import { listGuidance } from "./queries.js";
import { GUIDANCE_STATES, type GuidanceState } from "./schema.js";
import { telegramFor } from "./word.js";

const shown = (t: { withheld: boolean; marking: string; text: string | null }) =>
  t.withheld ? withheldText(t.marking) : `(${t.marking || "unmarked"}) ${t.text}`;

const idArg = (id: string) => {
  if (!/^\d{1,9}$/.test(id)) throw invalid("id", "a guidance's number, e.g. 1");
  return Number(id);
};

export function registerGuidanceCommands(program: Command, cli: Cli): void {
  const g = program.command("guidance").description("guidance to representatives, sent as telegrams");

  g.command("list")
    .description("the guidance a user may see, newest first")
    .requiredOption("--as <username>", "whose view")
    .option("--state <state>", `only in this state: ${GUIDANCE_STATES.join(", ")}`)
    .option("--json", "as JSON")
    .action(async (opts: { as: string; state?: string; json?: boolean }) => {
      if (opts.state && !GUIDANCE_STATES.includes(opts.state as GuidanceState))
        throw invalid("--state", `choose one of ${GUIDANCE_STATES.join(", ")}`);
      await cli.withDatabase(async ({ database, clock }) => {
        const db = database.db;
        const reader = await readerByUsername(db, opts.as, clock.now());
        const rows = readGuidance.allows(reader)
          ? await listGuidance(db, reader, opts.state ? { state: opts.state as GuidanceState } : {})
          : [];
        const items = await presentSummaries(db, reader, rows);
        if (opts.json) return io.out(JSON.stringify({ guidance: items }, null, 2));
        if (items.length === 0) return io.out("No guidance.");
        for (const x of items)
          io.out(`${x.id}\t${x.state}\t${x.reference ?? "—"}\t${x.meeting.title}\t${shown(x.subject)}`);
      });
    });

  g.command("show <id>")
    .description("one guidance, item by item, as the user may see it")
    .requiredOption("--as <username>", "whose view")
    .option("--json", "as JSON")
    .action(async (id: string, opts: { as: string; json?: boolean }) => {
      const n = idArg(id);
      await cli.withDatabase(async ({ database, clock }) => {
        const db = database.db;
        const now = clock.now();
        const reader = await readerByUsername(db, opts.as, now);
        const v = await guidanceOrNotFound(db, reader, n, now);
        if (opts.json) return io.out(JSON.stringify(v, null, 2));
        io.out(
          `Guidance ${v.id} (${v.state}, version ${v.version}, banner ${v.banner}): ${shown(v.content.subject)}`,
        );
        io.out(`${v.meeting.title}; TO ${v.content.to.name}; slug ${v.content.slug || "—"}`);
        if (v.release) io.out(`Released as ${v.release.reference} at ${v.release.sentAt}`);
        for (const item of v.content.items) {
          io.out(`${item.letter}. ${shown(item.heading)}`);
          for (const b of item.blocks) {
            io.out(`   ${b.mode.replaceAll("_", " ")}:`);
            for (const p of b.points) io.out(`   -- ${shown(p)}`);
          }
        }
      });
    });

  g.command("render <id>")
    .description("the guidance as its telegram, as the user may see it")
    .requiredOption("--as <username>", "whose view")
    .action(async (id: string, opts: { as: string }) => {
      const n = idArg(id);
      await cli.withDatabase(async ({ database, clock }) => {
        const db = database.db;
        const now = clock.now();
        const reader = await readerByUsername(db, opts.as, now);
        const row = await visibleRow(db, reader, n, now);
        io.out(telegramFor(row, await ladderOf(db, row.space), reader.nationalClearance));
        await auditExport(db, reader, row, "telegram", now);
      });
    });

  g.command("from-telegram <file>")
    .description(
      "turn a guidance telegram into guidance content: printed as JSON, or saved as a draft with --as and --meeting",
    )
    .option("--as <username>", "save as a draft of this user's government")
    .option("--meeting <id>", "the meeting the draft is for (its agenda items are linked by heading)")
    .action(async (file: string, opts: { as?: string; meeting?: string }) => {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        throw invalid("file", `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
      }
      const { content, unplaced } = guidanceFromTelegram(readTelegram(bytes).model);
      for (const u of unplaced) io.err(`not placed: ${u.where}${u.text ? `: ${u.text}` : ""}`);
      if (!opts.as) {
        io.out(JSON.stringify({ content, unplaced }, null, 2));
        return;
      }
      if (!opts.meeting || !/^\d{1,9}$/.test(opts.meeting))
        throw invalid("--meeting", "give the meeting the draft is for, e.g. --meeting 3");
      const meetingId = Number(opts.meeting);
      const username = opts.as;
      await cli.withDatabase(async ({ database, clock }) => {
        const db = database.db;
        const now = clock.now();
        const reader = await readerByUsername(db, username, now);
        const who = actingAs(reader, now);
        const row = await db.transaction(async (tx) => {
          const agenda = await agendaItemsFor(tx, who, meetingId);
          return createGuidance(tx, who, { meetingId }, { content: linkAgenda(content, agenda) });
        });
        io.out(`Draft guidance ${row.id} saved for meeting ${meetingId}, ${content.items.length} items.`);
      });
    });
}
