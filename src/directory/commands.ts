import type { Command } from "commander";
import { asc, eq } from "drizzle-orm";
import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import { appendAudit } from "../core/audit/append.js";
import { apiTokens } from "../core/auth/schema.js";
import { createToken, listTokens, revokeToken } from "../core/auth/tokens.js";
import { type Cli, io } from "../core/cli.js";
import { invalid, notFound } from "../core/errors.js";
import { validationError } from "../core/http/errors.js";
import { NewUserInput, UserPatch } from "./contract.js";
import { parseLevels, setGovernmentLadder } from "./ladders.js";
import { ladderOfGovernment, userByUsername } from "./repo.js";
import { users } from "./schema.js";
import { createUser, updateUser } from "./users.js";

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

export function registerUserCommands(program: Command, cli: Cli): void {
  const user = program.command("user").description("manage user accounts in the configured database");

  user
    .command("add <username>")
    .description("add a user (the first administrator of a new deployment, for instance)")
    .requiredOption("--name <name>", "the person's name")
    .requiredOption("--government <code>", "two-letter government code, e.g. US")
    .option(
      "--roles <roles>",
      "comma-separated: secretariat, chair, delegate, desk_officer, approver, admin",
      "",
    )
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
        const rows = await database.db
          .select()
          .from(users)
          .orderBy(asc(users.governmentCode), asc(users.username));
        const out = [];
        for (const u of rows) {
          const ladder = await ladderOfGovernment(database.db, u.governmentCode);
          out.push({
            username: u.username,
            name: u.displayName,
            government: u.governmentCode,
            roles: u.roles,
            regimeClearance: levelAt(REGIME_LADDER, u.regimeClearance).code,
            nationalClearance: ladder
              ? levelAt(ladder, u.nationalClearance).code
              : String(u.nationalClearance),
            disabled: u.disabledAt !== null,
          });
        }
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
      await cli.withDatabase(async ({ database, clock, actor }) => {
        const ladder = await database.db.transaction((tx) =>
          setGovernmentLadder(tx, government.toUpperCase(), parseLevels(levels), actor, clock),
        );
        io.out(`${ladder.name}'s ladder: ${ladder.levels.map((l) => `${l.code} (${l.label})`).join(" < ")}.`);
      });
    });

  const token = program.command("token").description("manage personal API tokens");

  token
    .command("create <username>")
    .description("make an API token for a user and print it once")
    .option("--name <name>", "what the token is for", "command line")
    .action(async (username: string, opts: { name: string }) => {
      const name = opts.name.trim();
      if (!name || name.length > 80) throw invalid("--name", "1 to 80 characters");
      await cli.withDatabase(async ({ database, clock, actor }) => {
        const made = await database.db.transaction(async (tx) => {
          const u = await userByUsername(tx, username);
          if (!u || u.disabledAt) throw notFound("active user");
          const m = await createToken(tx, u.id, name, clock);
          await appendAudit(tx, clock.now(), actor, {
            action: "token.create",
            targetKind: "api_token",
            targetId: m.summary.id,
            details: { name, owner: u.username },
          });
          return m;
        });
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
      await cli.withDatabase(async ({ database, clock, actor }) => {
        await database.db.transaction(async (tx) => {
          const [t] = await tx
            .select()
            .from(apiTokens)
            .where(eq(apiTokens.id, Number(id)));
          if (!t || !(await revokeToken(tx, t.userId, t.id, clock))) throw notFound("live token");
          await appendAudit(tx, clock.now(), actor, {
            action: "token.revoke",
            targetKind: "api_token",
            targetId: t.id,
          });
        });
        io.out(`Token ${id} revoked.`);
      });
    });
}
