import { Command, CommanderError } from "commander";
import { CAPABILITIES } from "../capabilities.js";
import { verifyAudit } from "../core/audit/verify.js";
import { composeSite, type Site } from "../core/capability.js";
import { ConfigError } from "../core/errors.js";
import { toAppError } from "../core/http/errors.js";
import { seedScenario } from "../scenario/seed.js";
import { registerBackupCommands } from "./backup.js";
import { cliOf, io } from "./context.js";
import { registerServeCommand } from "./serve.js";

/** The `plenary` command: its own commands, then each capability's, in the order of the list. */
export function buildProgram(site: Site = composeSite(CAPABILITIES)): Command {
  const cli = cliOf(site);
  const program = new Command("plenary")
    .description("Plenary: the workspace of a multilateral export-control regime")
    .showHelpAfterError()
    .exitOverride();

  registerServeCommand(program, site);

  program
    .command("seed")
    .description("load the reference scenario and its demo users (skips what is already there)")
    .action(async () => {
      await cli.withDatabase(async ({ database, clock }) => {
        const r = await seedScenario(database.db, clock, site);
        io.out(
          `Demo users added: ${r.usersAdded.join(", ") || "none"}; already present: ${r.usersPresent.join(", ") || "none"}.`,
        );
      });
    });

  program
    .command("audit")
    .description("the audit log")
    .command("verify")
    .description("check the audit log's hash chain; exits 1 naming the first broken link")
    .action(async () => {
      await cli.withDatabase(async ({ database }) => {
        const r = await verifyAudit(database.db);
        if (r.ok) io.out(`Audit log intact: ${r.checked} entries verified.`);
        else {
          io.err(
            `Audit log broken at entry ${r.broken?.seq}: ${r.broken?.reason}. ${r.checked} entries before it verified.`,
          );
          process.exitCode = 1;
        }
      });
    });

  registerBackupCommands(program);

  for (const capability of site.capabilities) capability.commands?.(program, cli);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ConfigError) {
      io.err(`plenary: ${e.message}`);
      return 1;
    }
    // The same translation as the API's: a database's out-of-range number becomes a message to act
    // on; anything unforeseen is one line, with the stack only when LOG_LEVEL=debug asks for it.
    const err = toAppError(e);
    if (err.code !== "internal") io.err(`plenary: ${err.message}`);
    else if (process.env.LOG_LEVEL === "debug") io.err(`plenary: ${(e as Error).stack ?? String(e)}`);
    else io.err(`plenary: ${innermostMessage(e)} (LOG_LEVEL=debug shows where)`);
    return 1;
  }
}

/** The message of the error at the bottom of a chain of causes: the database's, not the query's text. */
function innermostMessage(e: unknown): string {
  let inner = e;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return inner instanceof Error ? inner.message : String(inner);
}

const invokedDirectly = process.argv[1] && /(?:main\.ts|plenary(?:\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
  if (code !== 0) process.exit(code);
}
