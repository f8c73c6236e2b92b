import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../../test/support/context.js";
import { appendAudit, auditCount } from "./append.js";
import { verifyAudit } from "./verify.js";

let t: TestContext;
beforeEach(async () => {
  t = await testContext();
});
afterEach(() => t.close());

async function tamper(statements: string[]): Promise<void> {
  await t.deps.db.execute(sql.raw("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"));
  for (const s of statements) await t.deps.db.execute(sql.raw(s));
  await t.deps.db.execute(sql.raw("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"));
}

describe("the audit log", () => {
  it("is intact after the scenario is loaded", async () => {
    const r = await verifyAudit(t.deps.db);
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(await auditCount(t.deps.db));
    expect(r.checked).toBeGreaterThan(9);
  });

  it("refuses updates and deletes from the application's connection", async () => {
    await expect(
      t.deps.db.execute(sql.raw("UPDATE audit_log SET actor = 'x' WHERE seq = 1")),
    ).rejects.toThrow();
    await expect(t.deps.db.execute(sql.raw("DELETE FROM audit_log WHERE seq = 1"))).rejects.toThrow();
  });

  it("catches an altered entry and names it", async () => {
    await tamper(["UPDATE audit_log SET actor = 'mallory' WHERE seq = 3"]);
    expect(await verifyAudit(t.deps.db)).toMatchObject({ ok: false, broken: { seq: 3 } });
  });

  it("catches an altered detail (jsonb)", async () => {
    await tamper([`UPDATE audit_log SET details = '{"government":"XX"}' WHERE seq = 5`]);
    const r = await verifyAudit(t.deps.db);
    expect(r.broken?.seq).toBe(5);
    expect(r.broken?.reason).toContain("altered");
  });

  it("catches a deleted entry in the middle", async () => {
    await tamper(["DELETE FROM audit_log WHERE seq = 4"]);
    expect(await verifyAudit(t.deps.db)).toMatchObject({
      ok: false,
      broken: { seq: 4, reason: expect.stringContaining("missing") },
    });
  });

  it("catches deleted entries at the end", async () => {
    const n = await auditCount(t.deps.db);
    await tamper([`DELETE FROM audit_log WHERE seq >= ${n - 1}`]);
    expect(await verifyAudit(t.deps.db)).toMatchObject({ ok: false, broken: { seq: n - 1 } });
  });

  it("catches reordered entries", async () => {
    await tamper([
      "UPDATE audit_log SET seq = -1 WHERE seq = 6",
      "UPDATE audit_log SET seq = 6 WHERE seq = 7",
      "UPDATE audit_log SET seq = 7 WHERE seq = -1",
    ]);
    expect(await verifyAudit(t.deps.db)).toMatchObject({ ok: false, broken: { seq: 6 } });
  });

  it("keeps a change and its entry together: a failed transaction leaves neither", async () => {
    const before = await auditCount(t.deps.db);
    await expect(
      t.deps.db.transaction(async (tx) => {
        await appendAudit(
          tx,
          t.clock.now(),
          { userId: null, label: "test" },
          { action: "test.fail", space: "regime" },
        );
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await auditCount(t.deps.db)).toBe(before);
    expect((await verifyAudit(t.deps.db)).ok).toBe(true);
  });

  it("numbers concurrent appends without gaps or forks", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.deps.db.transaction((tx) =>
          appendAudit(
            tx,
            t.clock.now(),
            { userId: null, label: "test" },
            { action: "test.concurrent", space: "regime", details: { i } },
          ),
        ),
      ),
    );
    const r = await verifyAudit(t.deps.db);
    expect(r.ok).toBe(true);
  });

  it("records every change made through the API, and admins browse it filtered", async () => {
    const admin = await t.as("admin");
    const created = await admin.post("/users", {
      username: "fr.delegate",
      displayName: "French delegate",
      government: "FR",
      roles: ["delegate"],
      regimeClearance: "PUBLIC",
      nationalClearance: "NP",
      password: "a-long-enough-password",
    });
    expect(created.status).toBe(201);
    const res = await admin.get("/audit?action=user.&target=fr.delegate");
    const body = await res.json();
    expect(body.total).toBe(1);
    expect(body.entries[0]).toMatchObject({
      actor: "admin",
      action: "user.create",
      target: "user:fr.delegate",
    });
    expect(JSON.stringify(body)).not.toContain("a-long-enough-password");
    const verify = await (await admin.get("/audit/verify")).json();
    expect(verify.ok).toBe(true);
  });

  it("hides entries about another government's space from an administrator", async () => {
    await t.deps.db.transaction((tx) =>
      appendAudit(
        tx,
        t.clock.now(),
        { userId: null, label: "us.desk" },
        {
          action: "telegram.read",
          targetKind: "telegram",
          targetId: 1,
          space: "US",
          marking: "C",
        },
      ),
    );
    const admin = await t.as("admin"); // of France
    const body = await (await admin.get("/audit?action=telegram.")).json();
    expect(body.total).toBe(0);
    expect(body.entries).toEqual([]);
  });

  it("shows admins the log in the pages, and verifies it there", async () => {
    const s = await t.session("admin");
    const res = await t.request("/admin/audit?action=session.&verify=1", { headers: { cookie: s.cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("The entries you may see are intact");
    const denied = await t.request("/admin/audit", {
      headers: { cookie: (await t.session("us.desk")).cookie },
    });
    expect(denied.status).toBe(403);
  });
});
