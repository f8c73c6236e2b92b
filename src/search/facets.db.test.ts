import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makePaper } from "../../test/support/factories/index.js";
import { defaultSite } from "../app.js";
import { loadReader, userByUsername } from "../directory/repo.js";
import { search } from "./search.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

interface Facet {
  value: string;
  label?: string;
  count: number;
}
interface Result {
  total: number;
  meetings: Facet[];
  originators: Facet[];
  markings: Facet[];
  ranked: number;
  hits: { type: string; id: number; title: string | null }[];
}
const find = async (user: string, query: string): Promise<Result> => {
  const res = await (await t.as(user)).get(`/search?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};
const CANBERRA = "mtcr-2008-canberra-ie@plenary";

describe("facets by meeting, originator and marking", () => {
  it("count only what the reader may see, and each value narrows to as many as it counted", async () => {
    await makePaper(t, {
      government: "GB",
      status: "circulated",
      title: "Bergamot ranges",
      meeting: CANBERRA,
    });
    await makePaper(t, {
      government: "GB",
      status: "circulated",
      title: "Bergamot payloads",
      markings: { title: "RC", summary: "RC" },
    });
    await makePaper(t, {
      government: "DE",
      status: "circulated",
      title: "Bergamot propellants",
      meeting: CANBERRA,
    });
    // A British draft: the British see it, the Germans do not.
    await makePaper(t, { government: "GB", status: "draft", title: "Bergamot draft" });

    const gb = await find("gb.delegate", "q=bergamot");
    expect(gb.total).toBe(4);
    expect(gb.originators).toEqual([
      { value: "GB", count: 3 },
      { value: "DE", count: 1 },
    ]);
    expect(gb.markings).toEqual([
      { value: "RR", count: 3 },
      { value: "RC", count: 1 },
    ]);
    expect(gb.meetings).toHaveLength(1);
    expect(gb.meetings[0]?.count).toBe(2);
    expect(gb.meetings[0]?.label).toMatch(/Canberra|Information Exchange/i);

    // The Germans do not see the draft, nor the paper marked above their regime clearance (RR).
    const de = await find("de.delegate", "q=bergamot");
    expect(de.total).toBe(2);
    expect(de.originators).toEqual([
      { value: "DE", count: 1 },
      { value: "GB", count: 1 },
    ]);
    expect(de.markings).toEqual([{ value: "RR", count: 2 }]);

    for (const [param, facets] of [
      ["originator", gb.originators],
      ["marking", gb.markings],
      ["meeting", gb.meetings],
    ] as const)
      for (const f of facets)
        expect(
          (await find("gb.delegate", `q=bergamot&${param}=${encodeURIComponent(f.value)}`)).total,
          `${param}=${f.value}`,
        ).toBe(f.count);
  });

  it("leave out a reader cleared below a paper's banner where the banner's words are withheld", async () => {
    // An administrator of France is cleared PUBLIC: no RR portion matches for them.
    const admin = await find("admin", "q=bergamot");
    expect(admin.total).toBe(0);
    expect(admin.markings).toEqual([]);
    expect(admin.originators).toEqual([]);
  });

  it("show as links on the page that narrow the search, and not once narrowed", async () => {
    const s = await t.session("gb.delegate");
    const html = await (await t.request("/search?q=bergamot", { headers: { cookie: s.cookie } })).text();
    expect(html).toContain("By originator:");
    expect(html).toContain('href="/search?q=bergamot&amp;originator=DE">DE</a>: 1');
    expect(html).toContain('href="/search?q=bergamot&amp;marking=RC">RC</a>: 1');
    const narrowed = await (
      await t.request("/search?q=bergamot&originator=GB", { headers: { cookie: s.cookie } })
    ).text();
    expect(narrowed).not.toContain("By originator:");
    expect(narrowed).toContain("3 results");
    expect(narrowed).not.toContain("are in order of relevance");
  });
});

describe("ranking a bounded set of candidates", () => {
  const reader = async (username: string) => {
    const u = await userByUsername(t.deps.db, username);
    if (!u) throw new Error(username);
    const r = await loadReader(t.deps.db, u.id, t.clock.now());
    if (!r) throw new Error(username);
    return r;
  };

  it("ranks the newest matches best first, then gives the rest newest first, in one stable order", async () => {
    const titles: string[] = [];
    // Five papers a day apart; the word occurs once in some titles and three times in others.
    for (const [i, n] of [3, 1, 3, 1, 2].entries()) {
      t.clock.set(`2008-08-0${i + 1}T10:00:00Z`);
      const title = `Cardamom ${Array.from({ length: n }, () => "tamarind").join(" ")} ${i}`;
      titles.push(title);
      await makePaper(t, { government: "GB", status: "circulated", title, summary: "Nothing." });
    }
    const gb = await reader("gb.delegate");
    const sources = defaultSite().search;
    const ask = (limit: number, offset: number, ranked?: number) =>
      search(t.deps.db, gb, sources, { q: "tamarind", limit, offset, ...(ranked ? { ranked } : {}) });

    // All ranked: the three-word titles first (newest of them first), then two, then one.
    const all = await ask(10, 0);
    expect(all.ranked).toBe(5);
    expect(all.hits.map((h) => h.title)).toEqual([titles[2], titles[0], titles[4], titles[3], titles[1]]);

    // Three candidates: the three newest (4, 3, 2) best first, then 1 and 0 newest first.
    const bounded = await ask(10, 0, 3);
    expect(bounded.ranked).toBe(3);
    expect(bounded.total).toBe(5);
    expect(bounded.hits.map((h) => h.title)).toEqual([titles[2], titles[4], titles[3], titles[1], titles[0]]);

    // Page by page, across the bound, the same order: nothing twice, nothing missed.
    for (const size of [1, 2, 3]) {
      const paged: (string | null)[] = [];
      for (let offset = 0; offset < 5; offset += size)
        paged.push(...(await ask(size, offset, 3)).hits.map((h) => h.title));
      expect(paged, `pages of ${size}`).toEqual(bounded.hits.map((h) => h.title));
    }
    expect((await ask(10, 5, 3)).hits).toEqual([]);
  });
});
