// `plenary telegram reindex`: telegrams stored with an older reading get the reader's reading
// again from their bytes; what is unchanged is left alone; each batch is audited.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../../test/support/context.js";
import { SYSTEM_ACTOR } from "../../core/audit/append.js";
import { rowsOf } from "../../core/db/index.js";
import { readTelegram } from "../read.js";
import { goldView } from "../testing/gold.js";
import { importTelegrams } from "./import.js";
import { reindexTelegrams } from "./reindex.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

// a partial extract with the captions after the note: older readers filed them as body text
const CABLE = [
  "04MADRID3914",
  "CUBA: MFA ON INVITING DISSIDENTS",
  "2004-10-07 14:14",
  "CONFIDENTIAL",
  "Embassy Madrid",
  "",
  "This record is a partial extract of the original cable. The full text of the original cable is not available.",
  "",
  "C O N F I D E N T I A L MADRID 003914",
  "",
  "SIPDIS",
  "",
  "E.O. 12958: DECL: 10/05/2014",
  "TAGS: PREL PHUM CU SP",
  "SUBJECT: CUBA: MFA ON INVITING DISSIDENTS",
  "",
  "Classified By: Political Counselor Kathy Fitzpatrick; reasons 1.5 (B) and (D).",
  "",
  "1. (C) Poloff contacted the MFA on the invitations.",
  "",
].join("\n");

const row = async () => {
  const [r] = await rowsOf<{ id: number; subject: string | null; tags: string[]; texts: number }>(
    t.deps.db,
    sql`select id, subject, tags, (select count(*)::int from telegram_texts x where x.telegram_id = t.id) as texts
        from telegrams t where message_ref = '04MADRID3914'`,
  );
  if (!r) throw new Error("not imported");
  return r;
};

describe("reindex", () => {
  it("gives telegrams stored with an older reading the current one, and audits it", async () => {
    await importTelegrams(t.deps.db, [{ name: "04MADRID3914.txt", bytes: new TextEncoder().encode(CABLE) }], {
      space: "US",
      actor: SYSTEM_ACTOR,
      clock: t.clock,
    });
    const expected = goldView(readTelegram(CABLE).model);
    expect(expected.tags).toEqual(["PREL", "PHUM", "CU", "SP"]);
    // what an older reader stored: no subject, no tags, its texts lost
    const { id } = await row();
    await t.deps.db.execute(sql`update telegrams set subject = null, tags = '{}' where id = ${id}`);
    await t.deps.db.execute(sql`delete from telegram_texts where telegram_id = ${id}`);

    const first = await reindexTelegrams(t.deps.db, { actor: SYSTEM_ACTOR, clock: t.clock, batchSize: 2 });
    expect(first.changed).toBeGreaterThanOrEqual(1);
    expect(first.kept).toEqual([]);
    const after = await row();
    expect(after.subject).toBe(expected.subject);
    expect(after.tags).toEqual(expected.tags);
    expect(after.texts).toBeGreaterThan(0);
    const audit = await rowsOf<{ details: { ids: number[]; fields: string[] } }>(
      t.deps.db,
      sql`select details from audit_log where action = 'telegram.reindex' order by seq`,
    );
    expect(audit.some((a) => a.details.ids.includes(id) && a.details.fields.includes("subject"))).toBe(true);

    // read again: nothing changes, nothing is audited
    const before = audit.length;
    const second = await reindexTelegrams(t.deps.db, { actor: SYSTEM_ACTOR, clock: t.clock });
    expect(second.changed).toBe(0);
    expect(second.unchanged).toBe(second.read);
    const again = await rowsOf(t.deps.db, sql`select 1 from audit_log where action = 'telegram.reindex'`);
    expect(again.length).toBe(before);
  });
});
