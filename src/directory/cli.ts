import type { Command } from "commander";
import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import { ROLES } from "../core/access/reader.js";
import { type Cli, io } from "../core/cli.js";
import { invalid } from "../core/errors.js";
import { validationError } from "../core/http/errors.js";
import { createUser } from "./commands/create-user.js";
import { setGovernmentLadder } from "./commands/set-ladder.js";
import { updateUser } from "./commands/update-user.js";
import { NewUserInput, UserPatch } from "./contract.js";
import { parseLevels } from "./ladders.js";
import { allUsers } from "./repo.js";

async function passwordFrom(opts: { password?: string; passwordStdin?: boolean }): Promise<string> {
  if (opts.passwordStdin) return (await io.readStdin()).replace(/\r?\n$/, "");
  if (opts.password !== undefined) return opts.password;
  throw invalid("--password", "give the password with --password-stdin (preferred) or --password VALUE");
}

const csv = (v: string) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** `plenary user …` and `plenary ladder`: the directory's people and ladders, as the system. */
export function registerDirectoryCommands(program: Command, cli: Cli): void {
  const user = program.command("user").description("manage user accounts in the configured database");

  user
    .command("add <username>")
    .description("add a user (the first administrator of a new deployment, for instance)")
    .requiredOption("--name <name>", "the person's name")
    .requiredOption("--government <code>", "two-letter government code, e.g. US")
    .option("--roles <roles>", `comma-separated: ${ROLES.join(", ")}`, "")
    .option("--regime-clearance <marking>", "marking on the regime ladder: PUBLIC, RR, RC", "PUBLIC")
    .option("--national-clearance <marking>", "marking on the government's ladder, e.g. C")
    .option("--email <address>")
    .option("--title <title>")
    .option(
      "--password <password>",
      "the initial password (visible to other local users; prefer --password-stdin)",
    )
    .option("--password-stdin", "read the initial password from standard input")
    .action(async (username: string, opts) => {
      const parsed = NewUserInput.safeParse({
        username,
        displayName: opts.name,
        government: opts.government,
        roles: csv(opts.roles),
        regimeClearance: opts.regimeClearance,
        nationalClearance: opts.nationalClearance,
        email: opts.email,
        title: opts.title,
        password: await passwordFrom(opts),
      });
      if (!parsed.success) throw validationError(parsed.error);
      await cli.withDatabase(async ({ database, acting }) => {
        const row = await database.db.transaction((tx) => createUser(tx, acting(), parsed.data));
        io.out(`Added ${row.username} (${row.governmentCode}; roles: ${row.roles.join(", ") || "none"}).`);
      });
    });

  user
    .command("passwd <username>")
    .description("set a user's password (ends their sessions)")
    .option("--password <password>")
    .option("--password-stdin", "read the new password from standard input")
    .action(async (username: string, opts) => {
      const parsed = UserPatch.safeParse({ password: await passwordFrom(opts) });
      if (!parsed.success) throw validationError(parsed.error);
      await cli.withDatabase(async ({ database, acting }) => {
        await database.db.transaction((tx) => updateUser(tx, acting(), username, parsed.data));
        io.out(`Password of ${username} changed; their sessions have ended.`);
      });
    });

  user
    .command("disable <username>")
    .description("disable a user: they can no longer sign in, and their sessions and tokens stop working")
    .action(async (username: string) => {
      await cli.withDatabase(async ({ database, acting }) => {
        await database.db.transaction((tx) => updateUser(tx, acting(), username, { disabled: true }));
        io.out(`Disabled ${username}.`);
      });
    });

  user
    .command("enable <username>")
    .description("enable a disabled user again")
    .action(async (username: string) => {
      await cli.withDatabase(async ({ database, acting }) => {
        await database.db.transaction((tx) => updateUser(tx, acting(), username, { disabled: false }));
        io.out(`Enabled ${username}.`);
      });
    });

  user
    .command("list")
    .description("list users")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await cli.withDatabase(async ({ database }) => {
        const out = (await allUsers(database.db)).map(({ user: u, ladder }) => ({
          username: u.username,
          name: u.displayName,
          government: u.governmentCode,
          roles: u.roles,
          regimeClearance: levelAt(REGIME_LADDER, u.regimeClearance).code,
          nationalClearance: levelAt(ladder, u.nationalClearance).code,
          disabled: u.disabledAt !== null,
        }));
        if (opts.json) return io.out(JSON.stringify(out, null, 2));
        for (const u of out) {
          io.out(
            `${u.username.padEnd(16)} ${u.government}  ${(u.roles.join(",") || "-").padEnd(24)} regime ${u.regimeClearance.padEnd(6)} national ${u.nationalClearance}${u.disabled ? "  (disabled)" : ""}  ${u.name}`,
          );
        }
      });
    });

  program
    .command("ladder <government> <levels>")
    .description(
      'set a government\'s marking ladder, lowest first, e.g. "U=UNCLASSIFIED, R=RESTRICTED, C=CONFIDENTIAL, S=SECRET"',
    )
    .action(async (government: string, levels: string) => {
      await cli.withDatabase(async ({ database, acting }) => {
        const ladder = await database.db.transaction((tx) =>
          setGovernmentLadder(tx, acting(), government.toUpperCase(), parseLevels(levels)),
        );
        io.out(`${ladder.name}'s ladder: ${ladder.levels.map((l) => `${l.code} (${l.label})`).join(" < ")}.`);
      });
    });
}
