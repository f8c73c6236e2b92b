import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

interface ErrorJson {
  error: { code: string; details: { fields?: { field: string; message: string }[] } | null };
}
const fields = async (res: Response) =>
  ((await res.json()) as ErrorJson).error.details?.fields?.map((f) => f.field) ?? [];

describe("candidacies", () => {
  it("hold Kazakhstan's history: deferred at Athens, to be examined at Canberra", async () => {
    const list = await (await (await t.as("gb.delegate")).get("/candidacies")).json();
    const kz = list.candidacies.find((c: { government: { code: string } }) => c.government.code === "KZ");
    expect(kz.state).toBe("pending");
    expect(
      kz.history.map((e: { label: string; meeting: { title: string } | null }) => [
        e.label,
        e.meeting?.title,
      ]),
    ).toEqual([
      ["Applied", undefined],
      ["Deferred", "2007 Athens Plenary"],
      ["To be examined", "2008 Canberra Plenary"],
    ]);
    expect(kz.myView).toBeNull();
    expect((await (await t.as("kz.candidate")).get(`/candidacies/${kz.id}`)).status).toBe(404);
  });

  it("keep the US view in the US space: the US sees it, the UK, the Point of Contact and the Chair do not", async () => {
    const us = await (await (await t.as("us.delegate")).get("/candidacies/1")).json();
    expect(us.myView).toMatchObject({ positionLabel: "Undecided", marking: "C" });
    expect(us.myView.reasoning).toContain("have not changed since the 2007 Athens Plenary");
    for (const user of ["gb.delegate", "fr.poc", "au.chair"]) {
      const other = await (await (await t.as(user)).get("/candidacies/1")).json();
      expect(JSON.stringify(other)).not.toContain("Athens Plenary.");
      expect(other.myView).toBeNull();
    }
  });

  it("refuse a step before the application, at a meeting that is not a Plenary, and a view above the writer", async () => {
    const poc = await t.as("fr.poc");
    const early = await poc.post("/candidacies/1/history", { kind: "withdrawn", on: "2001-01-01" });
    expect(early.status).toBe(400);
    expect(await fields(early)).toEqual(["on"]);
    const notPlenary = await poc.post("/candidacies/1/history", {
      kind: "examined",
      on: "2008-07-08",
      meetingId: 4,
      source: "POC meeting",
    });
    expect(await fields(notPlenary)).toEqual(["meetingId"]);
    const above = await (await t.as("us.delegate")).post("/candidacies/1/view", {
      position: "support",
      reasoning: "x",
      marking: "S",
    });
    expect(above.status).toBe(400);
    expect(JSON.stringify(await above.json())).toContain("above your clearance C");
  });

  it("admit by consensus: from that day the government is a Partner, in the directory and in consensus", async () => {
    const poc = await t.as("fr.poc");
    const created = await poc.post("/candidacies", { governmentCode: "PK", appliedOn: "2008-01-15" });
    expect(created.status).toBe(201);
    const c = await created.json();
    const noRecord = await poc.post(`/candidacies/${c.id}/history`, {
      kind: "admitted",
      on: "2008-11-07",
      meetingId: 5,
    });
    expect(await fields(noRecord)).toEqual(["source"]);
    const notAdopted = await poc.post(`/candidacies/${c.id}/history`, {
      kind: "admitted",
      on: "2008-11-07",
      meetingId: 5,
      proposalId: 3,
    });
    expect(await fields(notAdopted)).toEqual(["proposalId"]);
    const admitted = await poc.post(`/candidacies/${c.id}/history`, {
      kind: "admitted",
      on: "2008-11-07",
      meetingId: 5,
      source: "Canberra Plenary, by consensus",
    });
    expect(admitted.status).toBe(200);
    expect(await admitted.json()).toMatchObject({ state: "admitted", admittedOn: "2008-11-07" });
    const gov = await (await (await t.as("us.desk")).get("/governments/PK")).json();
    expect(gov).toMatchObject({ status: "partner", admittedOn: "2008-11-07", standing: "non_partner" });
    const again = await poc.post(`/candidacies/${c.id}/history`, {
      kind: "examined",
      on: "2008-11-08",
      meetingId: 5,
    });
    expect(again.status).toBe(400);
    const twice = await poc.post("/candidacies", { governmentCode: "PK", appliedOn: "2008-01-15" });
    expect(twice.status).toBe(409);
  });
});

describe("the one search", () => {
  it("finds a candidacy by its government and its history, for Partners only, and never a national view", async () => {
    const hits = async (user: string, q: string) => {
      const res = await (await t.as(user)).get(`/search?q=${encodeURIComponent(q)}&type=candidacy`);
      return ((await res.json()) as { hits: { type: string; href: string }[] }).hits ?? [];
    };
    expect((await hits("gb.delegate", "Kazakhstan")).map((h) => h.href)).toContain("/candidacies/1");
    expect((await hits("gb.delegate", "Canberra candidacies")).map((h) => h.href)).toContain(
      "/candidacies/1",
    );
    // The US view's words are not the regime's record.
    expect(await hits("us.desk", "Washington")).toEqual([]);
    expect(await hits("kz.candidate", "Kazakhstan")).toEqual([]);
  });
});
