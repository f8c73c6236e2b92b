import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makeUser } from "../../test/support/factories/index.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

interface Result {
  total: number;
  facets: Record<string, number>;
  hits: {
    type: string;
    ref: string;
    href: string;
    title: string | null;
    titleWithheld: boolean;
    marking: string;
    snippet: string | null;
  }[];
}
const find = async (user: string, q: string, type: string): Promise<Result> => {
  const res = await (await t.as(user)).get(
    `/search?q=${encodeURIComponent(q)}${type ? `&type=${type}` : ""}`,
  );
  expect(res.status).toBe(200);
  return res.json();
};

describe("the one search over guidance and reports", () => {
  it("finds the released STATE 070895 for its government's people, and nothing of it for others", async () => {
    const desk = await find("us.desk", "Buenos Aires enactment", "guidance");
    expect(desk.hits[0]).toMatchObject({
      type: "guidance",
      ref: "STATE 070895",
      title: "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): GUIDANCE FOR THE JULY 8, 2008 POC MEETING",
      marking: "C",
    });
    expect(desk.hits[0]?.href).toMatch(/^\/guidance\/[0-9]+$/);
    expect(desk.hits[0]?.snippet).toContain("«Buenos»");
    for (const other of ["gb.delegate", "fr.poc", "au.chair", "kz.candidate"]) {
      const r = await find(other, "Buenos Aires enactment", "guidance");
      expect(r).toMatchObject({ total: 0, hits: [] });
      expect(r.facets.guidance ?? 0).toBe(0);
    }
  });

  it("finds a draft at the capital only, not at the post", async () => {
    const desk = await find("us.desk", "Canberra candidacies", "guidance");
    const draft = desk.hits.find((h) => h.ref.startsWith("Guidance "));
    expect(draft?.title).toContain("GUIDANCE FOR THE 2008 CANBERRA PLENARY");
    const post = await find("us.delegate", "Canberra candidacies", "guidance");
    expect(post.hits.map((h) => h.ref)).toEqual(["STATE 070895"]);
    expect(post.total).toBe(1);
  });

  it("neither matches nor shows a portion or a subject above the reader's national clearance", async () => {
    const sbu = await makeUser(t, { government: "US", roles: ["desk_officer"], nationalClearance: "SBU" });
    expect((await find(sbu, "Buenos Aires enactment", "guidance")).total).toBe(0);
    const seen = await find(sbu, "Reiterate support Australia hosting", "guidance");
    const released = seen.hits.find((h) => h.ref === "STATE 070895");
    expect(released).toMatchObject({ title: null, titleWithheld: true });
    expect(JSON.stringify(seen)).not.toMatch(/MISSILE TECHNOLOGY|Buenos/i);
    expect(released?.snippet).toContain("«Australia»");
  });

  it("finds a representative's report by what was said, as far as the reader may read it", async () => {
    const delegate = await t.as("us.delegate");
    const list = (await (await delegate.get("/guidance")).json()).guidance;
    const seed = list.find((g: { reference: string }) => g.reference === "STATE 070895");
    const filed = await delegate.post("/reports", {
      guidanceId: seed.id,
      summary: { text: "The heliotrope session ran late.", marking: "C" },
      items: [
        {
          index: 5,
          said: { text: "The Chair praised the zinnia seminar.", marking: "SBU" },
          outcome: { text: "Partners took note.", marking: "U" },
        },
      ],
      requests: [],
    });
    expect(filed.status).toBe(201);
    const desk = await find("us.desk", "heliotrope", "report");
    expect(desk.hits).toHaveLength(1);
    expect(desk.hits[0]).toMatchObject({ type: "report", marking: "C" });
    expect(desk.hits[0]?.title).toContain("Report on MISSILE TECHNOLOGY CONTROL REGIME");
    expect(desk.hits[0]?.href).toMatch(/^\/reports\/[0-9]+$/);
    const sbu = await makeUser(t, { government: "US", roles: ["desk_officer"], nationalClearance: "SBU" });
    expect((await find(sbu, "heliotrope", "report")).total).toBe(0);
    const seen = await find(sbu, "zinnia", "report");
    expect(seen.hits[0]).toMatchObject({ title: null, titleWithheld: true });
    expect(JSON.stringify(seen)).not.toMatch(/heliotrope|MISSILE/i);
    expect((await find("gb.delegate", "zinnia", "report")).total).toBe(0);
    expect((await find("fr.poc", "zinnia", "")).hits.some((h) => h.type === "report")).toBe(false);
  });
});
