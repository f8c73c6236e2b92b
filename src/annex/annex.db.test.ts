import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { auditCount } from "../core/audit/append.js";
import { annexVersions } from "./schema.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

interface Version {
  id: number;
  label: string;
  asOf: string;
  basedOn: { id: number } | null;
  amendmentSet: { title: string } | null;
  entries: number;
}
interface NodeJson {
  number: string;
  kind: string;
  category: string;
  parent: string | null;
  text: string;
}

async function versions(user = "us.delegate"): Promise<Version[]> {
  const res = await (await t.as(user)).get("/annex/versions");
  expect(res.status).toBe(200);
  return (await res.json()).versions;
}

const node = (number: string, text: string) => ({ number, text, notes: [], technicalNotes: [] });

describe("the scenario's Annex", () => {
  it("holds the 2006 version and the version Athens 2007 made from it", async () => {
    const list = await versions();
    expect(list.map((v) => v.label)).toEqual(["Annex 2006", "Annex 2007 (Athens)"]);
    expect(list[1]).toMatchObject({ basedOn: { id: list[0]?.id }, amendmentSet: { title: "Athens 2007" } });
    expect(await versions("kz.candidate")).toEqual([]);
  });

  it("numbers every item, 1–2 in Category I and 3–20 in Category II, as a tree", async () => {
    const [base] = await versions();
    const res = await (await t.as("gb.delegate")).get(`/annex/versions/${base?.id}`);
    const nodes = (await res.json()).nodes as NodeJson[];
    const items = nodes.filter((n) => n.kind === "item");
    expect(items.map((n) => n.number)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(items.filter((n) => n.category === "I").map((n) => n.number)).toEqual(["1", "2"]);
    expect(nodes.find((n) => n.number === "2.A.1.c")).toMatchObject({ kind: "entry", parent: "2.A.1" });
    expect(nodes.find((n) => n.number === "19.A.1")).toMatchObject({ category: "II", parent: "19.A" });
    expect(nodes.find((n) => n.number === "3.B.1")).toBeDefined();
    // In the Annex's order: 2 before 10, a parent before its children.
    const at = (n: string) => nodes.findIndex((x) => x.number === n);
    expect(at("2.A.1.c")).toBeLessThan(at("2.A.1.c.1"));
    expect(at("2")).toBeLessThan(at("10"));
    expect((await (await t.as("kz.candidate")).get(`/annex/versions/${base?.id}`)).status).toBe(404);
  });

  it("gives the difference as structured data, word by word", async () => {
    const [from, to] = await versions();
    const res = await (await t.as("de.delegate")).get(`/annex/diff?from=${from?.id}&to=${to?.id}`);
    expect(res.status).toBe(200);
    const d = await res.json();
    expect(d).toMatchObject({ added: 2, deleted: 1, changed: 2 });
    const changed = d.entries.find((e: { number: string }) => e.number === "3.A.1.a");
    expect(changed.fields[0].runs).toEqual(
      expect.arrayContaining([{ op: "ins", text: expect.stringContaining("8.89 kN") }]),
    );
    expect(d.entries.find((e: { number: string }) => e.number === "3.B.2").kind).toBe("deleted");
    expect((await (await t.as("kz.candidate")).get(`/annex/diff?from=${from?.id}&to=${to?.id}`)).status).toBe(
      404,
    );
  });

  it("shows an entry across versions and finds entries by number and words", async () => {
    const res = await (await t.as("us.desk")).get("/annex/entries/9.A.3");
    const h = await res.json();
    expect(h.versions.map((v: { entry: unknown }) => v.entry !== null)).toEqual([false, true]);
    expect((await (await t.as("us.desk")).get("/annex/entries/9.Z.3")).status).toBe(404);
    const byNumber = await (await (await t.as("us.desk")).get("/annex/search?q=2.A.1")).json();
    expect(byNumber.nodes.map((n: NodeJson) => n.number)).toContain("2.A.1.c.2");
    const byWords = await (await (await t.as("us.desk")).get("/annex/search?q=accelerometers")).json();
    expect(byWords.nodes.map((n: NodeJson) => n.number)).toEqual(["9.A.3"]);
  });
});

describe("the one search", () => {
  it("finds Annex entries of the latest version for Partners, and none for the candidate", async () => {
    const hits = async (user: string) => {
      const res = await (await t.as(user)).get("/search?q=accelerometers&type=annex");
      expect(res.status).toBe(200);
      return ((await res.json()).hits ?? []) as { type: string; ref: string; href: string }[];
    };
    expect((await hits("gb.delegate")).map((h) => [h.type, h.ref, h.href])).toEqual([
      ["annex", "9.A.3", "/annex/entries/9.A.3"],
    ]);
    expect(await hits("kz.candidate")).toEqual([]);
  });
});

describe("amendment sets", () => {
  it("apply once to make the next version, refuse a second time, and are audited", async () => {
    const poc = await t.as("fr.poc");
    const before = await auditCount(t.deps.db);
    const v = await poc.post("/annex/versions", {
      label: "Test base",
      asOf: "2009-01-01",
      nodes: [node("1", "Item one"), node("1.A", ""), node("1.A.1", "Rockets of 300 km.")],
    });
    expect(v.status).toBe(201);
    const base = await v.json();
    const s = await poc.post("/annex/amendment-sets", {
      title: "Test set",
      adoptedOn: "2009-02-01",
      changes: [
        { op: "change", number: "1.A.1", after: { text: "Rockets of 500 km." } },
        { op: "add", number: "1.A.2", after: { text: "Drones." } },
      ],
    });
    expect(s.status).toBe(201);
    const set = await s.json();
    const applied = await poc.post(`/annex/amendment-sets/${set.id}/apply`, {
      versionId: base.id,
      label: "Test next",
      asOf: "2009-02-01",
    });
    expect(applied.status).toBe(201);
    expect(await applied.json()).toMatchObject({
      basedOn: { id: base.id },
      amendmentSet: { title: "Test set" },
      entries: 4,
    });
    const again = await poc.post(`/annex/amendment-sets/${set.id}/apply`, {
      versionId: base.id,
      label: "Test again",
      asOf: "2009-02-01",
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: "annex.set_applied" });
    const shown = await (await poc.get(`/annex/amendment-sets/${set.id}`)).json();
    expect(shown.changes[0].before.text).toBe("Rockets of 300 km.");
    expect(await auditCount(t.deps.db)).toBe(before + 3);
  });

  it("refuse a change to an entry the version does not hold, naming it, and write nothing", async () => {
    const poc = await t.as("fr.poc");
    const [base] = await versions();
    const s = await poc.post("/annex/amendment-sets", {
      title: "Bad set",
      adoptedOn: "2009-03-01",
      changes: [
        { op: "delete", number: "7.A.4" },
        { op: "change", number: "1.A.1", after: { text: "x" } },
      ],
    });
    expect(s.status).toBe(201);
    const set = await s.json();
    const before = await t.deps.db.select().from(annexVersions);
    const r = await poc.post(`/annex/amendment-sets/${set.id}/apply`, {
      versionId: base?.id,
      label: "Bad",
      asOf: "2009-03-01",
    });
    expect(r.status).toBe(409);
    const err = (await r.json()).error;
    expect(err.code).toBe("annex.amendment_refused");
    expect(err.message).toContain("7.A.4 is not in the base version");
    expect(err.details.problems).toEqual([{ number: "7.A.4", message: "7.A.4 is not in the base version" }]);
    expect(await t.deps.db.select().from(annexVersions)).toHaveLength(before.length);
    expect(await t.deps.db.select().from(annexVersions).where(eq(annexVersions.label, "Bad"))).toEqual([]);
  });

  it("refuse an unknown entry number, naming the field", async () => {
    const r = await (await t.as("fr.poc")).post("/annex/amendment-sets", {
      title: "Worse set",
      adoptedOn: "2009-03-01",
      changes: [{ op: "add", number: "21.A.1", after: { text: "x" } }],
    });
    expect(r.status).toBe(400);
    const err = (await r.json()).error;
    expect(err.details.fields[0]).toMatchObject({
      field: "changes.0.number",
      message: expect.stringContaining("no item 21"),
    });
  });

  it("are linked to the proposal adopted by consensus that decided them, and to no other", async () => {
    const poc = await t.as("fr.poc");
    const set = (title: string, proposalId: number) =>
      poc.post("/annex/amendment-sets", {
        title,
        adoptedOn: "2008-06-30",
        proposalId,
        changes: [{ op: "delete", number: "1.A.1" }],
      });
    // Proposal 3 is under silence, not adopted; 999 is none.
    for (const [id, message] of [
      [3, "was not adopted"],
      [999, "there is no proposal 999"],
    ] as const) {
      const r = await set(`Refused ${id}`, id);
      expect(r.status).toBe(400);
      expect((await r.json()).error.details.fields[0]).toMatchObject({
        field: "proposalId",
        message: expect.stringContaining(message),
      });
    }
    // Proposal 2 was adopted by silence on 30 June 2008.
    const ok = await set("Decided set", 2);
    expect(ok.status).toBe(201);
    const made = await ok.json();
    expect(made.decision).toMatchObject({ id: 2, state: "adopted" });
    const s = await t.session("gb.delegate");
    const html = await (
      await t.request(`/annex/amendment-sets/${made.id}`, { headers: { cookie: s.cookie } })
    ).text();
    expect(html).toContain('href="/decisions/2"');
  });

  it("are recorded by the Point of Contact only", async () => {
    const r = await (await t.as("us.delegate")).post("/annex/amendment-sets", {
      title: "US set",
      adoptedOn: "2009-03-01",
      changes: [{ op: "delete", number: "1.A.1" }],
    });
    expect(r.status).toBe(403);
  });
});
