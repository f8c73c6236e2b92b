import type { Command } from "commander";
import { listTokens } from "../core/auth/tokens.js";
import { type Cli, io } from "../core/cli.js";
import { invalid, notFound } from "../core/errors.js";
import { userByUsername } from "../directory/index.js";
import { makeToken } from "./commands/make-token.js";
import { revokeToken } from "./commands/revoke-token.js";
import { TokenName } from "./contract.js";

/** `plenary token …`: personal API tokens, made and revoked for a user as the system. */
export function registerTokenCommands(program: Command, cli: Cli): void {
  const token = program.command("token").description("manage personal API tokens");

  token
    .command("create <username>")
    .description("make an API token for a user and print it once")
    .option("--name <name>", "what the token is for", "command line")
    .action(async (username: string, opts: { name: string }) => {
      const parsed = TokenName.safeParse(opts.name);
      if (!parsed.success) throw invalid("--name", "1 to 80 characters");
      const name = parsed.data;
      await cli.withDatabase(async ({ database, acting }) => {
        const made = await database.db.transaction((tx) =>
          makeToken(tx, acting(), { name, owner: username }),
        );
        io.out(made.token);
        io.err(`Token ${made.summary.id} ("${name}") for ${username}: keep it now, it is not shown again.`);
      });
    });

  token
    .command("list <username>")
    .description("list a user's tokens")
    .action(async (username: string) => {
      await cli.withDatabase(async ({ database }) => {
        const u = await userByUsername(database.db, username);
        if (!u) throw notFound("user");
        for (const t of await listTokens(database.db, u.id)) {
          io.out(
            `${String(t.id).padStart(5)}  ${t.prefix}…  ${t.revokedAt ? "revoked" : "live   "}  ${t.name}`,
          );
        }
      });
    });

  token
    .command("revoke <id>")
    .description("revoke a token by its number (see `token list`)")
    .action(async (id: string) => {
      if (!/^\d+$/.test(id))
        throw invalid("id", "the token's number, as `plenary token list USERNAME` shows it");
      await cli.withDatabase(async ({ database, acting }) => {
        await database.db.transaction((tx) => revokeToken(tx, acting(), Number(id)));
        io.out(`Token ${id} revoked.`);
      });
    });
}
