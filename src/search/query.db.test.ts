import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makePaper } from "../../test/support/factories/index.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

interface Result {
  total: number;
  facets: Record<string, number>;
  years: { year: number; count: number }[];
  hits: { type: string; ref: string; title: string | null; snippet: string | null }[];
}
const find = async (user: string, q: string, extra = ""): Promise<Result> => {
  const res = await (await t.as(user)).get(`/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};

describe("what a search's words can say", () => {
  it("finds words by a prefix, and highlights the words it began", async () => {
    await makePaper(t, {
      government: "GB",
      status: "circulated",
      title: "Enactment of the hyacinthine controls",
    });
    const r = await find("gb.delegate", "hyacinth*", "&type=paper");
    expect(r.hits.map((h) => h.title)).toEqual(["Enactment of the hyacinthine controls"]);
    expect(r.hits[0]?.snippet).toContain("«hyacinthine»");
    expect((await find("gb.delegate", "hyacinthine", "&type=paper")).total).toBe(1);
    expect((await find("gb.delegate", "hyacinthx*", "&type=paper")).total).toBe(0);
  });

  it("finds a phrase only as a phrase", async () => {
    await makePaper(t, {
      government: "GB",
      status: "circulated",
      title: "Marigold silence procedure for the TEM",
    });
    await makePaper(t, {
      government: "GB",
      status: "circulated",
      title: "Marigold procedure kept in silence",
    });
    expect((await find("gb.delegate", "marigold silence procedure", "&type=paper")).total).toBe(2);
    const phrase = await find("gb.delegate", 'marigold "silence procedure"', "&type=paper");
    expect(phrase.hits.map((h) => h.title)).toEqual(["Marigold silence procedure for the TEM"]);
  });

  it("narrows telegrams by their TAGS and originator, and leaves out what has no TAGS", async () => {
    const tagged = await find("us.desk", "Canberra tags:MTCRE");
    expect(tagged.hits.map((h) => h.ref)).toEqual(["08STATE70895"]);
    expect(tagged.facets.paper).toBe(0);
    expect((await find("us.desk", "Canberra tags:MTCRE,PARM from:WASHDC")).total).toBe(1);
    expect((await find("us.desk", "Canberra tags:KNNP")).total).toBe(0);
    expect((await find("us.desk", "Canberra from:PARIS type:telegram")).total).toBe(0);
    expect((await find("us.desk", "Canberra type:telegram year:2008")).total).toBe(1);
    expect((await find("us.desk", "Canberra type:telegram year:2007")).total).toBe(0);
  });

  it("matches the words of a French title", async () => {
    await makePaper(t, {
      government: "FR",
      status: "circulated",
      title: "Réunion des experts techniques sur les contrôles à l'exportation",
    });
    for (const q of ["réunion experts", "contrôles", "exportation", "contrôl*", "experts techniques"]) {
      const r = await find("de.delegate", q, "&type=paper");
      expect(
        r.hits.map((h) => h.title),
        q,
      ).toContain("Réunion des experts techniques sur les contrôles à l'exportation");
    }
  });

  it("says what to fix, beside the field, on the API and the page", async () => {
    const api = await (await t.as("us.desk")).get(`/search?q=${encodeURIComponent("Canberra year:08")}`);
    expect(api.status).toBe(400);
    expect((await api.json()).error.message).toBe(
      'q: year: "08" is not a year; give four digits, e.g. year:2008',
    );
    const bad = await (await t.as("us.desk")).get(`/search?q=${encodeURIComponent("Canberra type:widget")}`);
    expect((await bad.json()).error.message).toMatch(/^q: give one of telegram, paper/);
    const s = await t.session("us.desk");
    const page = await t.request(`/search?q=${encodeURIComponent("tags:MTCRE")}`, {
      headers: { cookie: s.cookie },
    });
    const html = await page.text();
    expect(html).toContain("give words to search for, besides the fields");
    expect(html).toContain('value="tags:MTCRE"');
  });
});

describe("counting by year", () => {
  it("counts the matches by the year of their date, and a year's link narrows to it", async () => {
    await makePaper(t, { government: "US", status: "circulated", title: "Wisteria note of 2008" });
    t.clock.set("2009-03-02T10:00:00Z");
    await makePaper(t, { government: "US", status: "circulated", title: "Wisteria note of 2009" });
    await makePaper(t, { government: "US", status: "circulated", title: "Another wisteria note of 2009" });
    const r = await find("us.desk", "wisteria");
    expect(r.years).toEqual([
      { year: 2009, count: 2 },
      { year: 2008, count: 1 },
    ]);
    const s = await t.session("us.desk");
    const html = await (await t.request("/search?q=wisteria", { headers: { cookie: s.cookie } })).text();
    expect(html).toContain("By year:");
    expect(html).toContain('href="/search?q=wisteria+year%3A2009">2009</a>: 2');
    expect((await find("us.desk", "wisteria year:2008")).hits.map((h) => h.title)).toEqual([
      "Wisteria note of 2008",
    ]);
    const one = await (
      await t.request("/search?q=wisteria+year%3A2008", { headers: { cookie: s.cookie } })
    ).text();
    expect(one).not.toContain("By year:");
  });
});
