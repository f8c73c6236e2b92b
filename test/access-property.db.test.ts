/**
 * The access property: in random worlds of governments, users, papers and telegrams, no reader
 * gets from any output what they may not see. Every output every manifest lists (its authz.ts
 * `outputs`) is read for every reader — JSON, pages, search, Word, calendars, CSV and XLSX, the
 * audit log — and checked against a model of who may see what kept apart from the access module.
 * PROPERTY_RUNS raises the number of worlds; PROPERTY_SEED replays another sequence.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../src/app.js";
import { CAPABILITIES } from "../src/capabilities.js";
import { authzCases } from "./authz/index.js";
import { testContext } from "./support/context.js";
import { buildWorld } from "./support/world/build.js";
import { checkWorld, type Stats } from "./support/world/check.js";
import { worldArbitrary } from "./support/world/model.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 8);
const SEED = Number(process.env.PROPERTY_SEED ?? 20080702);
const { outputs: OUTPUTS } = await authzCases();

describe("the access property", () => {
  it("reads every API GET operation and every page", () => {
    const doc = openApiDocument();
    const operations = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
      Object.keys(item as object)
        .filter((m) => m === "get")
        .map(() => `GET ${p}`),
    );
    const pages = CAPABILITIES.flatMap((c) => (c.pages?.().routes ?? []).filter((r) => r.method === "GET"));
    const read = new Set(OUTPUTS.map((o) => o.route));
    expect([...operations, ...pages.map((r) => r.path)].filter((r) => !read.has(r))).toEqual([]);
    expect(OUTPUTS.filter((o) => !o.path.startsWith("/"))).toEqual([]);
  });

  it(
    "no reader gets a withheld portion, a record outside their spaces, or a count of them",
    async () => {
      const stats: Stats = { worlds: 0, readers: 0, outputs: 0, portions: 0, canaries: 0, withheld: 0 };
      await fc.assert(
        fc.asyncProperty(worldArbitrary, async (spec) => {
          const t = await testContext();
          try {
            const world = await buildWorld(t, spec);
            const problems = await checkWorld(t, world, OUTPUTS, spec.searches, stats);
            if (problems.length > 0)
              throw new Error(`${problems.length} problems, the first:\n${problems.slice(0, 12).join("\n")}`);
          } finally {
            await t.close();
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      console.info(
        `access property: ${stats.worlds} worlds, ${stats.readers} readers, ${stats.outputs} outputs read, ` +
          `${stats.portions} canaries, ${stats.canaries} checks of a canary against an output (${stats.withheld} withheld)`,
      );
      // The worlds held portions the readers could see and portions they could not.
      expect(stats.withheld).toBeGreaterThan(0);
      expect(stats.canaries).toBeGreaterThan(stats.withheld);
    },
    15 * 60_000,
  );
});
