import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makeUser } from "../../test/support/factories/index.js";

// An administrator of one government cannot tell from the audit log how many entries other
// governments' spaces hold: the entries are numbered by their place among the reader's own, and
// verification reports only on those. France's administrator watches while the US works.
let t: TestContext;
let operator: string;
let drafted = 0;
beforeAll(async () => {
  t = await testContext();
  operator = await makeUser(t, { government: "GB", roles: ["admin", "operator"], regimeClearance: "RC" });
});
afterAll(() => t.close());

type Entry = { position: number; action: string; space: string | null };

async function whatFranceSees() {
  const admin = await t.as("admin");
  const log = (await (await admin.get("/audit?limit=500")).json()) as { total: number; entries: Entry[] };
  const verify = await (await admin.get("/audit/verify")).json();
  const s = await t.session("admin");
  const page = await (
    await t.request("/admin/audit?verify=1", { headers: { cookie: s.cookie, accept: "text/html" } })
  ).text();
  return { log, verify, page: page.replace(/<input type="hidden" name="_csrf"[^>]*>/g, "") };
}

const usDrafts = async (n: number) => {
  const us = await t.as("us.desk");
  for (let i = 0; i < n; i++) {
    const res = await us.post("/papers", {
      kind: "ie_paper",
      title: { text: `US working draft ${++drafted}`, marking: "RR" },
      summary: { text: "National work in progress.", marking: "RR" },
      countryOfOrigin: "United States",
      submit: false,
    });
    expect(res.status).toBe(201);
  }
};

describe("counts in the audit log", () => {
  it("number an administrator's entries 1, 2, 3… among their own, with no gap for other spaces", async () => {
    await usDrafts(3);
    const { log } = await whatFranceSees();
    expect(log.entries.length).toBeGreaterThan(0);
    expect(log.entries.every((e) => e.space !== "US")).toBe(true);
    const positions = log.entries.map((e) => e.position);
    expect(positions).toEqual(
      Array.from({ length: log.total }, (_, i) => log.total - i).slice(0, positions.length),
    );
    expect(JSON.stringify(log)).not.toContain('"seq"');
  });

  it("answer France's administrator exactly as before, whatever the US writes meanwhile", async () => {
    const before = await whatFranceSees();
    await usDrafts(7);
    const after = await whatFranceSees();
    expect(after.log).toEqual(before.log);
    expect(after.verify).toEqual(before.verify);
    expect(after.page).toEqual(before.page);
    expect(before.verify).toMatchObject({
      scope: "visible",
      ok: true,
      checked: before.log.total,
      broken: null,
    });
    expect(before.page).toContain("The entries you may see are intact");
    expect(before.page).not.toContain("Verify the chain");
  });

  it("pages by position: entries before a position are the older ones among the reader's own", async () => {
    const admin = await t.as("admin");
    const all = (await (await admin.get("/audit?limit=500")).json()) as { total: number; entries: Entry[] };
    const cut = Math.max(2, Math.floor(all.total / 2));
    const older = (await (await admin.get(`/audit?limit=500&before=${cut}`)).json()) as { entries: Entry[] };
    expect(older.entries[0]?.position).toBe(cut - 1);
    expect(older.entries.map((e) => e.action)).toEqual(
      all.entries.filter((e) => e.position < cut).map((e) => e.action),
    );
  });

  it("leave the whole chain's verification to an operator", async () => {
    const verify = await (await (await t.as(operator)).get("/audit/verify")).json();
    const france = (await whatFranceSees()).verify;
    expect(verify).toMatchObject({ scope: "chain", ok: true, broken: null });
    expect(verify.checked).toBeGreaterThan(france.checked);
    const s = await t.session(operator);
    const page = await (await t.request("/admin/audit?verify=1", { headers: { cookie: s.cookie } })).text();
    expect(page).toContain("The chain is intact");
  });
});
