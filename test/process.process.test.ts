import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exited, runCli, startServe } from "./support/spawn.js";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "plenary-proc-"));

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe("the plenary process", () => {
  it("starts on an empty data folder with the scenario, refuses a second opener, and stops cleanly on SIGTERM", async () => {
    const data = tmp();
    const port = await freePort();
    const first = await startServe({ PLENARY_DATA: data, PORT: String(port) });
    try {
      expect(first.output()).toContain("Loaded the reference scenario");
      expect(first.output()).toContain("us.delegate");
      expect(first.output()).toContain("Clock: 2008-07-02T12:02");
      const health = await fetch(`${first.url}/healthz`);
      expect(health.status).toBe(200);

      const second = await runCli(["serve"], { PLENARY_DATA: data, PORT: String(await freePort()) });
      expect(second.code).toBe(1);
      expect(second.stderr.trim().split("\n")).toHaveLength(1);
      const m = new RegExp(`Data folder ${data} is in use by process (\\d+) `).exec(second.stderr);
      expect(m, second.stderr).not.toBeNull();
      expect(Number(m?.[1])).toBe(first.child.pid);
    } finally {
      first.child.kill("SIGTERM");
    }
    expect(await exited(first.child)).toBe(0);
    expect(fs.existsSync(path.join(data, "plenary.lock"))).toBe(false);

    // Reopened, it keeps its data and does not load the scenario again; the demo's clock resumes
    // from where it stood when the first stopped, not from 12:02 again.
    const clockOf = (out: string) => Date.parse(/Clock: (\S+) /.exec(out)?.[1] ?? "");
    const stoppedAt = clockOf(first.output());
    const again = await startServe({ PLENARY_DATA: data, PORT: String(port) });
    expect(again.output()).not.toContain("Loaded the reference scenario");
    expect(again.output()).toMatch(/Clock: \S+ \(resumed at 2008-07-02T12:\d\d:\d\d\.\d{3}Z and running\)/);
    expect(clockOf(again.output())).toBeGreaterThan(stoppedAt);
    again.child.kill("SIGINT");
    expect(await exited(again.child)).toBe(0);
  });

  it("ends with one line and a non-zero exit on a port in use", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as net.AddressInfo).port;
    const r = await runCli(["serve"], { PLENARY_DATA: tmp(), PORT: String(port) });
    blocker.close();
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `plenary: Port ${port} on 127.0.0.1 is already in use: stop the other process, or set PORT to a free port.`,
    );
  });

  it("ends with one line on a malformed DATABASE_URL, an unreachable server and an unwritable data folder", async () => {
    const bad = await runCli(["serve"], { DATABASE_URL: "postgres//nope" });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^plenary: DATABASE_URL is not a URL/);

    const unreachable = await runCli(["serve"], { DATABASE_URL: "postgres://plenary@127.0.0.1:1/plenary" });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim()).toMatch(
      /^plenary: Cannot reach PostgreSQL at 127\.0\.0\.1:1\/plenary \(ECONNREFUSED\)/,
    );
    expect(unreachable.stderr.trim().split("\n")).toHaveLength(1);

    const file = path.join(tmp(), "file");
    fs.writeFileSync(file, "");
    const unwritable = await runCli(["serve"], { PLENARY_DATA: path.join(file, "data") });
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr.trim()).toMatch(/^plenary: Data folder .* is not writable/);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("on a PostgreSQL server", () => {
  it("applies the migrations, loads the directory but no demo users, and starts", async () => {
    const { freshCliEnv } = await import("./support/context.js");
    const made = await freshCliEnv(tmp());
    try {
      const served = await startServe({ ...made.env, PORT: String(await freePort()) });
      try {
        expect(served.output()).toContain("Database: PostgreSQL at 127.0.0.1");
        expect(served.output()).not.toContain("Loaded the reference scenario");
        expect(served.output()).not.toContain("Demo sign-ins");
        expect(served.output()).toContain("real time");
        const gov = await fetch(`${served.url}/healthz`);
        expect((await gov.json()).database).toBe("postgres");
      } finally {
        served.child.kill("SIGTERM");
        expect(await exited(served.child)).toBe(0);
      }
      const users = await runCli(["user", "list", "--json"], made.env);
      expect(JSON.parse(users.stdout)).toEqual([]);
    } finally {
      await made.cleanup();
    }
  });
});
