import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshCliEnv } from "../../test/support/context.js";
import { runCli } from "../../test/support/spawn.js";
import { CAVEAT } from "./rules.js";

let cleanup: () => Promise<void>;
let env: Record<string, string>;
beforeAll(async () => {
  const made = await freshCliEnv(fs.mkdtempSync(path.join(os.tmpdir(), "plenary-outreach-cli-")));
  env = { ...made.env, PLENARY_NOW: "2008-07-02T12:02Z" };
  cleanup = made.cleanup;
  expect((await runCli(["seed"], env)).code).toBe(0);
});
afterAll(async () => {
  await cleanup();
});

describe("plenary outreach list", () => {
  it("lists a year's visits with the caveat for a Partner, and nothing for the candidate", async () => {
    const gb = await runCli(["outreach", "list", "--year", "2008", "--as", "gb.delegate"], env);
    expect(gb.code).toBe(0);
    expect(gb.stdout).toMatch(/^2\t2008-03-26 – 2008-03-27\tChina \(CN\), Beijing\treport not yet filed$/m);
    expect(gb.stdout).toMatch(/^3\t2008-09-15 – 2008-09-16\tPakistan \(PK\), Islamabad\tahead$/m);
    expect(gb.stdout).not.toContain("Astana");
    expect(gb.stdout.trim().split("\n").at(-1)).toBe(CAVEAT);
    const json = JSON.parse(
      (await runCli(["outreach", "list", "--year", "2007", "--as", "au.chair", "--json"], env)).stdout,
    );
    expect(json.caveat).toBe(CAVEAT);
    expect(json.visits[0].reportPaper).toBeGreaterThan(0);
    const kz = await runCli(["outreach", "list", "--year", "2008", "--as", "kz.candidate"], env);
    expect(kz.code).not.toBe(0);
    expect(kz.stderr).toContain("No such outreach visits");
    const bad = await runCli(["outreach", "list", "--year", "next", "--as", "gb.delegate"], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--year");
  });
});
