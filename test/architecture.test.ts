/**
 * The shape of the code, checked: core imports no capability, no module imports itself through
 * others, no source file grows past 400 lines, and every table belongs to a manifest.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getTableName, isTable } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { CAPABILITIES } from "../src/capabilities.js";
import * as auditTables from "../src/core/audit/schema.js";
import * as authTables from "../src/core/auth/schema.js";
import * as demoClockTables from "../src/core/demo-clock/schema.js";
import * as mailTables from "../src/core/mail/schema.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SRC = path.join(ROOT, "src");
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const FILES = sourceFiles(SRC);
const rel = (p: string) => path.relative(SRC, p);

/**
 * The project files a module imports. `types: false` leaves out `import type`, which a running
 * program never follows: a cycle through types alone is a cycle of names, not of modules.
 */
function importsOf(file: string, types = true): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)(\s+type)?\s[^;]*?from\s+"(\.[^"]+)"/g)) {
    if (m[2] && !types) continue;
    const spec = m[3] as string;
    const base = path.resolve(path.dirname(file), spec.replace(/\.js$/, ""));
    const target = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((f) => fs.existsSync(f));
    if (target) out.push(target);
  }
  return out;
}

const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));
const RUNTIME = new Map(FILES.map((f) => [f, importsOf(f, false)]));

function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const g of RUNTIME.get(f) ?? []) {
      if (!RUNTIME.has(g)) continue;
      const s = state.get(g);
      if (s === "open") found.push([...stack.slice(stack.indexOf(g)), g].map(rel));
      else if (s === undefined) visit(g);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of FILES) if (!state.has(f)) visit(f);
  return found;
}

describe("the code's shape", () => {
  it("core imports no capability", () => {
    const offending = FILES.filter((f) => rel(f).startsWith("core/")).flatMap((f) =>
      (GRAPH.get(f) ?? []).filter((g) => !rel(g).startsWith("core/")).map((g) => `${rel(f)} → ${rel(g)}`),
    );
    expect(offending).toEqual([]);
  });

  it("lets capabilities reach each other only through their index.ts", () => {
    const roots = new Set(["core", "cli", "scenario", "app.tsx", "capabilities.ts"]);
    const top = (f: string) => rel(f).split(path.sep)[0] ?? "";
    const offending = FILES.filter((f) => !roots.has(top(f))).flatMap((f) =>
      (GRAPH.get(f) ?? [])
        .filter((g) => !roots.has(top(g)) && top(g) !== top(f) && rel(g) !== path.join(top(g), "index.ts"))
        .map((g) => `${rel(f)} → ${rel(g)}`),
    );
    expect(offending).toEqual([]);
  });

  it("has no import cycles", () => {
    expect(cycles()).toEqual([]);
  });

  it(`keeps every source file within ${MAX_LINES} lines`, () => {
    const long = FILES.map((f) => ({ f: rel(f), n: fs.readFileSync(f, "utf8").split("\n").length }))
      .filter((x) => x.n > MAX_LINES)
      .map((x) => `${x.f} (${x.n})`);
    expect(long).toEqual([]);
  });

  it("gives every table to one capability's manifest, or to core", async () => {
    const core: object[] = [auditTables, authTables, mailTables, demoClockTables];
    const owned = new Map<string, string>();
    for (const [owner, tables] of [
      ...CAPABILITIES.map((c) => [c.name, c.tables ?? {}] as const),
      ...core.map((t) => ["core", t] as const),
    ]) {
      for (const t of Object.values(tables)) {
        if (!isTable(t)) continue;
        const name = getTableName(t);
        expect(owned.get(name), `${name} listed twice`).toBeUndefined();
        owned.set(name, owner);
      }
    }
    const schemas = FILES.filter((f) => path.basename(f) === "schema.ts");
    for (const f of schemas) {
      const mod = (await import(f)) as Record<string, unknown>;
      for (const t of Object.values(mod)) if (isTable(t)) expect(owned.has(getTableName(t))).toBe(true);
    }
  });
});
