import { eq, sql } from "drizzle-orm";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { docxWith, pdfWith } from "../../test/support/documents.js";
import { rowsOf } from "../core/db/index.js";
import { meetings } from "../meetings/schema.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

const meetingId = async (uid: string) =>
  (await t.deps.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.uid, uid)))[0]!.id;
const count = async (table: string) =>
  (await rowsOf<{ n: number }>(t.deps.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

const ie = (title: string, extra: Record<string, unknown> = {}) => ({
  kind: "ie_paper",
  title: { text: title, marking: "RR" },
  summary: { text: "Ten lines at most.", marking: "RR" },
  countryOfOrigin: "United States",
  ...extra,
});

describe("the register", () => {
  it("gives 50 papers submitted at once 50 consecutive numbers", async () => {
    const before = (await rowsOf<{ n: number }>(t.deps.db, sql`select max(number)::int as n from papers`))[0]!
      .n;
    const us = await t.as("us.delegate");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        us.post("/papers", ie(`Concurrent paper ${i}`)).then((r) => r.json()),
      ),
    );
    const numbers = results.map((r) => r.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i));
  });

  it("answers numbers beyond the database's integers with a 400 that says so, in the API and the pages", async () => {
    const us = await t.as("us.delegate");
    const api = await us.get("/papers/3000000000");
    expect(api.status).toBe(400);
    expect((await api.json()).error.message).toContain("number: at most 2147483647");
    const search = await us.get("/search?q=uav&offset=99999999999");
    expect(search.status).toBe(400);
    const s = await t.session("us.delegate");
    const page = await t.request("/papers/3000000000", {
      headers: { cookie: s.cookie, accept: "text/html" },
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("ids and counts run up to 2147483647");
  });

  it("refuses bad papers with a message naming the field, and writes nothing", async () => {
    const us = await t.as("us.delegate");
    const papersBefore = await count("papers");
    const auditBefore = await count("audit_log");
    const eleven = await us.post(
      "/papers",
      ie("Long summary", { summary: { text: Array(11).fill("x").join("\n"), marking: "RR" } }),
    );
    expect(eleven.status).toBe(400);
    expect((await eleven.json()).error.message).toContain(
      "summary.text: the summary takes 11 lines; at most 10 are allowed",
    );
    const noCountry = await us.post("/papers", ie("No country", { countryOfOrigin: null }));
    expect((await noCountry.json()).error.message).toContain("countryOfOrigin: an IE paper");
    const badMarking = await us.post("/papers", ie("Bad marking", { title: { text: "x", marking: "C" } }));
    expect((await badMarking.json()).error.message).toContain(
      "title.marking: C is not a regime marking; use one of PUBLIC, RR, RC",
    );
    const noMeeting = await us.post("/papers", ie("Nowhere", { meetingId: 99999 }));
    expect((await noMeeting.json()).error.message).toContain("meetingId: no meeting has the id 99999");
    expect(await us.post("/papers", ie("Submitted twice"))).toMatchObject({ status: 201 });
    const twice = await us.post("/papers", ie("submitted  TWICE"));
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.message).toMatch(/already in the register as POC DOC \d+/);
    expect(await count("papers")).toBe(papersBefore + 1);
    // The one paper registered: its submission, and the read of it that answered.
    expect(await count("audit_log")).toBe(auditBefore + 2);
  });
});

describe("circulation and who sees what", () => {
  it("keeps a submitted paper between its government and the Point of Contact until circulated, then tells every Partner", async () => {
    const us = await t.as("us.desk");
    const made = await (await us.post("/papers", ie("Proliferator procurement strategies"))).json();
    const n = made.number;
    expect((await (await t.as("gb.delegate")).get(`/papers/${n}`)).status).toBe(404);
    expect((await (await t.as("fr.poc")).get(`/papers/${n}`)).status).toBe(200);
    const draft = await (await us.post("/papers", ie("A draft", { submit: false }))).json();
    expect((await (await t.as("fr.poc")).get(`/papers/${draft.number}`)).status).toBe(404);

    const outboxBefore = await count("mail_outbox");
    const circulated = await (await t.as("fr.poc")).post(`/papers/${n}/circulate`);
    expect(circulated.status).toBe(200);
    expect((await circulated.json()).status).toBe("circulated");
    const mails = await rowsOf<{ recipient: string; subject: string; body: string }>(
      t.deps.db,
      sql`select recipient, subject, body from mail_outbox order by id desc limit 100`,
    );
    const sent = mails.slice(0, (await count("mail_outbox")) - outboxBefore);
    expect(sent.map((m) => m.recipient)).toEqual(
      expect.arrayContaining(["gb.delegate@demo.plenary.example"]),
    );
    expect(sent.map((m) => m.recipient)).not.toContain("kz.candidate@demo.plenary.example");
    // The notice names the paper, not its (marked) title.
    expect(sent[0]!.body).not.toContain("Proliferator");
    expect((await (await t.as("gb.delegate")).get(`/papers/${n}`)).status).toBe(200);
    const again = await (await t.as("fr.poc")).post(`/papers/${n}/circulate`);
    expect(again.status).toBe(409);
    // Withdrawn after circulation: still in the register, still visible, never uncirculated.
    const withdrawn = await us.patch(`/papers/${n}`, { status: "withdrawn", reason: "superseded" });
    expect((await withdrawn.json()).circulatedAt).not.toBeNull();
    expect((await (await t.as("kz.candidate")).get(`/papers/${n}`)).status).toBe(404);
  });

  it("withholds each portion above the reader's clearance, and search never matches it", async () => {
    const de = await (await (await t.as("de.delegate")).get("/papers/66")).json();
    const hidden = de.sections.filter((s: { withheld: boolean }) => s.withheld);
    expect(hidden).toHaveLength(2);
    expect(hidden[0]).toEqual({ withheld: true, marking: "RC", heading: null, text: null });
    // "Lessons learned from interdictions" is a REGIME CONFIDENTIAL heading of POC DOC 66.
    const deSearch = await (await (await t.as("de.delegate")).get("/search?q=lessons&type=paper")).json();
    expect(deSearch).toEqual({ total: 0, facets: { paper: 0, telegram: 0 }, hits: [] });
    const gbSearch = await (await (await t.as("gb.delegate")).get("/search?q=lessons&type=paper")).json();
    expect(gbSearch.total).toBe(1);
    expect(gbSearch.hits[0].snippet).toContain("«Lessons»");
    const admin = await (await (await t.as("admin")).get("/papers/66")).json();
    expect(admin.title).toEqual({ withheld: true, marking: "RR", heading: null, text: null });
  });
});

describe("the audit log", () => {
  it("keeps entries about a paper in its government's space until it is circulated", async () => {
    const us = await t.as("us.desk");
    const draft = await (await us.post("/papers", ie("Audited draft", { submit: false }))).json();
    const admin = await t.as("admin"); // of France
    const seen = async () =>
      (await (await admin.get(`/audit?target=paper:${draft.number}`)).json()).entries.filter(
        (e: { target: string }) => e.target === `paper:${draft.number}`,
      );
    expect(await seen()).toEqual([]);
    await us.patch(`/papers/${draft.number}`, { status: "submitted" });
    expect(await seen()).toEqual([]);
    await (await t.as("fr.poc")).post(`/papers/${draft.number}/circulate`);
    expect((await seen()).map((e: { action: string }) => e.action)).toContain("paper.circulate");
  });
});

describe("files", () => {
  it("attach PDF and Word files as versions, searchable by their text, and refuse the wrong content", async () => {
    const us = await t.as("us.delegate");
    const paper = await (await us.post("/papers", ie("Licensing practice"))).json();
    const upload = (name: string, bytes: Buffer, marking = "RR") => {
      const f = new FormData();
      f.set("file", new File([bytes], name));
      f.set("marking", marking);
      return t.request(`/api/v1/papers/${paper.number}/files`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokenOf}` },
        body: f,
      });
    };
    const tokenOf = await t.token("us.delegate");
    const docxBytes = await docxWith("Catch-all controls on brokering");
    const docx = await upload("practice.docx", docxBytes);
    expect(docx.status).toBe(201);
    const pdf = await upload("annex.pdf", pdfWith("Transshipment hubs watched"), "RC");
    expect((await pdf.json()).version).toBe(3);
    const wrong = await upload("fake.docx", pdfWith("x"));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toBe(
      "file: fake.docx is named as DOCX but its content is PDF",
    );
    const big = await upload("big.pdf", Buffer.concat([pdfWith("x"), Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(400);
    expect((await big.json()).error.message).toBe("file: big.pdf is 10.0 MB; files may be at most 10 MB");
    const huge = await upload("huge.pdf", Buffer.concat([pdfWith("x"), Buffer.alloc(11 * 1024 * 1024)]));
    expect(huge.status).toBe(413);
    const view = await (await us.get(`/papers/${paper.number}`)).json();
    expect(view.files.map((f: { filename: string }) => f.filename)).toEqual(["practice.docx", "annex.pdf"]);
    const found = await (await us.get("/search?q=brokering")).json();
    expect(found.hits[0].ref).toBe(`POC DOC ${paper.number}`);
    const dl = await us.get(`/papers/${paper.number}/files/${view.files[0].id}`);
    expect(Buffer.from(await dl.arrayBuffer()).equals(docxBytes)).toBe(true);
    expect(dl.headers.get("content-type")).toContain("wordprocessingml");
  });
});

describe("deadlines", () => {
  it("accepts an IE paper after its deadline and marks it late by how much", async () => {
    const ieMeeting = await meetingId("mtcr-2008-canberra-ie@plenary");
    const us = await t.as("us.director");
    const onTime = await (await us.post("/papers", ie("On time", { meetingId: ieMeeting }))).json();
    expect(onTime.late).toBeNull();
    expect(onTime.dueAt).toBe("2008-10-05T13:00:00.000Z");
    t.clock.set("2008-10-08T01:00:00Z");
    const late = await (await us.post("/papers", ie("Too late", { meetingId: ieMeeting }))).json();
    expect(late.late).toEqual({ seconds: 2 * 86400 + 12 * 3600, text: "2 days 12 hours late" });
    const deadlines = await (
      await us.get(`/meetings/${await meetingId("mtcr-2008-canberra-plenary@plenary")}/deadlines`)
    ).json();
    expect(JSON.stringify(deadlines)).toContain("Too late");
    t.clock.set("2008-07-02T12:02:00Z");
  });

  it("lists a paper among a deadline's submissions only to readers who may see it, its title withheld above their clearance", async () => {
    const ieMeeting = await meetingId("mtcr-2008-canberra-ie@plenary");
    const plenary = await meetingId("mtcr-2008-canberra-plenary@plenary");
    const us = await t.as("us.director");
    const paper = await (
      await us.post(
        "/papers",
        ie("Restricted cormorant survey", {
          meetingId: ieMeeting,
          title: { text: "Restricted cormorant survey", marking: "RC" },
        }),
      )
    ).json();
    const listed = async (user: string) =>
      JSON.stringify(await (await (await t.as(user)).get(`/meetings/${plenary}/deadlines`)).json());
    const label = `POC DOC ${paper.number}:`;
    expect(await listed("us.director")).toContain(`${label} Restricted cormorant survey`);
    // Submitted, not circulated: other Partners do not learn of it.
    expect(await listed("de.delegate")).not.toContain(label);
    await (await t.as("fr.poc")).post(`/papers/${paper.number}/circulate`);
    expect(await listed("gb.delegate")).toContain(`${label} Restricted cormorant survey`);
    const de = await listed("de.delegate");
    expect(de).toContain(`${label} [withheld: (RC)]`);
    expect(de).not.toContain("cormorant");
  });
});

describe("calls for papers and the agenda", () => {
  it("issues a call's agenda once when asked twice at the same moment", async () => {
    const tem = await meetingId("mtcr-2008-bonn-tem@plenary");
    const chair = await t.as("au.chair");
    const call = await (
      await chair.post("/calls", { meetingId: tem, title: "Twice-asked call", summary: "Once only." })
    ).json();
    const gb = await t.as("gb.delegate");
    await gb.post(`/calls/${call.id}/contributions`, {
      kind: "paper",
      title: "Propellant survey",
      countryOfOrigin: "United Kingdom",
      summary: "A.",
    });
    const [offered] = (await (await chair.get(`/calls/${call.id}`)).json()).contributions;
    await chair.patch(`/calls/${call.id}/contributions/${offered.id}`, { state: "accepted", position: 1 });
    const before = (
      await rowsOf<{ n: number }>(
        t.deps.db,
        sql`select count(*)::int as n from papers where kind = 'draft_agenda'`,
      )
    )[0]!.n;
    const answers = await Promise.all([
      chair.post(`/calls/${call.id}/agenda`),
      chair.post(`/calls/${call.id}/agenda`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const after = (
      await rowsOf<{ n: number }>(
        t.deps.db,
        sql`select count(*)::int as n from papers where kind = 'draft_agenda'`,
      )
    )[0]!.n;
    expect(after).toBe(before + 1);
  });

  it("the chair opens a call, Partners volunteer, the chair orders and issues the agenda as a Word document", async () => {
    const tem = await meetingId("mtcr-2008-canberra-tem@plenary");
    const chair = await t.as("au.chair");
    const call = await (
      await chair.post("/calls", { meetingId: tem, title: "TEM call", summary: "Proposals, please." })
    ).json();
    expect(call.closesAt).toBe("2008-09-03T14:00:00.000Z");
    const gb = await t.as("gb.delegate");
    const us = await t.as("us.desk");
    await gb.post(`/calls/${call.id}/contributions`, {
      kind: "paper",
      title: "Item 3.A.1 thresholds",
      countryOfOrigin: "United Kingdom",
      summary: "A.",
    });
    await us.post(`/calls/${call.id}/contributions`, {
      kind: "presentation",
      title: "UAV ranges",
      countryOfOrigin: "United States",
      summary: "B.",
    });
    const bad = await us.post(`/calls/${call.id}/contributions`, {
      kind: "paper",
      title: "x",
      countryOfOrigin: "",
      summary: "y",
    });
    expect((await bad.json()).error.message).toContain("countryOfOrigin: name the country of origin");
    // Each Partner sees its own proposals; the chair sees all.
    expect((await (await gb.get(`/calls/${call.id}`)).json()).contributions).toHaveLength(1);
    const all = (await (await chair.get(`/calls/${call.id}`)).json()).contributions;
    expect(all).toHaveLength(2);
    const [gbc, usc] = [
      all.find((c: { government: string }) => c.government === "GB"),
      all.find((c: { government: string }) => c.government === "US"),
    ];
    await chair.patch(`/calls/${call.id}/contributions/${usc.id}`, { state: "accepted", position: 1 });
    await chair.patch(`/calls/${call.id}/contributions/${gbc.id}`, { state: "accepted", position: 2 });
    const agenda = await (await chair.post(`/calls/${call.id}/agenda`)).json();
    expect(agenda.kind).toBe("draft_agenda");
    expect(agenda.sections.map((s: { heading: string }) => s.heading)).toEqual([
      "1. UAV ranges (United States; presentation)",
      "2. Item 3.A.1 thresholds (United Kingdom; paper)",
    ]);
    expect((await chair.post(`/calls/${call.id}/agenda`)).status).toBe(409);
    // Issued, not yet circulated: other Partners do not learn its number.
    expect((await (await chair.get(`/calls/${call.id}`)).json()).agendaPaper).toBe(agenda.number);
    expect((await (await gb.get(`/calls/${call.id}`)).json()).agendaPaper).toBeNull();
    const word = await chair.get(`/papers/${agenda.number}/word`);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await word.arrayBuffer()) })).value;
    expect(text).toContain(`POC DOC ${agenda.number}`);
    expect(text.indexOf("UAV ranges")).toBeLessThan(text.indexOf("Item 3.A.1 thresholds"));
  });
});

describe("the register's list", () => {
  it("shows each paper with its own title", async () => {
    const list = (await (await (await t.as("gb.delegate")).get("/papers")).json()).papers;
    const title = (n: number) => list.find((p: { number: number }) => p.number === n).title;
    expect(title(39)).toBe("Matrix of Partner implementation of changes to the MTCR Annex");
    expect(title(66)).toBe("Draft agenda of the Canberra Information Exchange");
    expect(title(90)).toBe("Draft agenda of the Canberra LEEM");
  });
});

describe("pages", () => {
  it("show the register, a paper with its markings, and the late mark", async () => {
    const s = await t.session("gb.delegate");
    const reg = await (await t.request("/papers", { headers: { cookie: s.cookie } })).text();
    expect(reg).toContain("POC DOC 39");
    expect(reg).toContain("Submit a paper");
    const page = await (await t.request("/papers/66", { headers: { cookie: s.cookie } })).text();
    expect(page).toContain("Draft agenda of the Canberra Information Exchange");
    const de = await t.session("de.delegate");
    const dePage = await (await t.request("/papers/66", { headers: { cookie: de.cookie } })).text();
    expect(dePage).toContain("[withheld: (RC)]");
    expect(dePage).not.toContain("Lessons learned from interdictions");
  });
});
