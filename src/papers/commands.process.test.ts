import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshCliEnv } from "../../test/support/context.js";
import { runCli } from "../../test/support/spawn.js";

let env: Record<string, string>;
let cleanup: () => Promise<void>;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-papers-cli-"));
  const made = await freshCliEnv(path.join(dir, "data"));
  env = { ...made.env, PLENARY_NOW: "2008-07-02T12:02Z" };
  cleanup = made.cleanup;
  expect((await runCli(["seed"], env)).code).toBe(0);
});
afterAll(() => cleanup());

describe("plenary papers", () => {
  it("lists the register as a user sees it", async () => {
    const gb = await runCli(["papers", "list", "--as", "gb.delegate"], env);
    expect(gb.code).toBe(0);
    expect(gb.stdout).toMatch(
      /POC DOC 66\s+RC\s+circulated\s+Draft agenda\s+Draft agenda of the Canberra Information Exchange/,
    );
    const kz = await runCli(["papers", "list", "--as", "kz.candidate", "--json"], env);
    expect(JSON.parse(kz.stdout)).toEqual([]);
    const nobody = await runCli(["papers", "list", "--as", "nobody"], env);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain("No such active user");
  });

  it("exports a paper as a Word document, redacted for the user", async () => {
    const out = path.join(dir, "66.docx");
    const r = await runCli(["papers", "export", "66", "--as", "de.delegate", "--out", out], env);
    expect(r.stdout).toContain(`Wrote ${out} (POC DOC 66, RC).`);
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toContain("POC DOC 66");
    expect(text).toContain("[withheld: (RC)]");
    expect(text).not.toContain("Lessons learned");
    const hidden = await runCli(["papers", "export", "66", "--as", "kz.candidate", "--out", out], env);
    expect(hidden.stderr).toContain("No such paper, or you may not see it.");
    const bad = await runCli(["papers", "export", "x", "--as", "gb.delegate"], env);
    expect(bad.stderr).toContain("paper: the paper's POC DOC number, e.g. 39, or draft-<id> for a draft");
  });
});
