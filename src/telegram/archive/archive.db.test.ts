import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../../test/support/context.js";
import { makeGovernment, makeUser } from "../../../test/support/factories/index.js";
import { SYSTEM_ACTOR } from "../../core/audit/append.js";
import { rowsOf } from "../../core/db/index.js";
import { FIXTURES } from "../testing/fixtures.js";
import { importTelegrams } from "./import.js";
import { SEED_TELEGRAM } from "./seed.js";
import { importItems } from "./sources.js";

let t: TestContext;
let sbu: string;
beforeAll(async () => {
  t = await testContext();
  sbu = await makeUser(t, { government: "US", nationalClearance: "SBU", roles: ["delegate"] });
});
afterAll(() => t.close());

const seedId = async () => {
  const [row] = await rowsOf<{ id: number }>(
    t.deps.db,
    sql`select id from telegrams where message_ref = '08STATE70895' and space = 'US'`,
  );
  if (!row) throw new Error("no such telegram");
  return Number(row.id);
};

describe("the telegram archive", () => {
  it("holds the scenario's telegram in the United States' space, with its raw bytes unchanged", async () => {
    const director = await t.as("us.director");
    const id = await seedId();
    const view = await (await director.get(`/telegrams/${id}`)).json();
    expect(view).toMatchObject({
      messageRef: "08STATE70895",
      display: "STATE 070895",
      classification: "CONFIDENTIAL",
      space: "US",
      originator: "SECSTATE WASHDC",
      sentAt: "2008-07-02T12:02:00.000Z",
      withheldPortions: 0,
      rawAllowed: true,
    });
    expect(view.tags).toEqual(["MTCRE", "PARM", "MNUC", "KSCA", "TSPA", "ETTC", "FR"]);
    const s = await t.session("us.director");
    const raw = await t.request(`/telegrams/${id}/raw`, { headers: { cookie: s.cookie } });
    expect(Buffer.from(await raw.arrayBuffer()).equals(fs.readFileSync(SEED_TELEGRAM))).toBe(true);
  });

  it("shows a reader cleared to SBU the (C) portions withheld, naming their marking", async () => {
    const reader = await t.as(sbu);
    const view = await (await reader.get(`/telegrams/${await seedId()}`)).json();
    expect(view.withheldPortions).toBeGreaterThan(10);
    expect(view.text).toContain("[WITHHELD: (C)]");
    expect(view.text).toContain("This is an action request. Embassy Paris please see paragraph 3.");
    expect(view.text).toContain("Thank the French MTCR POC for its leadership");
    expect(view.text).not.toContain("Guidance for use by the Embassy REP");
    expect(JSON.stringify(view.telegram)).not.toContain("interdictions");
    expect(view.rawAllowed).toBe(false);
    const s = await t.session(sbu);
    expect(
      (await t.request(`/telegrams/${await seedId()}/raw`, { headers: { cookie: s.cookie } })).status,
    ).toBe(403);
  });

  it("lists the subject as withheld to a reader below its marking", async () => {
    const list = await (await (await t.as(sbu)).get("/telegrams")).json();
    const seed = list.telegrams.find((x: { messageRef: string }) => x.messageRef === "08STATE70895");
    expect(seed).toMatchObject({ subject: null, subjectWithheld: true, classification: "CONFIDENTIAL" });
    const desk = await (await (await t.as("us.desk")).get("/telegrams")).json();
    expect(desk.telegrams[0].subject).toContain("GUIDANCE FOR THE JULY 8, 2008 POC MEETING");
  });

  it("searches only what the reader may see: counts and snippets included", async () => {
    const desk = await t.as("us.desk");
    const found = await (await desk.get("/telegrams?q=interdictions")).json();
    expect(found.total).toBe(1);
    expect(found.telegrams[0].snippet).toContain("«interdictions»");
    const low = await (await (await t.as(sbu)).get("/telegrams?q=interdictions")).json();
    expect(low).toEqual({ total: 0, telegrams: [] });
    // A word in an SBU portion is found by the SBU reader, and the snippet holds no (C) text.
    const hospitality = await (await (await t.as(sbu)).get("/telegrams?q=hospitality")).json();
    expect(hospitality.total).toBe(1);
    expect(hospitality.telegrams[0].snippet).not.toMatch(/Guidance for use/);
  });

  it("filters by date, origin, TAGS and classification", async () => {
    const desk = await t.as("us.desk");
    const q = async (s: string) => (await (await desk.get(`/telegrams?${s}`)).json()).total;
    expect(await q("from=2008-07-02&to=2008-07-02")).toBe(1);
    expect(await q("from=2008-07-03")).toBe(0);
    expect(await q("origin=secstate")).toBe(1);
    expect(await q("tag=mtcre")).toBe(1);
    expect(await q("tag=KN")).toBe(0);
    expect(await q("classification=C")).toBe(1);
    expect(await q("classification=S")).toBe(0);
    const bad = await desk.get("/telegrams?from=July");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("from:");
  });

  it("keeps another government's readers out: the telegram does not exist for them", async () => {
    const id = await seedId();
    const gb = await t.as("gb.delegate");
    const hidden = await gb.get(`/telegrams/${id}`);
    const missing = await gb.get("/telegrams/987654");
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual(await missing.json());
    expect((await (await gb.get("/telegrams?q=Canberra")).json()).total).toBe(0);
  });

  it("audits each read of a marked telegram, in the telegram's space", async () => {
    const id = await seedId();
    await (await t.as("us.desk")).get(`/telegrams/${id}`);
    const rows = await rowsOf(
      t.deps.db,
      sql`select actor, space, marking from audit_log where action = 'telegram.read' and target_id = ${String(id)} order by seq desc limit 1`,
    );
    expect(rows[0]).toEqual({ actor: "us.desk", space: "US", marking: "C" });
  });

  it("finds duplicates within a government's space: another government's copy neither blocks nor shows", async () => {
    const importInto = (space: string) =>
      importTelegrams(t.deps.db, importItems([SEED_TELEGRAM]), {
        space,
        actor: SYSTEM_ACTOR,
        clock: t.clock,
      });
    // The United States' space holds this telegram already (the scenario's); another government's does not.
    const other = await makeGovernment(t, { ladderId: "us" });
    const first = await importInto(other);
    expect(first).toMatchObject({ imported: 1, duplicates: 0 });
    const again = await importInto(other);
    expect(again).toMatchObject({ imported: 0, duplicates: 1 });
    expect((await importInto("US")).duplicates).toBe(1);
    const copies = await rowsOf<{ space: string }>(
      t.deps.db,
      sql`select space from telegrams where message_ref = '08STATE70895' order by space`,
    );
    expect(copies.map((r) => r.space).sort()).toEqual([other, "US"].sort());
  });

  it("imports folders and CSV files, skipping duplicates and bad items with a reason each", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-import-"));
    fs.copyFileSync(SEED_TELEGRAM, path.join(dir, "again.txt"));
    fs.writeFileSync(path.join(dir, "notes.txt"), "Shopping list: milk, eggs.\n");
    const cable = fs.readFileSync(path.resolve(__dirname, "../fixtures/cables/09PARIS1040.txt"), "utf8");
    fs.writeFileSync(path.join(dir, "cable.txt"), cable);
    const csv = [
      `"1","12/1/2008 10:00","08PARIS999","Embassy Paris","CONFIDENTIAL","","O 011000Z DEC 08\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC IMMEDIATE","C O N F I D E N T I A L PARIS 000999\n\nE.O. 12958: DECL: 12/01/2018\nTAGS: MTCRE PARM FR\nSUBJECT: MTCR: POC MEETING READOUT (C)\n\n1. (C) The POC met.\n"`,
      `"2","broken row with too few fields"`,
    ].join("\n");
    fs.writeFileSync(path.join(dir, "cables.csv"), csv);
    fs.writeFileSync(path.join(dir, "unreadable.txt"), "x");
    fs.chmodSync(path.join(dir, "unreadable.txt"), 0o000);
    const count = async () =>
      (await rowsOf<{ n: number }>(t.deps.db, sql`select count(*)::int as n from telegrams`))[0]?.n ?? 0;
    const before = await count();
    const summary = await importTelegrams(t.deps.db, importItems([dir, path.join(dir, "missing.txt")]), {
      space: "US",
      actor: SYSTEM_ACTOR,
      clock: t.clock,
    });
    const after = await count();
    expect(summary.duplicates).toBe(1);
    const reasons = summary.skipped.map((s) => `${path.basename(s.name)}: ${s.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^cables.csv:row 2: broken CSV row: 2 fields/),
        expect.stringMatching(/^notes.txt: no telegram header/),
        expect.stringMatching(/^missing.txt: cannot read \(ENOENT\)/),
      ]),
    );
    expect(summary.imported).toBe(after - before);
    expect(summary.imported).toBeGreaterThanOrEqual(2);
    const desk = await t.as("us.desk");
    expect((await (await desk.get("/telegrams?q=readout")).json()).total).toBe(1);
  });

  it("imports a telegram printed to PDF as the text of its printout, and says why a broken PDF is skipped", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-pdf-"));
    fs.copyFileSync(path.join(FIXTURES, "pdf", "00ATHENS1937.pdf"), path.join(dir, "00ATHENS1937.pdf"));
    fs.writeFileSync(path.join(dir, "broken.pdf"), "%PDF-1.4 and then nothing a reader can open");
    const summary = await importTelegrams(t.deps.db, importItems([dir]), {
      space: "US",
      actor: SYSTEM_ACTOR,
      clock: t.clock,
    });
    expect(summary.imported).toBe(1);
    expect(summary.skipped.map((s) => `${path.basename(s.name)}: ${s.reason}`)).toEqual([
      expect.stringMatching(/^broken.pdf: not a PDF that can be opened/),
    ]);
    const [row] = await rowsOf<{ subject: string; raw: string; classification: string }>(
      t.deps.db,
      sql`select subject, raw_text as raw, classification from telegrams where source_name like '%00ATHENS1937.pdf'`,
    );
    expect(row?.subject).toBe("PRESS SUPPLEMENT ON THE 25-YEAR HISTORY OF 17 NOVEMBER");
    expect(row?.classification).toBe("C");
    expect(row?.raw).toMatch(/^O 210712Z APR 00\nFM AMEMBASSY ATHENS\n/);
  });

  it("refuses to import into a space that does not exist or cannot hold telegram markings", async () => {
    await expect(
      importTelegrams(t.deps.db, [], { space: "ZZ", actor: SYSTEM_ACTOR, clock: t.clock }),
    ).rejects.toThrow("space: no government has the code ZZ");
    await expect(
      importTelegrams(t.deps.db, [], { space: "FR", actor: SYSTEM_ACTOR, clock: t.clock }),
    ).rejects.toThrow(/FR's marking ladder lacks the telegram markings U, SBU, C/);
  });

  it("lists and shows telegrams in the pages, redacted for the reader", async () => {
    const s = await t.session(sbu);
    const list = await t.request("/telegrams?q=hospitality", { headers: { cookie: s.cookie } });
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("subject withheld");
    expect(html).toContain("<mark>hospitality</mark>");
    const page = await t.request(`/telegrams/${await seedId()}`, { headers: { cookie: s.cookie } });
    const body = await page.text();
    expect(body).toContain("[WITHHELD: (C)]");
    expect(body).toMatch(/portions are above your clearance/);
    expect(body).not.toContain("Download the telegram as imported");
  });
});
