import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTrials } from "../scripts/crash/trials.js";
import { freshCliEnv } from "./support/context.js";

let env: Record<string, string>;
let cleanup: () => Promise<void>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-crash-test-"));
beforeAll(async () => {
  const made = await freshCliEnv(path.join(dir, "data"));
  env = { ...made.env, PLENARY_NOW: "2008-07-02T12:02Z" };
  cleanup = made.cleanup;
});
afterAll(() => cleanup());

// `npm run test:crash` runs 100 of these on each database; the suite keeps a few.
describe("a writer killed at random moments", () => {
  it("loses no acknowledged paper, leaves none half-written, and keeps the audit chain whole", async () => {
    const lines: string[] = [];
    const r = await runTrials({
      env,
      trials: 3,
      workDir: dir,
      seed: 7,
      startupShare: 0,
      log: (l) => lines.push(l),
    });
    expect(r.failures, lines.join("\n")).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.acknowledged).toBeGreaterThan(0);
    expect(lines.filter((l) => /^trial \d: /.test(l))).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/^Audit log intact: \d+ entries verified\.$/);
    expect(r.auditEntries).toBeGreaterThan(r.acknowledged);
  }, 240_000);
});
