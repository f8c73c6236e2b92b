import { Command } from "commander";
import { afterEach, describe, expect, it } from "vitest";
import { registerTelegramCommands, type TelegramIO } from "./commands.js";
import { fixture, seedBytes } from "./testing/fixtures.js";

interface Run {
  out: string;
  err: string;
  exitCode: number | undefined;
  files: Map<string, string>;
}

const FILES: Record<string, () => Uint8Array> = {
  "seed.txt": seedBytes,
  "bogota.txt": () => fixture("cables/02BOGOTA1025.txt"),
  "athens.pdf": () => fixture("pdf/00ATHENS1937.pdf"),
};

async function run(args: string[], extra: Record<string, string> = {}): Promise<Run> {
  const r: Run = { out: "", err: "", exitCode: undefined, files: new Map() };
  const io: TelegramIO = {
    out: (t) => {
      r.out += t;
    },
    err: (t) => {
      r.err += t;
    },
    readFile: async (p) => {
      if (extra[p] !== undefined) return new TextEncoder().encode(extra[p]);
      const f = FILES[p];
      if (!f) throw new Error("ENOENT: no such file or directory");
      return f();
    },
    readStdin: async () => seedBytes(),
    writeFile: async (p, t) => {
      r.files.set(p, t);
    },
    mkdir: async () => {},
  };
  const program = new Command("plenary").exitOverride().configureOutput({
    writeOut: (t) => {
      r.out += t;
    },
    writeErr: (t) => {
      r.err += t;
    },
  });
  registerTelegramCommands(program.command("telegram"), io);
  process.exitCode = undefined;
  try {
    await program.parseAsync(["telegram", ...args], { from: "user" });
  } catch {
    // exitOverride turns commander's exits into exceptions; the message is already in err
  }
  r.exitCode = process.exitCode as number | undefined;
  return r;
}

afterEach(() => {
  process.exitCode = undefined;
});

describe("plenary telegram", () => {
  it("read prints a summary", async () => {
    const r = await run(["read", "seed.txt"]);
    expect(r.out).toContain(
      "seed.txt: plain | 08STATE70895 | CONFIDENTIAL | 2008-07-02T12:02:00Z | 4 paragraphs",
    );
    expect(r.exitCode).toBeUndefined();
  });

  it("read --json prints model, diagnostics and repairs; - reads standard input", async () => {
    const r = await run(["read", "-", "--json"]);
    const json = JSON.parse(r.out);
    expect(json.model.reference.id).toBe("08STATE70895");
    expect(json.repairs.length).toBeGreaterThan(10);
    expect(json.format).toBe("plain");
  });

  it("read names an unreadable file and the reason", async () => {
    const r = await run(["read", "missing.txt"]);
    expect(r.err).toBe('telegram: cannot read "missing.txt": ENOENT: no such file or directory\n');
    expect(r.exitCode).toBe(1);
  });

  it("check prints file:line:col severity code message and exits 1 on errors", async () => {
    const ok = await run(["check", "seed.txt"]);
    expect(ok.out).toMatch(/^seed\.txt:85:1 warning telegram\.subparagraph_heading_missing /m);
    expect(ok.exitCode).toBeUndefined();
    const bad = await run(["check", "bad.txt"], {
      "bad.txt": "P R 021202Z JUL 08\nFM X\nTO Y\n\nSECRET STATE 1\n\n1. (S) text.\n",
    });
    expect(bad.out).toMatch(/^bad\.txt:1:1 error check\.declassification_missing /m);
    expect(bad.exitCode).toBe(1);
  });

  it("render prints the canonical text of a model JSON", async () => {
    const json = (await run(["read", "seed.txt", "--json"])).out;
    const r = await run(["render", "model.json"], { "model.json": json });
    expect(r.out).toBe(new TextDecoder().decode(fixture("STATE-08-070895.golden.txt")));
    const bad = await run(["render", "x.json"], { "x.json": "{" });
    expect(bad.err).toMatch(/^telegram render: "x\.json" is not a telegram model/);
    expect(bad.exitCode).toBe(1);
  });

  it("redact withholds what the clearance does not reach", async () => {
    const r = await run(["redact", "seed.txt", "--clearance", "U"]);
    expect(r.out).toContain("2. (C) [WITHHELD: (C)]");
    const bad = await run(["redact", "seed.txt", "--clearance", "Q"]);
    expect(bad.err).toContain("--clearance");
    expect(bad.err).toContain("U, SBU, C, S, TS");
  });

  it("synth prints telegrams separated by form feeds, or writes files", async () => {
    const r = await run(["synth", "--count", "3", "--seed", "9"]);
    expect(r.out.split("\f\n")).toHaveLength(3);
    const w = await run(["synth", "--count", "2", "--out", "dir"]);
    expect([...w.files.keys()]).toEqual(["dir/synth-00001.txt", "dir/synth-00002.txt"]);
    const bad = await run(["synth", "--count", "0"]);
    expect(bad.err).toContain("--count must be a positive integer");
  });
});

describe("plenary telegram read and check on a telegram printed to PDF", () => {
  it("reads the printout's text", async () => {
    const r = await run(["read", "--json", "athens.pdf"]);
    expect(r.exitCode).toBeUndefined();
    const json = JSON.parse(r.out);
    expect(json.model.subject.text).toBe("PRESS SUPPLEMENT ON THE 25-YEAR HISTORY OF 17 NOVEMBER");
    expect(json.model.heading.from).toBe("AMEMBASSY ATHENS");
  });
  it("says which PDF it cannot read and why, with exit code 1", async () => {
    const r = await run(["check", "broken.pdf"], { "broken.pdf": "%PDF-1.4 and nothing else" });
    expect(r.err).toMatch(/^telegram: cannot read the PDF "broken.pdf": /);
    expect(r.exitCode).toBe(1);
  });
});
