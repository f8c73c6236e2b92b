import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { pageClient } from "../../test/support/pages.js";
import { papers } from "../papers/index.js";
import { SEEDED } from "./authz.js";
import { CAVEAT } from "./rules.js";
import { outreachVisits } from "./schema.js";

let t: TestContext;
let pages: ReturnType<typeof pageClient>;
beforeAll(async () => {
  t = await testContext();
  pages = pageClient(t);
});
afterAll(() => t.close());

const visit = (over: Record<string, unknown> = {}) => ({
  governmentCode: "PK",
  city: "Karachi",
  firstDay: "2008-05-05",
  lastDay: "2008-05-06",
  authorities: ["Strategic Export Control Division"],
  delegation: ["The MTCR Chair"],
  aims: [{ aim: "inform" }, { aim: "learn", text: "To learn how its licensing works." }],
  points: [{ text: "The Guidelines.", marking: "PUBLIC" }],
  ...over,
});

const counts = async () => ({
  visits: (await t.deps.db.select({ n: count() }).from(outreachVisits))[0]?.n,
  papers: (await t.deps.db.select({ n: count() }).from(papers))[0]?.n,
});

describe("outreach visits", () => {
  it("records a visit with its aims worded per visit, the caveat on every answer", async () => {
    const chair = await t.as("au.chair");
    const res = await chair.post("/outreach", visit());
    expect(res.status).toBe(201);
    const v = await res.json();
    expect(v.caveat).toBe(CAVEAT);
    expect(v.aims.map((a: { text: string }) => a.text)).toEqual([
      "To inform the host government about the MTCR, its Guidelines and its Equipment, Software and Technology Annex.",
      "To learn how its licensing works.",
    ]);
    expect(v.held).toBe(true);
    // The caveat is not an input: a request that tries to set it is refused.
    const sneaky = await chair.post("/outreach", { ...visit(), caveat: "" });
    expect(sneaky.status).toBe(400);
  });

  it("refuses a visit to a Partner, days out of order and unmarked points, naming each field, writing nothing", async () => {
    const before = await counts();
    const chair = await t.as("au.chair");
    const partner = await chair.post("/outreach", visit({ governmentCode: "GB", firstDay: "2008-05-07" }));
    expect(partner.status).toBe(400);
    const body = await partner.json();
    expect(body.error.details.fields).toEqual(
      expect.arrayContaining([
        {
          field: "governmentCode",
          message: "United Kingdom is a Partner on 2008-05-07: outreach visits are to non-Partners",
        },
        { field: "lastDay", message: "the last day (2008-05-06) is before the first day (2008-05-07)" },
      ]),
    );
    // India became a Partner in 2016: in 2008 it is a non-Partner; from 2016 a visit to it is refused.
    expect((await chair.post("/outreach", visit({ governmentCode: "IN" }))).status).toBe(201);
    const later = await chair.post(
      "/outreach",
      visit({ governmentCode: "IN", firstDay: "2016-07-01", lastDay: "2016-07-01" }),
    );
    expect(later.status).toBe(400);
    const unmarked = await chair.post("/outreach", visit({ points: [{ text: "No marking." }] }));
    expect(unmarked.status).toBe(400);
    expect(JSON.stringify(await unmarked.json())).toContain("points.0.marking");
    const badMark = await chair.post("/outreach", visit({ points: [{ text: "Secret.", marking: "TS" }] }));
    expect((await badMark.json()).error.details.fields).toEqual([
      { field: "points.0.marking", message: "TS is not a regime marking: use PUBLIC, RR or RC" },
    ]);
    const after = await counts();
    expect(after.papers).toBe(before.papers);
    expect(Number(after.visits)).toBe(Number(before.visits) + 1);
  });

  it("files a held visit's report as a paper with the caveat, and refuses a report before the visit is held", async () => {
    const poc = await t.as("fr.poc");
    const before = await counts();
    const ahead = await poc.post(`/outreach/${SEEDED.islamabad}/report`, {
      paragraphs: [{ text: "Too early.", marking: "RR" }],
    });
    expect(ahead.status).toBe(409);
    expect((await ahead.json()).error.message).toContain(
      "its last day is 2008-09-16, after today (2008-07-02)",
    );
    expect(await counts()).toEqual(before);
    const filed = await poc.post(`/outreach/${SEEDED.beijing}/report`, {
      paragraphs: [{ text: "The host described its catch-all controls.", marking: "RC" }],
    });
    expect(filed.status).toBe(201);
    const v = await filed.json();
    const paper = await (await poc.get(`/papers/${v.reportPaper}`)).json();
    expect(paper.kind).toBe("report");
    expect(paper.status).toBe("circulated");
    expect(paper.summary.text).toContain(CAVEAT);
    expect(paper.sections.at(-1).text).toBe(CAVEAT);
    expect(paper.marking).toBe("RC");
    const again = await poc.post(`/outreach/${SEEDED.beijing}/report`, {
      paragraphs: [{ text: "Twice.", marking: "RR" }],
    });
    expect(again.status).toBe(409);
  });

  it("lists by year for the Partners' people and nothing for the candidate", async () => {
    const gb = await (await t.as("gb.delegate")).get("/outreach?year=2007");
    const list = await gb.json();
    expect(list.caveat).toBe(CAVEAT);
    expect(list.visits.map((v: { city: string }) => v.city)).toEqual(["Astana"]);
    expect((await (await t.as("kz.candidate")).get("/outreach")).status).toBe(404);
    expect((await (await t.as("kz.candidate")).get(`/outreach/${SEEDED.astana}`)).status).toBe(404);
  });

  it("is found by the one search within access", async () => {
    const find = async (user: string, q: string) =>
      (await (await (await t.as(user)).get(`/search?q=${q}&type=outreach`)).json()) as {
        total: number;
        hits: { href: string; snippet: string | null }[];
      };
    const gb = await find("gb.delegate", "Astana");
    expect(gb.hits.map((h) => h.href)).toContain(`/outreach/${SEEDED.astana}`);
    expect((await find("kz.candidate", "Astana")).total).toBe(0);
    // The RR point "transit and trans-shipment" is above the administrator's PUBLIC clearance.
    expect((await find("gb.delegate", "trans-shipment")).total).toBe(1);
    expect((await find("admin", "trans-shipment")).total).toBe(0);
  });
});

describe("the outreach pages", () => {
  it("show the caveat, the map with its text alternative, and the year's report", async () => {
    const { html } = await pages.page("gb.delegate", "/outreach?year=2008");
    expect(html).toContain(CAVEAT);
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<title id="outreach-map-title">');
    expect(html).toMatch(/<circle[^>]*>/);
    expect(html).toContain('id="outreach-map-list"');
    const report = await pages.page("de.delegate", "/outreach/report?year=2008");
    expect(report.html).toContain("Report on contacts with non-Partners, 2008");
    expect(report.html).toContain(CAVEAT);
  });

  it("refuse a visit's form with the problems beside their fields, keeping what was typed", async () => {
    const res = await pages.post("au.chair", "/outreach/new", {
      governmentCode: "DE",
      format: "chair",
      city: "Berlin",
      firstDay: "2008-06-02",
      lastDay: "2008-06-01",
      authorities: "Auswärtiges Amt",
      delegation: "The MTCR Chair",
      aims: "inform",
      points: "(RR) A point.\nAn unmarked point.",
    });
    expect(res.status).toBe(400);
    expect(res.html).toContain("Talking points:");
    expect(res.html).toContain('value="Berlin"');
    const partner = await pages.post("au.chair", "/outreach/new", {
      governmentCode: "DE",
      format: "chair",
      city: "Berlin",
      firstDay: "2008-06-02",
      lastDay: "2008-06-01",
      authorities: "Auswärtiges Amt",
      delegation: "The MTCR Chair",
      aims: "inform",
      points: "(RR) A point.",
    });
    expect(partner.html).toContain("Germany is a Partner on 2008-06-02");
    expect(partner.html).toContain("Last day: the last day (2008-06-01) is before the first day");
  });
});
