import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshCliEnv } from "../../test/support/context.js";
import { runCli } from "../../test/support/spawn.js";
import { main } from "../cli/main.js";
import { io } from "../core/cli.js";
import { SEED_TELEGRAM } from "../telegram/archive/seed.js";

let cleanup: () => Promise<void>;
const saved = { ...process.env };
beforeAll(async () => {
  const made = await freshCliEnv(fs.mkdtempSync(path.join(os.tmpdir(), "plenary-guidance-cli-")));
  const env = { ...made.env, PLENARY_NOW: "2008-07-02T12:02Z" };
  cleanup = made.cleanup;
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

describe("plenary guidance", () => {
  it("lists the US guidance for the US, and none for another government", async () => {
    const desk = await plenary("guidance", "list", "--as", "us.desk");
    expect(desk.code).toBe(0);
    expect(desk.stdout).toMatch(
      /^1\treleased\tSTATE 070895\tPOC meeting, 8 July 2008\t\(C\) MISSILE TECHNOLOGY/m,
    );
    expect(desk.stdout).toMatch(/^2\tdraft\t—\t2008 Canberra Plenary/m);
    const delegate = await plenary("guidance", "list", "--as", "us.delegate");
    expect(delegate.stdout).not.toContain("Canberra Plenary");
    const gb = await plenary("guidance", "list", "--as", "gb.delegate");
    expect(gb.stdout).toBe("No guidance.");
  });

  it("shows and renders one guidance, and answers another government as for a missing one", async () => {
    const show = await plenary("guidance", "show", "1", "--as", "us.delegate");
    expect(show.stdout).toContain("Released as STATE 070895 at 2008-07-02T12:02:00.000Z");
    expect(show.stdout).toContain("F. (SBU) OUTREACH");
    const render = await plenary("guidance", "render", "1", "--as", "us.delegate");
    expect(render.stdout).toContain("SECSTATE WASHDC");
    expect(render.stdout).toContain("DECL: 07/08/2033");
    const hidden = await plenary("guidance", "show", "1", "--as", "fr.poc");
    const missing = await plenary("guidance", "show", "99", "--as", "us.desk");
    expect(hidden.code).not.toBe(0);
    expect(hidden.stderr).toBe(missing.stderr);
  });

  it("turns the seed telegram into guidance content, naming what it could not place, and saves it as a draft", async () => {
    const read = await plenary("guidance", "from-telegram", SEED_TELEGRAM);
    expect(read.code).toBe(0);
    const { content } = JSON.parse(read.stdout);
    expect(content.items).toHaveLength(8);
    expect(read.stderr).toContain("item F");
    const saved = await plenary(
      "guidance",
      "from-telegram",
      SEED_TELEGRAM,
      "--as",
      "us.desk",
      "--meeting",
      "4",
    );
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(/^Draft guidance \d+ saved for meeting 4, 8 items\.$/);
    const missingMeeting = await plenary("guidance", "from-telegram", SEED_TELEGRAM, "--as", "us.desk");
    expect(missingMeeting.stderr).toContain("--meeting");
    const unreadable = await plenary("guidance", "from-telegram", "/nonexistent/file.txt");
    expect(unreadable.stderr).toContain("cannot read /nonexistent/file.txt");
  });
});
