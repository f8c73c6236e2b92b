import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshCliEnv } from "../../test/support/context.js";
import { runCli } from "../../test/support/spawn.js";

let cleanup: () => Promise<void>;
let env: Record<string, string>;
beforeAll(async () => {
  const made = await freshCliEnv(fs.mkdtempSync(path.join(os.tmpdir(), "plenary-membership-cli-")));
  env = { ...made.env, PLENARY_NOW: "2008-07-02T12:02Z" };
  cleanup = made.cleanup;
  expect((await runCli(["seed"], env)).code).toBe(0);
});
afterAll(async () => {
  await cleanup();
});

describe("plenary candidacies list", () => {
  it("shows the history to a Partner, the US view only to the US, and nothing to the candidate", async () => {
    const gb = await runCli(["candidacies", "list", "--as", "gb.delegate"], env);
    expect(gb.code).toBe(0);
    expect(gb.stdout).toMatch(/^1\tKazakhstan \(KZ\)\tpending\tapplied 2002-06-01$/m);
    expect(gb.stdout).toContain("2007-11-09\tDeferred — 2007 Athens Plenary");
    expect(gb.stdout).not.toContain("Your government's view");
    const us = await runCli(["candidacies", "list", "--as", "us.delegate"], env);
    expect(us.stdout).toContain(
      "Your government's view: Undecided (C) U.S. views on membership have not changed",
    );
    const kz = await runCli(["candidacies", "list", "--as", "kz.candidate"], env);
    expect(kz.code).not.toBe(0);
    expect(kz.stderr).toContain("No such candidacies");
  });
});
