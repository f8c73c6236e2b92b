import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { rowsOf } from "../core/db/index.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

type Result = {
  total: number;
  facets: {
    paper: number;
    telegram: number;
    annex: number;
    outreach: number;
    candidacy: number;
    decision: number;
  };
  hits: { ref: string; href: string }[];
};
const find = async (user: string, query: string): Promise<Result> =>
  (await (await t.as(user)).get(`/search?${query}`)).json();

const paper = (title: string, summary: string, extra: Record<string, unknown> = {}) => ({
  kind: "ie_paper",
  title: { text: title, marking: "RR" },
  summary: { text: summary, marking: "RR" },
  countryOfOrigin: "United Kingdom",
  ...extra,
});

const copies = async (id: number) =>
  rowsOf<{ paper_space: string; paper_government: string; paper_status: string; circulated: boolean }>(
    t.deps.db,
    sql`select distinct pp.paper_space, pp.paper_government, pp.paper_status, pp.paper_circulated_at is not null as circulated
        from paper_portions pp join papers p on p.id = pp.paper_id where p.id = ${id}`,
  );

describe("search over papers", () => {
  it("finds a paper only as far as its stage lets each reader see it", async () => {
    const gb = await t.as("gb.delegate");
    const draft = await (
      await gb.post("/papers", paper("Quillwort propellant survey", "Quillwort findings.", { submit: false }))
    ).json();
    const id = Number(draft.ref.slice("draft-".length));
    expect(draft.number).toBeNull();
    expect((await find("gb.delegate", "q=quillwort")).hits.map((h) => [h.ref, h.href])).toEqual([
      ["Draft (no number yet)", `/papers/${draft.ref}`],
    ]);
    for (const other of ["de.delegate", "fr.poc", "kz.candidate", "us.director"])
      expect(await find(other, "q=quillwort")).toEqual({
        total: 0,
        facets: {
          paper: 0,
          telegram: 0,
          annex: 0,
          outreach: 0,
          candidacy: 0,
          decision: 0,
          guidance: 0,
          report: 0,
        },
        years: [],
        meetings: [],
        originators: [],
        markings: [],
        ranked: 0,
        hits: [],
      });

    const n = (await (await gb.patch(`/papers/${draft.ref}`, { status: "submitted" })).json())
      .number as number;
    const label = `POC DOC ${n}`;
    expect((await find("fr.poc", "q=quillwort")).total).toBe(1);
    expect((await find("de.delegate", "q=quillwort")).total).toBe(0);

    await (await t.as("fr.poc")).post(`/papers/${n}/circulate`);
    expect((await find("de.delegate", "q=quillwort")).hits.map((h) => h.ref)).toEqual([label]);
    expect((await find("kz.candidate", "q=quillwort")).total).toBe(0);
    expect(await copies(id)).toEqual([
      { paper_space: "regime", paper_government: "GB", paper_status: "circulated", circulated: true },
    ]);
  });

  it("keeps each portion's copy of its paper's access columns equal to the paper's, whatever is written", async () => {
    const gb = await t.as("gb.delegate");
    const draft = await (
      await gb.post("/papers", paper("Bladderwrack guidance note", "Bladderwrack only.", { submit: false }))
    ).json();
    const id = Number(draft.ref.slice("draft-".length));
    await t.deps.db.execute(
      sql`update paper_portions set paper_government = 'DE', paper_status = 'circulated', paper_circulated_at = now()
          where paper_id = ${id}`,
    );
    expect(await copies(id)).toEqual([
      { paper_space: "regime", paper_government: "GB", paper_status: "draft", circulated: false },
    ]);
    expect((await find("de.delegate", "q=bladderwrack")).total).toBe(0);
    await t.deps.db.execute(
      sql`insert into paper_portions (paper_id, space, part, ordinal, body, rank, search, paper_government, paper_status)
          select id, 'regime', 'section', 99, 'Bladderwrack appendix', 0, to_tsvector('english', 'Bladderwrack appendix'), 'DE', 'circulated'
          from papers where id = ${id}`,
    );
    expect(await copies(id)).toEqual([
      { paper_space: "regime", paper_government: "GB", paper_status: "draft", circulated: false },
    ]);
    expect((await find("de.delegate", "q=bladderwrack")).total).toBe(0);
  });

  it("narrows by kind, originator, date and marking, and counts what it finds", async () => {
    const gb = await t.as("gb.delegate");
    const created = await (await gb.post("/papers", paper("Samphire export trends", "Samphire."))).json();
    const n = created.number as number;
    await (await t.as("fr.poc")).post(`/papers/${n}/circulate`);
    const total = async (q: string) => (await find("de.delegate", `q=samphire${q}`)).total;
    expect(await total("")).toBe(1);
    expect(await total("&kind=ie_paper")).toBe(1);
    expect(await total("&kind=proposal")).toBe(0);
    expect(await total("&originator=gb")).toBe(1);
    expect(await total("&originator=US")).toBe(0);
    const today = t.clock.now().toISOString().slice(0, 10);
    expect(await total(`&from=${today}&to=${today}`)).toBe(1);
    expect(await total("&to=2000-01-01")).toBe(0);
    expect(await total("&marking=RR")).toBe(1);
    expect(await total("&marking=PUBLIC")).toBe(0);
    expect(await total("&type=telegram")).toBe(0);
    const past = await find("de.delegate", "q=samphire&offset=5");
    expect(past).toEqual({
      total: 1,
      facets: {
        paper: 1,
        telegram: 0,
        annex: 0,
        outreach: 0,
        candidacy: 0,
        decision: 0,
        guidance: 0,
        report: 0,
      },
      years: [{ year: 2008, count: 1 }],
      meetings: [],
      originators: [{ value: "GB", count: 1 }],
      markings: [{ value: "RR", count: 1 }],
      ranked: 1,
      hits: [],
    });
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("portions written while their paper changes", () => {
  it("take the paper's values once its change commits", async () => {
    const gb = await t.as("gb.delegate");
    const created = await (await gb.post("/papers", paper("Glasswort annex", "Glasswort."))).json();
    const n = created.number as number;
    const id =
      (await rowsOf<{ id: number }>(t.deps.db, sql`select id from papers where number = ${n}`))[0]?.id ?? 0;
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let updated!: () => void;
    const locked = new Promise<void>((r) => {
      updated = r;
    });
    // One transaction circulates the paper and holds its commit; another adds a portion meanwhile.
    const circulation = t.deps.db.transaction(async (tx) => {
      await tx.execute(
        sql`update papers set status = 'circulated', circulated_at = now() where number = ${n}`,
      );
      updated();
      await held;
    });
    await locked;
    // (A query runs when it is awaited or `then`-ed: start it now, before the commit.)
    const insert = t.deps.db
      .execute(
        sql`insert into paper_portions (paper_id, space, part, ordinal, body, rank, search)
          select id, 'regime', 'section', 98, 'Glasswort appendix', 0, to_tsvector('english', 'Glasswort appendix')
          from papers where id = ${id}`,
      )
      .then(() => "inserted");
    // The portion waits for the paper's change to commit rather than copy what it replaces.
    const early = await Promise.race([insert, new Promise((r) => setTimeout(() => r("waiting"), 200))]);
    expect(early).toBe("waiting");
    release();
    await circulation;
    await insert;
    expect(await copies(id)).toEqual([
      { paper_space: "regime", paper_government: "GB", paper_status: "circulated", circulated: true },
    ]);
  });
});
