import type { Command } from "commander";
import { withheldText } from "../core/access/redaction.js";
import { type Cli, io } from "../core/cli.js";
import { fixedClock, parseInstant } from "../core/clock.js";
import { invalid, notFound } from "../core/errors.js";
import { createLogger } from "../core/log.js";
import { readerByUsername } from "../directory/index.js";
import { proposalOrNotFound } from "./api/routes.js";
import { runDecisionPass } from "./job.js";
import { readDecisions } from "./policy.js";
import { presentList } from "./present.js";
import { listProposals } from "./queries.js";
import { PROPOSAL_STATES, type ProposalState } from "./rules.js";

const shown = (t: { withheld: boolean; marking: string; text: string | null }) =>
  t.withheld ? withheldText(t.marking) : `(${t.marking}) ${t.text}`;

export function registerDecisionCommands(program: Command, cli: Cli): void {
  const decisions = program
    .command("decisions")
    .description("proposals, positions and the silence procedure");

  decisions
    .command("list")
    .description("the proposals a user may see, newest first")
    .requiredOption("--as <username>", "whose view")
    .option("--state <state>", `only in this state: ${PROPOSAL_STATES.join(", ")}`)
    .option("--json", "as JSON")
    .action(async (opts: { as: string; state?: string; json?: boolean }) => {
      if (opts.state && !PROPOSAL_STATES.includes(opts.state as ProposalState))
        throw invalid("--state", `choose one of ${PROPOSAL_STATES.join(", ")}`);
      await cli.withDatabase(async ({ database, clock }) => {
        const db = database.db;
        const now = clock.now();
        const reader = await readerByUsername(db, opts.as, now);
        if (!readDecisions.allows(reader)) throw notFound("decisions");
        const rows = await listProposals(
          db,
          reader,
          opts.state ? { state: opts.state as ProposalState } : {},
        );
        const items = await presentList(db, reader, rows, now);
        if (opts.json) return io.out(JSON.stringify({ proposals: items }, null, 2));
        if (items.length === 0) return io.out("No proposals.");
        for (const p of items)
          io.out(
            `${p.id}\t${p.stateLabel}\t${p.deadline ? `closes ${p.deadline.pointOfContact}\t` : ""}${shown(p.title)}`,
          );
      });
    });

  decisions
    .command("show <id>")
    .description("one proposal: its text, every Partner's position and its history")
    .requiredOption("--as <username>", "whose view")
    .option("--json", "as JSON")
    .action(async (id: string, opts: { as: string; json?: boolean }) => {
      if (!/^\d{1,9}$/.test(id)) throw invalid("id", "a proposal's number, e.g. 3");
      await cli.withDatabase(async ({ database, clock }) => {
        const db = database.db;
        const now = clock.now();
        const reader = await readerByUsername(db, opts.as, now);
        const p = await proposalOrNotFound(db, reader, Number(id), now);
        if (opts.json) return io.out(JSON.stringify(p, null, 2));
        io.out(`Proposal ${p.id}: ${shown(p.title)}`);
        io.out(`${p.stateLabel}; proposed by ${p.proposer}${p.meeting ? `; ${p.meeting.title}` : ""}`);
        if (p.deadline)
          io.out(`Closes ${p.deadline.pointOfContact} (${p.deadline.reader}); ${p.deadline.countdown} left`);
        if (p.recordPaper) io.out(`Record of decision: POC DOC ${p.recordPaper}`);
        for (const t of p.text) io.out(`  ${shown(t)}`);
        io.out("Positions:");
        for (const g of p.grid)
          io.out(
            `  ${g.governmentCode}  ${g.position ? `${g.position.label}${g.position.reason ? ` — ${g.position.reason}` : ""} (${g.position.stater}, ${g.position.statedAt})` : "—"}`,
          );
      });
    });

  decisions
    .command("close-due")
    .description(
      "close the silence procedures and provisional agreements that are due, and tell the Partners",
    )
    .option("--now <instant>", "close as of this instant instead of the clock's (ISO 8601)")
    .action(async (opts: { now?: string }) => {
      const instant = opts.now ? parseInstant(opts.now) : null;
      if (opts.now && !instant)
        throw invalid("--now", "an instant as YYYY-MM-DDTHH:MMZ, e.g. 2008-07-08T00:00Z");
      await cli.withDatabase(async ({ database, clock, config }) => {
        const deps = {
          database,
          db: database.db,
          clock: instant ? fixedClock(instant) : clock,
          config,
          log: createLogger("warn"),
        };
        const closed = await runDecisionPass(deps);
        if (closed.length === 0) return io.out("Nothing is due.");
        for (const c of closed)
          io.out(
            `Proposal ${c.id}: ${c.state}${c.recordPaper ? `; record of decision POC DOC ${c.recordPaper}` : ""}`,
          );
      });
    });
}
