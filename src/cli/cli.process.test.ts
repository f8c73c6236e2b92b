import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshCliEnv } from "../../test/support/context.js";
import { runCli } from "../../test/support/spawn.js";

let env: Record<string, string>;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const made = await freshCliEnv(fs.mkdtempSync(path.join(os.tmpdir(), "plenary-cli-")));
  env = { ...made.env, PLENARY_NOW: "2008-07-02T12:02Z" };
  cleanup = made.cleanup;
});
afterAll(() => cleanup());

const run = (args: string[], input?: string) => runCli(args, env, input);

describe("plenary user, token, seed and audit commands", () => {
  it("adds the first administrator of a deployment, with the password from standard input", async () => {
    const r = await run(
      [
        "user",
        "add",
        "ops.admin",
        "--name",
        "Operations",
        "--government",
        "fr",
        "--roles",
        "admin",
        "--password-stdin",
      ],
      "a-very-good-password\n",
    );
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("Added ops.admin (FR; roles: admin).");
    expect(r.code).toBe(0);
  });

  it("explains bad input, naming the field and what is allowed", async () => {
    const badRole = await run([
      "user",
      "add",
      "x.y",
      "--name",
      "X",
      "--government",
      "US",
      "--roles",
      "king",
      "--password",
      "long-enough-pass",
    ]);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/roles\.0: choose one of: "secretariat", "chair"/);
    const badClearance = await run([
      "user",
      "add",
      "x.y",
      "--name",
      "X",
      "--government",
      "US",
      "--national-clearance",
      "RC",
      "--password",
      "long-enough-pass",
    ]);
    expect(badClearance.stderr.trim()).toBe(
      "plenary: nationalClearance: RC is not a marking on the United States ladder; use one of U, SBU, C, S, TS",
    );
    const noGov = await run([
      "user",
      "add",
      "x.y",
      "--name",
      "X",
      "--government",
      "ZZ",
      "--password",
      "long-enough-pass",
    ]);
    expect(noGov.stderr).toContain("government: no government has the code ZZ");
    const dup = await run([
      "user",
      "add",
      "ops.admin",
      "--name",
      "X",
      "--government",
      "FR",
      "--password",
      "long-enough-pass",
    ]);
    expect(dup.stderr).toContain("A user named ops.admin already exists");
    const noPassword = await run(["user", "add", "x.z", "--name", "X", "--government", "FR"]);
    expect(noPassword.stderr).toContain("--password: give the password with --password-stdin");
    const missing = await run(["user", "add", "x.z"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--name <name>' not specified");
  });

  it("lists, changes passwords of, disables and enables users", async () => {
    const list = await run(["user", "list", "--json"]);
    const users = JSON.parse(list.stdout);
    expect(users.map((u: { username: string }) => u.username)).toEqual(["ops.admin"]);
    const short = await run(["user", "passwd", "ops.admin", "--password", "short"]);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("password: at least 12 characters");
    expect(
      (await run(["user", "passwd", "ops.admin", "--password-stdin"], "another-good-password")).code,
    ).toBe(0);
    expect((await run(["user", "disable", "ops.admin"])).stdout).toContain("Disabled ops.admin");
    const after = JSON.parse((await run(["user", "list", "--json"])).stdout);
    expect(after[0].disabled).toBe(true);
    expect((await run(["user", "enable", "ops.admin"])).code).toBe(0);
    expect((await run(["user", "disable", "nobody.here"])).stderr).toContain("No such user");
  });

  it("makes a token, printing it once, and revokes it", async () => {
    const made = await run(["token", "create", "ops.admin", "--name", "backup script"]);
    expect(made.code).toBe(0);
    expect(made.stdout.trim()).toMatch(/^plen_[A-Za-z0-9_-]{40}$/);
    expect(made.stderr).toContain("not shown again");
    const listed = await run(["token", "list", "ops.admin"]);
    const id = /^\s*(\d+)\s/.exec(listed.stdout)?.[1] ?? "";
    expect(id).toMatch(/^\d+$/);
    expect(listed.stdout).not.toContain(made.stdout.trim());
    expect((await run(["token", "revoke", id])).stdout).toContain(`Token ${id} revoked`);
    expect((await run(["token", "revoke", id])).stderr).toContain("No such live token");
    expect((await run(["token", "revoke", "abc"])).stderr).toContain("id: the token's number");
    const huge = await run(["token", "revoke", "99999999999"]);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toContain("ids and counts run up to 2147483647");
    expect(huge.stderr).not.toMatch(/Failed query|\n\s+at /);
  });

  it("loads the scenario on demand, twice without harm", async () => {
    const first = await run(["seed"]);
    expect(first.stdout).toContain("Demo users added: fr.poc, au.chair");
    const second = await run(["seed"]);
    expect(second.stdout).toContain("Demo users added: none");
  });

  it("verifies the audit log", async () => {
    const r = await run(["audit", "verify"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Audit log intact: \d+ entries verified\./);
  });
});

describe("plenary audit verify on a tampered log", () => {
  it("names the first broken link and exits 1", async () => {
    const { openDatabase } = await import("../core/db/index.js");
    const { sql } = await import("drizzle-orm");
    const database = await openDatabase({
      databaseUrl: env.DATABASE_URL ?? null,
      dataDir: env.PLENARY_DATA ?? "",
    });
    try {
      await database.db.execute(sql.raw("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"));
      await database.db.execute(sql.raw("UPDATE audit_log SET action = 'user.nothing' WHERE seq = 2"));
      await database.db.execute(sql.raw("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"));
    } finally {
      await database.close();
    }
    const r = await run(["audit", "verify"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      "Audit log broken at entry 2: entry 2 was altered (its content does not match its hash). 1 entries before it verified.",
    );
  });
});
