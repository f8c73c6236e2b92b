import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { US_LADDER } from "../core/access/markings.js";
import { actingAs } from "../core/acting.js";
import { auditLog } from "../core/audit/schema.js";
import { readerByUsername } from "../directory/index.js";
import { meetings } from "../meetings/index.js";
import { readTelegram } from "../telegram/index.js";
import { createGuidance } from "./commands/save-guidance.js";
import { approve, release } from "./commands/workflow.js";
import type { GuidanceContent } from "./content.js";
import { SCENARIO_APPROVAL, SCENARIO_GUIDANCE, SCENARIO_RELEASE } from "./scenario.js";
import { guidance } from "./schema.js";
import { SCENARIO_MEETING } from "./seed.js";
import { renderGuidance } from "./telegram.js";

let t: TestContext;
let meetingId: number;
let otherMeetingAgendaItem: number;
let agenda: number[];
beforeAll(async () => {
  t = await testContext();
  const [m] = await t.deps.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(eq(meetings.uid, SCENARIO_MEETING));
  meetingId = m?.id ?? 0;
  const rows = (await t.deps.db.execute(
    sql`select id, meeting_id from agenda_items where removed_at is null order by meeting_id, position`,
  )) as unknown as { rows: { id: number; meeting_id: number }[] };
  agenda = rows.rows.filter((r) => r.meeting_id === meetingId).map((r) => Number(r.id));
  otherMeetingAgendaItem = Number(rows.rows.find((r) => r.meeting_id !== meetingId)?.id);
});
afterAll(() => t.close());

interface ErrorJson {
  error: { code: string; message: string; details: { fields?: { field: string; message: string }[] } | null };
}
const fieldsOf = async (res: Response) =>
  ((await res.json()) as ErrorJson).error.details?.fields?.map((f) => f.field) ?? [];

/** A short guidance for the scenario's meeting, its one item on the first agenda item. */
const small = (over: Partial<GuidanceContent> = {}): GuidanceContent => ({
  ...SCENARIO_GUIDANCE,
  references: [],
  items: [
    {
      agendaItemId: agenda[0] ?? null,
      heading: { text: "REINFORCED POINT OF CONTACT MEETING (RPOC)", marking: "C" },
      background: null,
      blocks: [{ mode: "should", points: [{ text: "Thank the French POC.", marking: "SBU" }] }],
      notes: [],
    },
  ],
  ...over,
});
const APPROVE = { title: "ISN/MTR Director", reasons: "1.4 (B), (D)", years: 25, from: "2008-07-08" };

describe("the scenario's guidance, STATE 070895", () => {
  it("is released, approved by us.director, as the station's 70,895th telegram of 2008", async () => {
    const list = await (await (await t.as("us.desk")).get("/guidance")).json();
    const seed = list.guidance.find((g: { reference: string | null }) => g.reference === "STATE 070895");
    expect(seed).toMatchObject({ state: "released", sentAt: SCENARIO_RELEASE.sentAt, banner: "C" });
    const view = await (await (await t.as("us.director")).get(`/guidance/${seed.id}`)).json();
    expect(view.approval).toMatchObject({
      name: "Pam Durham",
      title: "ISN/MTR Director",
      reasons: "1.4 (B), (D)",
    });
    expect(view.approval.declassifyOn).toBe("2033-07-08");
    expect(view.content.items.map((i: { agendaItem: { id: number } }) => i.agendaItem.id)).toEqual(agenda);
    expect(view.content.items).toHaveLength(8);
    expect(view.release.telegramId).toEqual(expect.any(Number));
  });

  it("was released as exactly the telegram its data renders, and reads back to the seed's fields", async () => {
    const [row] = await t.deps.db.select().from(guidance).where(eq(guidance.messageRef, "08STATE70895"));
    const text = row?.telegramText ?? "";
    expect(text).toBe(renderGuidance(SCENARIO_GUIDANCE, US_LADDER, SCENARIO_APPROVAL, SCENARIO_RELEASE));
    const m = readTelegram(text).model;
    expect(m.reference?.display).toBe("STATE 070895");
    expect(m.heading?.from).toBe("SECSTATE WASHDC");
    expect(m.heading?.dtg?.instant).toBe("2008-07-02T12:02:00Z");
    expect(m.tags.map((x) => x.text)).toEqual(["MTCRE", "PARM", "MNUC", "KSCA", "TSPA", "ETTC", "FR"]);
    expect(m.classifiedBy?.name).toBe("Pam Durham");
  });

  it("does not exist for anyone of another government: empty lists and the 404 of a missing record", async () => {
    const [row] = await t.deps.db.select({ id: guidance.id }).from(guidance).limit(1);
    for (const user of ["fr.poc", "au.chair", "gb.delegate", "de.delegate", "kz.candidate", "admin"]) {
      const api = await t.as(user);
      expect((await (await api.get("/guidance")).json()).guidance).toEqual([]);
      expect((await (await api.get("/reports")).json()).reports).toEqual([]);
      expect((await (await api.get("/guidance-requests")).json()).requests).toEqual([]);
      const hidden = await api.get(`/guidance/${row?.id}`);
      const missing = await api.get("/guidance/999999");
      expect(hidden.status).toBe(404);
      expect(await hidden.text()).toBe(await missing.text());
      expect((await api.get(`/guidance/${row?.id}/telegram`)).status).toBe(404);
      expect((await api.get(`/guidance/${row?.id}/word`)).status).toBe(404);
    }
  });
});

describe("drafting, clearing, approving and releasing guidance", () => {
  it("refuses a draft marked above the drafter's clearance or on another meeting's agenda item", async () => {
    const desk = await t.as("us.desk");
    const above = small();
    above.items[0]?.blocks[0]?.points.push({ text: "A secret point.", marking: "S" });
    const res = await desk.post("/guidance", { meetingId, content: above });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(["content.items.0.blocks.0.points.1.marking"]);
    const elsewhere = small();
    if (elsewhere.items[0]) elsewhere.items[0].agendaItemId = otherMeetingAgendaItem;
    const res2 = await desk.post("/guidance", { meetingId, content: elsewhere });
    expect(res2.status).toBe(400);
    expect(await fieldsOf(res2)).toEqual(["content.items.0.agendaItemId"]);
    const ref = await desk.post("/guidance", {
      meetingId,
      content: small({ references: [{ kind: "telegram", text: "STATE 99999", andPrevious: false }] }),
    });
    expect(ref.status).toBe(400);
    expect(JSON.stringify(await ref.json())).toContain("STATE 99999 has not been sent");
  });

  it("goes from draft through clearance and approval to one release, numbered next", async () => {
    const desk = await t.as("us.desk");
    const director = await t.as("us.director");
    const unmarked = small();
    if (unmarked.items[0]?.blocks[0]?.points[0]) unmarked.items[0].blocks[0].points[0].marking = "";
    const created = await desk.post("/guidance", { meetingId, content: unmarked });
    expect(created.status).toBe(201);
    const g = await created.json();
    expect(g).toMatchObject({ state: "draft", version: 1 });

    expect((await director.post(`/guidance/${g.id}/release`, {})).status).toBe(409);
    expect((await desk.post(`/guidance/${g.id}/clearance-requests`, { office: "EUR/WE" })).status).toBe(200);
    const refused = await director.post(`/guidance/${g.id}/approval`, { ...APPROVE, years: 60 });
    expect(refused.status).toBe(400);
    const fields = await fieldsOf(refused);
    expect(fields).toEqual(
      expect.arrayContaining(["items.0.blocks.0.points.0.marking", "clearances", "years"]),
    );
    expect(await desk.post(`/guidance/${g.id}/approval`, APPROVE).then((r) => r.status)).toBe(403);

    const saved = await desk.post(`/guidance/${g.id}/content`, { version: 1, content: small() });
    expect(saved.status).toBe(200);
    const stale = await desk.post(`/guidance/${g.id}/content`, { version: 1, content: small() });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe("guidance.stale_version");
    const notYet = await director.post(`/guidance/${g.id}/approval`, APPROVE);
    expect(JSON.stringify(await notYet.json())).toContain("EUR/WE has not cleared");
    expect((await desk.post(`/guidance/${g.id}/clearances`, { office: "EUR/WE" })).status).toBe(200);
    const approved = await director.post(`/guidance/${g.id}/approval`, APPROVE);
    expect(approved.status).toBe(200);
    expect((await approved.json()).state).toBe("approved");

    const [a, b] = await Promise.all([
      director.post(`/guidance/${g.id}/release`, {}),
      director.post(`/guidance/${g.id}/release`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const view = await (await director.get(`/guidance/${g.id}`)).json();
    expect(view.state).toBe("released");
    expect(view.release.reference).toBe("STATE 070896");
    const tg = await (await desk.get(`/telegrams/${view.release.telegramId}`)).json();
    expect(tg).toMatchObject({ messageRef: "08STATE70896", space: "US", originator: "SECSTATE WASHDC" });
    const compare = await (await desk.get(`/guidance/${g.id}/compare?a=1&b=2`)).json();
    expect(compare.changes).toEqual([
      expect.objectContaining({ field: "items.0.blocks.0.points.0", change: "changed" }),
    ]);
    const edit = await desk.post(`/guidance/${g.id}/content`, { version: 2, content: small() });
    expect(edit.status).toBe(409);
    expect((await edit.json()).error.message).toContain("released");
  });

  it("gives 50 releases at once 50 consecutive numbers", async () => {
    const db = t.deps.db;
    const now = new Date("2008-07-03T09:00:00Z");
    const desk = actingAs(await readerByUsername(db, "us.desk", now), now);
    const director = actingAs(await readerByUsername(db, "us.director", now), now);
    const ids: number[] = [];
    await db.transaction(async (tx) => {
      for (let i = 0; i < 50; i++) {
        const row = await createGuidance(tx, desk, { meetingId }, { content: small() });
        await approve(tx, director, row.id, APPROVE);
        ids.push(row.id);
      }
    });
    const [before] = (
      (await db.execute(
        sql`select last from message_counters where space = 'US' and station = 'STATE' and year = 2008`,
      )) as unknown as {
        rows: { last: number }[];
      }
    ).rows;
    await Promise.all(ids.map((id) => db.transaction((tx) => release(tx, director, id))));
    const rows = await db.select({ serial: guidance.serial }).from(guidance);
    const serials = rows
      .map((r) => r.serial)
      .filter((s): s is number => s !== null && s > Number(before?.last))
      .sort((x, y) => x - y);
    expect(serials).toHaveLength(50);
    expect((serials.at(-1) ?? 0) - (serials[0] ?? 0)).toBe(49);
  });
});

describe("the representative's side", () => {
  it("us.delegate reads the released guidance, files a report, and a request for guidance reaches the desk and is answered", async () => {
    const delegate = await t.as("us.delegate");
    const desk = await t.as("us.desk");
    const director = await t.as("us.director");
    const list = (await (await delegate.get("/guidance")).json()).guidance;
    expect(list.every((g: { state: string }) => g.state === "released")).toBe(true);
    const seed = list.find((g: { reference: string }) => g.reference === "STATE 070895");
    const report = await delegate.post("/reports", {
      guidanceId: seed.id,
      summary: { text: "The POC meeting took up the Canberra preparations.", marking: "C" },
      items: [
        {
          index: 5,
          said: { text: "The Chair described the outreach programme.", marking: "C" },
          outcome: { text: "Partners took note.", marking: "SBU" },
        },
      ],
      requests: [
        {
          index: 6,
          question: { text: "May the U.S. support a briefing of candidates in Canberra?", marking: "C" },
          neededBy: "2008-07-09T07:00Z",
        },
      ],
    });
    expect(report.status).toBe(201);
    const r = await report.json();
    expect(r).toMatchObject({ guidanceReference: "STATE 070895", slug: "ISN/MTR", banner: "C" });
    expect(r.items[0]).toMatchObject({ letter: "F", heading: { text: "OUTREACH" } });
    const tg = await (await desk.get(`/telegrams/${r.telegramId}`)).json();
    expect(tg.originator).toBe("AMEMBASSY PARIS");
    expect(tg.text).toContain("STATE 70895");

    const queue = (await (await desk.get("/reports?slug=ISN/MTR")).json()).reports;
    expect(queue.map((x: { id: number }) => x.id)).toContain(r.id);
    const open = (await (await desk.get("/guidance-requests?open=true")).json()).requests;
    const request = open.find((q: { reportId: number }) => q.reportId === r.id);
    expect(request).toMatchObject({ neededBy: "2008-07-09T07:00:00.000Z", answer: null });

    const answer = await desk.post(`/guidance-requests/${request.id}/answer`, {});
    expect(answer.status).toBe(201);
    const draft = await answer.json();
    expect(draft.content.references[0].text).toMatch(/^PARIS \d+$/);
    expect(draft.content.references[0].href).toBe(`/telegrams/${r.telegramId}`);
    const content = {
      ...SCENARIO_GUIDANCE,
      ...draft.content,
      actionRequest: { text: draft.content.actionRequest.text, marking: "U" },
      purpose: { text: draft.content.purpose.text, marking: "U" },
      references: draft.content.references.map((x: { kind: string; text: string; andPrevious: boolean }) => ({
        kind: x.kind,
        text: x.text,
        andPrevious: x.andPrevious,
      })),
      items: [
        {
          agendaItemId: draft.content.items[0].agendaItem.id,
          heading: { text: draft.content.items[0].heading.text, marking: "C" },
          background: { text: draft.content.items[0].background.text, marking: "C" },
          blocks: [{ mode: "should", points: [{ text: "Support the briefing.", marking: "C" }] }],
          notes: [],
        },
      ],
    };
    for (const k of ["subject", "openingNote", "closing"] as const)
      content[k] = draft.content[k] && { text: draft.content[k].text, marking: draft.content[k].marking };
    const saved = await desk.post(`/guidance/${draft.id}/content`, { version: 1, content });
    expect(saved.status).toBe(200);
    expect((await director.post(`/guidance/${draft.id}/approval`, APPROVE)).status).toBe(200);
    expect((await director.post(`/guidance/${draft.id}/release`, {})).status).toBe(200);
    const answered = await (await desk.get(`/guidance-requests/${request.id}`)).json();
    expect(answered.answer).toEqual({ guidanceId: draft.id, state: "released" });
    expect(answered.answeredAt).not.toBeNull();
  });

  it("refuses a report on an item the guidance lacks, unmarked, above the delegate, or needed in the past", async () => {
    const delegate = await t.as("us.delegate");
    const seed = (await (await delegate.get("/guidance")).json()).guidance[0];
    const res = await delegate.post("/reports", {
      guidanceId: seed.id,
      summary: { text: "Summary.", marking: "" },
      items: [{ index: 40, said: { text: "x", marking: "S" }, outcome: { text: "y", marking: "C" } }],
      requests: [{ index: null, question: { text: "q", marking: "C" }, neededBy: "2008-07-01T00:00Z" }],
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(
      expect.arrayContaining([
        "summary.marking",
        "items.0.index",
        "items.0.said.marking",
        "requests.0.neededBy",
      ]),
    );
  });

  it("shows a US reader below a portion's marking that portion withheld in JSON, telegram and list", async () => {
    const director = await t.as("us.director");
    const secret = small();
    secret.items[0]?.blocks[0]?.points.push({
      text: "Interdiction details for the director only.",
      marking: "S",
    });
    const created = await director.post("/guidance", { meetingId, content: secret });
    expect(created.status).toBe(201);
    const g = await created.json();
    const desk = await t.as("us.desk");
    const view = await (await desk.get(`/guidance/${g.id}`)).json();
    expect(view.banner).toBe("S");
    expect(view.content.items[0].blocks[0].points[1]).toEqual({ text: null, marking: "S", withheld: true });
    expect(JSON.stringify(view)).not.toContain("Interdiction details");
    const text = await (await desk.get(`/guidance/${g.id}/telegram`)).text();
    expect(text).toContain("[withheld: (S)]");
    expect(text).not.toContain("Interdiction details");
    const word = Buffer.from(await (await desk.get(`/guidance/${g.id}/word`)).arrayBuffer());
    const { default: mammoth } = await import("mammoth");
    const words = (await mammoth.extractRawText({ buffer: word })).value;
    expect(words).toContain("[withheld: (S)]");
    expect(words).toContain("SECRET");
    expect(words).not.toContain("Interdiction details");
    // Which export was taken, by whom, is in the log: one entry a request, marked as the guidance.
    const exports = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "guidance.export"), eq(auditLog.targetId, String(g.id))));
    expect(exports.map((e) => (e.details as { format: string }).format).sort()).toEqual(["telegram", "word"]);
    expect(await (await director.get(`/guidance/${g.id}/telegram`)).text()).toContain("Interdiction details");
  });
});

describe("a released guidance in the archive's search", () => {
  it("finds an S point's words for the director and not for the desk, whose snippet never shows them", async () => {
    const director = await t.as("us.director");
    const secret = small();
    secret.items[0]?.blocks[0]?.points.push({
      text: "Raise the quillwort interdiction quietly.",
      marking: "S",
    });
    const g = await (await director.post("/guidance", { meetingId, content: secret })).json();
    expect((await director.post(`/guidance/${g.id}/approval`, APPROVE)).status).toBe(200);
    expect((await director.post(`/guidance/${g.id}/release`, {})).status).toBe(200);
    const search = async (user: string, q: string) =>
      JSON.stringify(await (await (await t.as(user)).get(`/search?q=${q}&type=telegram`)).json());
    expect(await search("us.director", "quillwort")).toContain("quillwort");
    expect(await search("us.desk", "quillwort")).not.toContain("quillwort");
    // The telegram's other words are found by the desk, with no S text in the snippet.
    const desk = await search("us.desk", "French");
    expect(desk).toContain("hits");
    expect(desk).not.toContain("quillwort");
  });
});
