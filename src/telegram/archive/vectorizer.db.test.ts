import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../../test/support/context.js";
import { SYSTEM_ACTOR } from "../../core/audit/append.js";
import { rowsOf } from "../../core/db/index.js";
import { importTelegrams } from "./import.js";
import { startVectorizer } from "./vectorizer.js";

let t: TestContext;
let cache: string;
beforeAll(async () => {
  t = await testContext();
  cache = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-vectorizer-test-"));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(cache, { recursive: true, force: true });
});

const BODIES = [
  "The Partners agreed by consensus to the interdictions paper (POC DOC 89).",
  "Running, runs and ran: the stemmer's business; e-mail poc@example.org and www.mtcr.info.",
  "",
  "Ürümqi, Kazakhstan's candidacy — 2008-07-08 at 10:00.",
];

// Cases that make a cluster (initdb in WebAssembly) take seconds alone, much longer on a busy machine.
describe("the search vectorizer", { timeout: 120_000 }, () => {
  it("computes the same vectors as the database, from an empty cluster made once and kept", async () => {
    const v = await startVectorizer({ cacheDir: cache });
    let vectors: string[];
    try {
      expect(v.startedFrom).toBe("template");
      vectors = await v.vectors(BODIES);
    } finally {
      await v.close();
    }
    const expected = await rowsOf<{ v: string }>(
      t.deps.db,
      sql`select to_tsvector('english', b)::text as v from jsonb_array_elements_text(${JSON.stringify(BODIES)}::jsonb) with ordinality as u(b, i) order by i`,
    );
    expect(vectors).toEqual(expected.map((r) => r.v));
    const [tarball] = fs.readdirSync(cache);
    expect(tarball).toMatch(/^empty-cluster-pglite-[\d.]+\.tar\.gz$/);
    const made = fs.statSync(path.join(cache, tarball ?? "")).mtimeMs;

    const again = await startVectorizer({ cacheDir: cache });
    try {
      expect(again.startedFrom).toBe("template");
      expect(await again.vectors(BODIES.slice(0, 1))).toEqual([expected[0]?.v]);
    } finally {
      await again.close();
    }
    expect(fs.statSync(path.join(cache, tarball ?? "")).mtimeMs).toBe(made);
  });

  it("creates its cluster itself when the kept one is damaged, and forgets the damaged one", async () => {
    const damaged = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-vectorizer-damaged-"));
    try {
      const first = await startVectorizer({ cacheDir: damaged });
      await first.close();
      const [tarball] = fs.readdirSync(damaged);
      fs.writeFileSync(path.join(damaged, tarball ?? ""), "not a tarball");
      const v = await startVectorizer({ cacheDir: damaged });
      try {
        expect(v.startedFrom).toBe("initdb");
        expect(await v.vectors(["consensus reached"])).toEqual(["'consensus':1 'reach':2"]);
      } finally {
        await v.close();
      }
      expect(fs.readdirSync(damaged)).toEqual([]);
      const again = await startVectorizer({ cacheDir: damaged });
      await again.close();
      expect(again.startedFrom).toBe("template");
    } finally {
      fs.rmSync(damaged, { recursive: true, force: true });
    }
  });

  it("gives an import the vectors its search uses", async () => {
    const text = [
      "O 091200Z JUL 08",
      "FM SECSTATE WASHDC",
      "TO AMEMBASSY CANBERRA IMMEDIATE",
      "",
      "UNCLAS STATE 071234",
      "",
      "E.O. 12958: N/A",
      "TAGS: MTCRE PARM",
      "SUBJECT: MTCR: QUARTERLY VECTORIZER CHECK",
      "",
      "1. Delegations discussed hypersonic gliders at length.",
      "",
      "RICE",
    ].join("\n");
    const summary = await importTelegrams(
      t.deps.db,
      [{ name: "vector-check.txt", bytes: Buffer.from(text) }],
      { space: "US", actor: SYSTEM_ACTOR, clock: t.clock, vectorize: true, cacheDir: cache },
    );
    expect(summary.imported).toBe(1);
    const rows = await rowsOf<{ same: boolean }>(
      t.deps.db,
      sql`select tt.search = to_tsvector('english', tt.body) as same from telegram_texts tt
          join telegrams tg on tg.id = tt.telegram_id where tg.message_ref = '08STATE71234'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.same)).toBe(true);
    const desk = await t.as("us.desk");
    expect((await (await desk.get("/telegrams?q=gliders")).json()).total).toBe(1);
  });
});
