import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../src/core/audit/append.js";
import { recordRead } from "../src/core/audit/reads.js";
import { verifyAudit } from "../src/core/audit/verify.js";
import { rowsOf } from "../src/core/db/index.js";
import { type TestContext, testContext } from "./support/context.js";
import { makePaper, makeUser } from "./support/factories/index.js";
import { demoReader } from "./support/readers.js";

// Reads that are audited once answered: one entry per request (never per row), in the reader's
// own space, so an administrator of another government finds none of them.
let t: TestContext;
let usAdmin: string;
beforeAll(async () => {
  t = await testContext();
  usAdmin = await makeUser(t, { government: "US", roles: ["admin"], regimeClearance: "RC" });
});
afterAll(() => t.close());

type Row = {
  action: string;
  actor: string;
  space: string;
  marking: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
};
const last = async () =>
  (await rowsOf<{ n: number }>(t.deps.db, sql`select coalesce(max(seq), 0)::int as n from audit_log`))[0]
    ?.n ?? 0;
const since = (seq: number) =>
  rowsOf<Row>(
    t.deps.db,
    sql`select action, actor, space, marking, target_id, details from audit_log where seq > ${seq} order by seq`,
  );
/** What an administrator's API shows of the log for these actions. */
const adminSees = async (admin: string, action: string) =>
  (
    (await (await (await t.as(admin)).get(`/audit?limit=500&action=${action}`)).json()).entries as {
      actor: string;
    }[]
  ).filter((e) => e.actor === "us.delegate");

describe("reads audited once answered", () => {
  it("record one search per request, with its query and what the reader saw, in the reader's space", async () => {
    const us = await t.as("us.delegate");
    const before = await last();
    const res = await us.get("/search?q=agenda");
    const body = await res.json();
    expect(body.hits.length).toBeGreaterThan(1);
    const rows = (await since(before)).filter((r) => r.action === "search.query");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: "us.delegate",
      space: "US",
      marking: "RC",
      details: { query: "agenda" },
    });
    // Not how many it found: that counts what the searcher may see, not the log's reader.
    expect(rows[0]?.details).not.toHaveProperty("total");
    const s = await t.session("us.delegate");
    const page = await t.request("/search?q=agenda", { headers: { cookie: s.cookie } });
    expect(page.status).toBe(200);
    expect((await since(before)).filter((r) => r.action === "search.query")).toHaveLength(2);
  });

  it("record one entry per look at the register, the guidance list and the telegrams, not one per row", async () => {
    for (let i = 0; i < 3; i++) await makePaper(t, { government: "US", status: "circulated" });
    const us = await t.as("us.delegate");
    const before = await last();
    const list = await (await us.get("/papers")).json();
    expect(list.papers.length).toBeGreaterThan(3);
    const s = await t.session("us.delegate");
    await t.request("/papers", { headers: { cookie: s.cookie } });
    await us.get("/guidance");
    await us.get("/telegrams");
    const rows = await since(before);
    expect(rows.filter((r) => r.action === "paper.list")).toHaveLength(2);
    expect(rows.filter((r) => r.action === "paper.list")[0]).toMatchObject({
      space: "US",
      details: { filter: {} },
    });
    expect(rows.filter((r) => r.action === "paper.list")[0]?.details).not.toHaveProperty("shown");
    expect(rows.filter((r) => r.action === "guidance.list")).toHaveLength(1);
    expect(rows.filter((r) => r.action === "telegram.list")).toHaveLength(1);
    expect(rows.filter((r) => r.action === "paper.read")).toHaveLength(0);
  });

  it("record which export was taken", async () => {
    const us = await t.as("us.delegate");
    const before = await last();
    expect((await us.get("/papers/39/word")).status).toBe(200);
    expect((await us.get("/enactment/export?format=csv")).status).toBe(200);
    expect((await us.get("/enactment/export?format=xlsx")).status).toBe(200);
    const rows = await since(before);
    expect(rows.filter((r) => r.action === "paper.export")).toMatchObject([
      { space: "US", target_id: "39", marking: "RR", details: { format: "word" } },
    ]);
    expect(rows.filter((r) => r.action === "enactment.export").map((r) => r.details.format)).toEqual([
      "csv",
      "xlsx",
    ]);
  });

  it("record a refusal and a hidden record alike as a missing one, saying nothing of the record", async () => {
    const draft = await makePaper(t, { government: "GB", status: "draft", title: "Hidden heather study" });
    const us = await t.as("us.delegate");
    const hidden = await us.get(`/papers/${draft.ref}`);
    const missing = await us.get("/papers/draft-999999");
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toBe(await missing.text());
    const before = await last();
    await us.get(`/papers/${draft.ref}`);
    await us.get("/papers/draft-999999");
    expect((await us.get("/audit")).status).toBe(403);
    const rows = await since(before);
    expect(rows.map((r) => [r.action, r.space, r.target_id, r.details])).toEqual([
      ["access.not_found", "US", `GET /api/v1/papers/${draft.ref}`, { status: 404 }],
      ["access.not_found", "US", "GET /api/v1/papers/draft-999999", { status: 404 }],
      ["access.denied", "US", "GET /api/v1/audit", { status: 403 }],
    ]);
    expect(JSON.stringify(rows)).not.toContain("heather");
    // The answers are the same as they were before any of this was audited.
    expect(await (await us.get("/papers/draft-999999")).json()).toEqual({
      error: { code: "not_found", message: "No such paper, or you may not see it.", details: null },
    });
  });

  it("are the reader's government's alone: another government's administrator finds none", async () => {
    await (await t.as("us.delegate")).get("/search?q=matrix");
    for (const action of ["search.", "paper.list", "paper.export", "access."]) {
      expect(await adminSees(usAdmin, action)).not.toEqual([]);
      expect(await adminSees("admin", action)).toEqual([]);
    }
  });

  it("keep the chain in order when a read recorded after the fact is overtaken by a later change", async () => {
    const reader = demoReader("us.delegate");
    const start = new Date(t.clock.now().getTime());
    const later = new Date(start.getTime() + 60_000);
    await t.deps.db.transaction((tx) =>
      appendAudit(tx, later, { userId: null, label: "system" }, { action: "test.later", space: "system" }),
    );
    // The read was answered at `start`; its entry comes after one dated a minute later.
    await Promise.all(
      Array.from({ length: 8 }, () =>
        recordRead(t.deps, start, reader, { action: "test.read", targetKind: "test" }),
      ),
    );
    const rows = await rowsOf<{ at: string; action: string }>(
      t.deps.db,
      sql`select at::text as at, action from audit_log order by seq desc limit 9`,
    );
    expect(rows.filter((r) => r.action === "test.read")).toHaveLength(8);
    const times = rows.map((r) => new Date(r.at).getTime());
    expect(times.every((x, i) => i === 0 || x <= (times[i - 1] ?? x))).toBe(true);
    expect(times[0]).toBe(later.getTime());
    expect((await verifyAudit(t.deps.db)).ok).toBe(true);
  });

  it("never fail the read when its entry cannot be written", async () => {
    const warnings: unknown[] = [];
    const log = { ...t.deps.log, warn: (o: unknown) => warnings.push(o) } as unknown as typeof t.deps.log;
    const broken = { db: { transaction: () => Promise.reject(new Error("the log is unavailable")) }, log };
    await recordRead(broken as never, t.clock.now(), demoReader("us.delegate"), { action: "test.read" });
    expect(warnings).toHaveLength(1);
  });
});
