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
  hits: { type: string; ref: string; title: string | null; titleWithheld: boolean; snippet: string | null }[];
}
const find = async (user: string, q: string): Promise<Result> => {
  const res = await (await t.as(user)).get(`/search?q=${encodeURIComponent(q)}&type=decision`);
  expect(res.status).toBe(200);
  return res.json();
};

describe("the one search over decisions", () => {
  it("finds the scenario's proposals for a Partner, and none for a candidate", async () => {
    const us = await find("us.delegate", "extend TEM");
    expect(us.hits.map((h) => h.title)).toContain("Extend the Canberra TEM by two days");
    expect(us.hits.every((h) => h.type === "decision")).toBe(true);
    const kz = await find("kz.candidate", "extend TEM");
    expect(kz).toMatchObject({ total: 0, hits: [] });
    expect(kz.facets.decision).toBe(0);
  });

  it("finds a draft only for its government and the Point of Contact", async () => {
    const gb = await t.as("gb.delegate");
    const made = await gb.post("/decisions", {
      title: { text: "Tamarisk gyroscope threshold", marking: "RR" },
      text: [{ text: "Raise the tamarisk threshold.", marking: "RR" }],
    });
    expect(made.status).toBe(201);
    expect((await find("gb.delegate", "tamarisk")).total).toBe(1);
    expect((await find("fr.poc", "tamarisk")).total).toBe(1);
    const us = await find("us.delegate", "tamarisk");
    expect(us).toMatchObject({ total: 0, hits: [] });
  });

  it("neither matches nor shows a portion or a title above the reader's clearance", async () => {
    const poc = await t.as("fr.poc");
    const made = await poc.post("/decisions", {
      title: { text: "Oleander accord", marking: "RC" },
      text: [
        { text: "Oleander partners agree in public.", marking: "RR" },
        { text: "The saxifrage clause stays confidential.", marking: "RC" },
      ],
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: number };
    expect((await poc.post(`/decisions/${id}/circulate`)).status).toBe(200);
    const rr = await makeUser(t, { government: "GB", roles: ["delegate"], regimeClearance: "RR" });
    expect((await find(rr, "saxifrage")).total).toBe(0);
    const seen = await find(rr, "partners agree oleander");
    expect(seen.total).toBe(1);
    expect(seen.hits[0]).toMatchObject({ title: null, titleWithheld: true });
    expect(JSON.stringify(seen)).not.toMatch(/saxifrage|accord/i);
    const cleared = await find("gb.delegate", "saxifrage");
    expect(cleared.hits[0]).toMatchObject({ title: "Oleander accord", titleWithheld: false });
    expect(cleared.hits[0]?.snippet).toContain("«saxifrage»");
  });
});
