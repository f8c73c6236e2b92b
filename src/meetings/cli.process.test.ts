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
  const made = await freshCliEnv(fs.mkdtempSync(path.join(os.tmpdir(), "plenary-meetings-cli-")));
  const env = { ...made.env, PLENARY_NOW: "2008-08-20T14:00Z" };
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

describe("plenary meetings and reminders commands", () => {
  it("lists the meetings of a year", async () => {
    const r = await plenary("meetings", "list", "--year", "2008");
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const lines = r.stdout.split("\n");
    expect(lines.length).toBe(7);
    expect(lines[3]).toMatch(
      /30 Oct – 4 Nov 2008\s+2008 Canberra TEM\s+Technical Experts Meeting \(Plenary week\)\s+Canberra \(AU\)\s+provisionally agreed/,
    );
    const json = JSON.parse((await plenary("meetings", "list", "--year", "2007", "--json")).stdout);
    expect(json).toEqual([
      expect.objectContaining({ title: "2007 Athens Plenary", firstDay: "2007-11-05", status: "held" }),
    ]);
    expect(await plenary("meetings", "list", "--year", "08")).toEqual({
      code: 1,
      stdout: "",
      stderr: "plenary: --year: 08 is not a year: give four digits, e.g. 2008",
    });
  });

  it("runs one pass of reminders, and a second pass sends nothing again", async () => {
    expect((await plenary("reminders", "run")).stdout).toBe(
      "Reminders: 0 sent by SMTP, 4 put in the outbox, 0 skipped, 0 failed.",
    );
    expect((await plenary("reminders", "run")).stdout).toBe(
      "Reminders: 0 sent by SMTP, 0 put in the outbox, 0 skipped, 0 failed.",
    );
    process.env.REMINDER_LEAD_TIMES = "soon";
    try {
      expect((await plenary("reminders", "run")).stderr).toBe(
        "plenary: REMINDER_LEAD_TIMES=soon is not valid: soon is not a lead time: write a number and m, h, d or w, e.g. 14d or 12h.",
      );
    } finally {
      delete process.env.REMINDER_LEAD_TIMES;
    }
  });
});
