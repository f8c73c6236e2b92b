import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testConfig } from "../../../test/support/context.js";
import { CAPABILITIES } from "../../capabilities.js";
import { appendAudit, loadingHistory, SYSTEM_ACTOR } from "../audit/append.js";
import { auditLog } from "../audit/schema.js";
import { verifyAudit } from "../audit/verify.js";
import { loadReferenceData } from "../boot.js";
import { composeSite } from "../capability.js";
import { DEMO_START, runningClockFrom } from "../clock.js";
import type { Database } from "../db/index.js";
import { lastDemoInstant, saveDemoClock } from "./index.js";

// A database opened as `plenary serve` opens it (not a test context's): the demo's running clock
// resumes from it at each start, and the audit log refuses an entry older than its last.
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Starting the demo on this database: a new running clock, then the reference data (which resumes it). */
async function start() {
  const config = { ...testConfig(), clock: runningClockFrom(DEMO_START), demoClock: true };
  await loadReferenceData(database, composeSite(CAPABILITIES), config);
  return config.clock;
}

const entry = (at: Date) =>
  database.db.transaction((tx) =>
    appendAudit(tx, at, SYSTEM_ACTOR, { action: "test.clock", space: "regime" }),
  );

describe("the embedded demo's clock", () => {
  it("resumes from where it stood when it was last saved, and runs on from there", async () => {
    const first = await start();
    first.resumeFrom(new Date("2008-07-09T10:00:00Z"));
    await entry(first.now());
    first.resumeFrom(new Date("2008-07-09T11:00:00Z"));
    await saveDemoClock(database.db, first);
    const again = await start();
    const now = again.now().getTime();
    expect(now).toBeGreaterThanOrEqual(Date.parse("2008-07-09T11:00:00Z"));
    expect(now).toBeLessThan(Date.parse("2008-07-09T11:01:00Z"));
    expect(again.description).toMatch(/^resumed at 2008-07-09T11:00:00.\d{3}Z and running$/);
    await entry(again.now());
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });

  it("resumes from the newest audit entry when the process stopped before saving", async () => {
    const running = await start();
    running.resumeFrom(new Date("2008-07-20T08:00:00Z"));
    await entry(running.now());
    // Killed here: the saved instant is a week older than the log.
    expect((await lastDemoInstant(database.db))?.toISOString().slice(0, 16)).toBe("2008-07-20T08:00");
    const again = await start();
    expect(again.now().getTime()).toBeGreaterThanOrEqual(Date.parse("2008-07-20T08:00:00Z"));
  });

  it("a clock that did not resume cannot write behind the log: the entry is refused, saying why", async () => {
    const behind = runningClockFrom(DEMO_START);
    await expect(entry(behind.now())).rejects.toMatchObject({
      code: "audit.out_of_order",
      message: expect.stringMatching(
        /^The audit log refuses an entry at 2008-07-02T12:02:\d\d\.\d{3}Z: its last entry \(\d+\) is at 2008-07-20T08:00:/,
      ),
    });
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });

  it("records the scenario's past changes in order while it loads history: at the time they were loaded", async () => {
    const seq = await loadingHistory(() => entry(new Date("2006-10-20T09:00:00Z")));
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.seq, seq));
    expect(new Date(row?.at ?? 0).getTime()).toBeGreaterThanOrEqual(Date.parse("2008-07-20T08:00:00Z"));
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });
});
