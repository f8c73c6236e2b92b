import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshCliEnv } from "../../test/support/context.js";
import { runCli } from "../../test/support/spawn.js";
import { main } from "../cli/main.js";
import { io } from "../core/cli.js";

let cleanup: () => Promise<void>;
const saved = { ...process.env };
beforeAll(async () => {
  const made = await freshCliEnv(fs.mkdtempSync(path.join(os.tmpdir(), "plenary-decisions-cli-")));
  const env = { ...made.env, PLENARY_NOW: "2008-07-02T12:02Z" };
  cleanup = made.cleanup;
  // Loaded as a user would, in its own process; the commands below then run in this one.
  const seeded = await runCli(["seed"], env);
  expect(seeded.code).toBe(0);
  Object.assign(process.env, env);
});
afterAll(async () => {
  process.env = saved;
  await cleanup();
});

async function plenary(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const was = { ...io };
  io.out = (s) => out.push(s) > 0;
  io.err = (s) => err.push(s) > 0;
  try {
    process.exitCode = undefined;
    const code = await main(args);
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    Object.assign(io, was);
    process.exitCode = undefined;
  }
}

describe("plenary decisions", () => {
  it("lists what a Partner's delegate sees, and nothing for a candidate", async () => {
    const gb = await plenary("decisions", "list", "--as", "gb.delegate");
    expect(gb.code).toBe(0);
    expect(gb.stdout).toMatch(
      /^3\tUnder silence procedure\tcloses 12:00 .*7 Jul 2008.*Paris time\t\(RR\) Adopt the draft agenda/m,
    );
    expect(gb.stdout).toMatch(/^2\tAdopted\t/m);
    // The US draft is the US's and the Point of Contact's alone.
    expect(gb.stdout).not.toContain("eight weeks");
    expect((await plenary("decisions", "list", "--as", "us.desk")).stdout).toContain("eight weeks");
    const kz = await plenary("decisions", "list", "--as", "kz.candidate");
    expect(kz.code).not.toBe(0);
    expect(kz.stderr).toContain("No such decisions");
    const bad = await plenary("decisions", "list", "--as", "gb.delegate", "--state", "pending");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--state");
  });

  it("shows a proposal with every Partner's position and its countdown", async () => {
    const r = await plenary("decisions", "show", "3", "--as", "us.delegate");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Closes 12:00");
    expect(r.stdout).toContain("4 days 21 hours left");
    expect(r.stdout).toMatch(/^ {2}DE {2}No objection/m);
    expect(r.stdout).toMatch(/^ {2}GB {2}—$/m);
    const json = JSON.parse(
      (await plenary("decisions", "show", "3", "--as", "us.delegate", "--json")).stdout,
    );
    expect(json.grid).toHaveLength(34);
  });

  it("closes what is due once, as of the instant given", async () => {
    expect((await plenary("decisions", "close-due")).stdout).toBe("Nothing is due.");
    const r = await plenary("decisions", "close-due", "--now", "2008-07-08T00:00Z");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Proposal 3: adopted; record of decision POC DOC \d+$/);
    expect((await plenary("decisions", "close-due", "--now", "2008-07-08T00:00Z")).stdout).toBe(
      "Nothing is due.",
    );
    const bad = await plenary("decisions", "close-due", "--now", "next tuesday");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--now");
  });
});
