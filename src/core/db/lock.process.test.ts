import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors.js";
import { ensureWritableFolder, lockFolder } from "./lock.js";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "plenary-lock-"));

describe("data folder lock", () => {
  it("is exclusive while held and free once released", () => {
    const dir = tmp();
    const lock = lockFolder(dir);
    // Pretend another live process holds it: our parent process.
    fs.writeFileSync(lock.path, JSON.stringify({ pid: process.ppid, host: os.hostname(), since: "then" }));
    expect(() => lockFolder(dir)).toThrow(ConfigError);
    expect(() => lockFolder(dir)).toThrow(new RegExp(`${dir}.*in use by process ${process.ppid}`));
    fs.writeFileSync(lock.path, JSON.stringify({ pid: process.pid, host: os.hostname(), since: "now" }));
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
    lockFolder(dir).release();
  });

  it("takes over a lock whose holder has ended", async () => {
    const dir = tmp();
    const child = spawn(process.execPath, ["-e", ""]);
    const pid = child.pid ?? 0;
    expect(pid).toBeGreaterThan(0);
    await new Promise((r) => child.on("exit", r));
    fs.writeFileSync(
      path.join(dir, "plenary.lock"),
      JSON.stringify({ pid, host: os.hostname(), since: "before" }),
    );
    const lock = lockFolder(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("refuses a folder that cannot be written, saying how to fix it", () => {
    const file = path.join(tmp(), "a-file");
    fs.writeFileSync(file, "");
    expect(() => ensureWritableFolder(path.join(file, "data"))).toThrow(/is not writable .*set PLENARY_DATA/);
  });
});
