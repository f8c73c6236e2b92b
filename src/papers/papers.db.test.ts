import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { docxWith, pdfWith } from "../../test/support/documents.js";
import { actingAsUser, makeGovernment, makePaper, withClock } from "../../test/support/factories/index.js";
import { rowsOf } from "../core/db/index.js";
import { loadReader, userByUsername } from "../directory/index.js";
import { visibleMeetings } from "../meetings/index.js";
import { search } from "../search/search.js";
import { paperSearch } from "./search-source.js";

let t: TestContext;

/** The papers' search source as the one search runs it, for a user: papers' own part of search. */
async function searchPapers(username: string, q: string) {
  const u = await userByUsername(t.deps.db, username);
  const reader = u ? await loadReader(t.deps.db, u.id, t.clock.now()) : null;
  if (!reader) throw new Error(`no user ${username}`);
  return search(t.deps.db, reader, [paperSearch], { q, limit: 20, offset: 0 });
}

beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

/** A scenario meeting's id, by its uid, as the Point of Contact sees it. */
const meetingId = async (uid: string) => {
  const poc = await actingAsUser(t, "fr.poc");
  const found = (await visibleMeetings(t.deps.db, poc.reader)).find((m) => m.uid === uid);
  if (!found) throw new Error(`no meeting ${uid}`);
  return found.id;
};
const count = async (table: string) =>
  (await rowsOf<{ n: number }>(t.deps.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;

const ie = (title: string, extra: Record<string, unknown> = {}) => ({
  kind: "ie_paper",
  title: { text: title, marking: "RR" },
  summary: { text: "Ten lines at most.", marking: "RR" },
  countryOfOrigin: "United States",
  ...extra,
});

describe("the register", () => {
  it("gives 50 papers submitted at once 50 consecutive numbers", async () => {
    const [{ n: before } = { n: 0 }] = await rowsOf<{ n: number }>(
      t.deps.db,
      sql`select max(number)::int as n from papers`,
    );
    const us = await t.as("us.delegate");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        us.post("/papers", ie(`Concurrent paper ${i}`)).then((r) => r.json()),
      ),
    );
    const numbers = results.map((r) => r.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i));
  });

  it("numbers a paper when the Point of Contact receives it, so other governments' drafts leave no gap", async () => {
    const gb = await t.as("gb.delegate");
    const us = await t.as("us.desk");
    const first = await (await gb.post("/papers", ie("Before the drafts"))).json();
    const drafts = [];
    for (const n of [1, 2, 3])
      drafts.push(await (await us.post("/papers", ie(`US draft ${n}`, { submit: false }))).json());
    expect(drafts.map((d) => [d.number, d.label])).toEqual(Array(3).fill([null, "Draft (no number yet)"]));
    expect((await (await us.get(`/papers/${drafts[0].ref}`)).json()).ref).toBe(drafts[0].ref);
    // Another government's drafts take no number: the next paper follows the last without a gap.
    const second = await (await gb.post("/papers", ie("After the drafts"))).json();
    expect(second.number).toBe(first.number + 1);
    expect((await gb.get(`/papers/${drafts[0].ref}`)).status).toBe(404);
    // A draft submitted takes the next number; its draft address still answers, with the number.
    const submitted = await (await us.patch(`/papers/${drafts[0].ref}`, { status: "submitted" })).json();
    expect(submitted).toMatchObject({ number: first.number + 2, label: `POC DOC ${first.number + 2}` });
    expect((await (await us.get(`/papers/${drafts[0].ref}`)).json()).number).toBe(first.number + 2);
    // A draft withdrawn never takes one.
    const withdrawn = await (await us.patch(`/papers/${drafts[1].ref}`, { status: "withdrawn" })).json();
    expect(withdrawn.number).toBeNull();
    // The Point of Contact's own draft is received as it is circulated.
    const poc = await t.as("fr.poc");
    const own = await (
      await poc.post("/papers", { ...ie("POC draft"), kind: "report", countryOfOrigin: null, submit: false })
    ).json();
    expect(own.number).toBeNull();
    const circulated = await (await poc.post(`/papers/${own.ref}/circulate`)).json();
    expect(circulated).toMatchObject({ number: first.number + 3, status: "circulated" });
  });

  it("answers numbers beyond the database's integers with a 400 that says so, in the API and the pages", async () => {
    const us = await t.as("us.delegate");
    const api = await us.get("/papers/3000000000");
    expect(api.status).toBe(400);
    expect((await api.json()).error.message).toContain("number: at most 2147483647");
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
    expect((await (await t.as("fr.poc")).get(`/papers/${draft.ref}`)).status).toBe(404);

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
    expect(sent[0]?.body).not.toContain("Proliferator");
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
    const deSearch = await searchPapers("de.delegate", "lessons");
    expect(deSearch).toEqual({
      total: 0,
      facets: { paper: 0 },
      years: [],
      meetings: [],
      originators: [],
      markings: [],
      ranked: 0,
      hits: [],
    });
    const gbSearch = await searchPapers("gb.delegate", "lessons");
    expect(gbSearch.total).toBe(1);
    expect(gbSearch.hits[0]?.snippet).toContain("«Lessons»");
    const admin = await (await (await t.as("admin")).get("/papers/66")).json();
    expect(admin.title).toEqual({ withheld: true, marking: "RR", heading: null, text: null });
  });
});

describe("the audit log", () => {
  it("keeps entries about a paper in its government's space until it is circulated", async () => {
    const us = await t.as("us.desk");
    const draft = await (await us.post("/papers", ie("Audited draft", { submit: false }))).json();
    expect(draft).toMatchObject({ number: null, label: "Draft (no number yet)" });
    expect(draft.ref).toMatch(/^draft-\d+$/);
    const admin = await t.as("admin"); // of France
    const seen = async (target: string) =>
      (await (await admin.get(`/audit?target=${target}`)).json()).entries.filter(
        (e: { target: string }) => e.target === target,
      );
    expect(await seen(`paper:${draft.ref}`)).toEqual([]);
    const submitted = await (await us.patch(`/papers/${draft.ref}`, { status: "submitted" })).json();
    expect(submitted.number).toBeGreaterThan(90);
    expect(await seen(`paper:${submitted.number}`)).toEqual([]);
    await (await t.as("fr.poc")).post(`/papers/${submitted.ref}/circulate`);
    expect((await seen(`paper:${submitted.number}`)).map((e: { action: string }) => e.action)).toContain(
      "paper.circulate",
    );
    expect(await seen(`paper:${draft.ref}`)).toEqual([]);
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
      return t.request(`/api/v1/papers/${paper.ref}/files`, {
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
    const view = await (await us.get(`/papers/${paper.ref}`)).json();
    expect(view.files.map((f: { filename: string }) => f.filename)).toEqual(["practice.docx", "annex.pdf"]);
    const found = await searchPapers("us.delegate", "brokering");
    expect(found.hits[0]?.ref).toBe(`POC DOC ${paper.number}`);
    const dl = await us.get(`/papers/${paper.ref}/files/${view.files[0].id}`);
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
    const late = await withClock(t, "2008-10-08T01:00:00Z", async () =>
      (await us.post("/papers", ie("Too late", { meetingId: ieMeeting }))).json(),
    );
    expect(late.late).toEqual({ seconds: 2 * 86400 + 12 * 3600, text: "2 days 12 hours late" });
    const deadlines = await (
      await us.get(`/meetings/${await meetingId("mtcr-2008-canberra-plenary@plenary")}/deadlines`)
    ).json();
    expect(JSON.stringify(deadlines)).toContain("Too late");
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
    await (await t.as("fr.poc")).post(`/papers/${paper.ref}/circulate`);
    expect(await listed("gb.delegate")).toContain(`${label} Restricted cormorant survey`);
    const de = await listed("de.delegate");
    expect(de).toContain(`${label} [withheld: (RC)]`);
    expect(de).not.toContain("cormorant");
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

describe("reads", () => {
  const reads = async (action: string) =>
    (
      await rowsOf<{ n: number }>(
        t.deps.db,
        sql`select count(*)::int as n from audit_log where action = ${action}`,
      )
    )[0]?.n ?? 0;

  it("are audited where the paper is read, once a read, and a list reads none", async () => {
    const p = await makePaper(t, { government: "GB", status: "circulated" });
    const gb = await t.as("gb.delegate");
    const before = await reads("paper.read");
    expect((await gb.get(`/papers/${p.ref}`)).status).toBe(200);
    expect(await reads("paper.read")).toBe(before + 1);
    expect((await gb.get("/papers")).status).toBe(200);
    expect(await reads("paper.read")).toBe(before + 1);
    expect((await gb.get(`/papers/${p.ref}/word`)).status).toBe(200);
    expect(await reads("paper.read")).toBe(before + 2);
    const s = await t.session("gb.delegate");
    await t.request(`/papers/${p.ref}`, { headers: { cookie: s.cookie } });
    expect(await reads("paper.read")).toBe(before + 3);
  });

  it("give the matrix's seeded file to readers cleared for its marking, and refuse others naming it", async () => {
    const de = await t.as("de.delegate");
    const matrix = await (await de.get("/papers/39")).json();
    expect(matrix.files).toEqual([
      expect.objectContaining({ id: 1, filename: "POC-DOC-39-matrix.docx", marking: "RR", withheld: false }),
    ]);
    const before = await reads("paper.file_read");
    const file = await de.get("/papers/39/files/1");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("wordprocessingml");
    expect(await reads("paper.file_read")).toBe(before + 1);
    // Above the reader's clearance, the file's name, type and size are all withheld.
    const asAdmin = await (await (await t.as("admin")).get("/papers/39")).json();
    expect(asAdmin.files).toEqual([
      expect.objectContaining({ id: 1, marking: "RR", withheld: true, mediaType: null, size: null }),
    ]);
    expect(JSON.stringify(asAdmin.files)).not.toContain("matrix.docx");
    expect(JSON.stringify(asAdmin.files)).not.toContain("wordprocessingml");
    const refused = await (await t.as("admin")).get("/papers/39/files/1");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe("This file is marked RR, above your regime clearance.");
    expect(await reads("paper.file_read")).toBe(before + 1);
    const hidden = await (await t.as("kz.candidate")).get("/papers/39/files/1");
    expect(hidden.status).toBe(404);
  });
});

describe("the papers factory", () => {
  it("makes papers at each stage, seen as the register lets them be seen", async () => {
    const draft = await makePaper(t, { government: "DE", status: "draft" });
    const submitted = await makePaper(t, { government: "DE" });
    const circulated = await makePaper(t, {
      government: "DE",
      status: "circulated",
      markings: { sections: ["RC"] },
    });
    const withdrawn = await makePaper(t, { government: "DE", status: "withdrawn" });
    expect([draft, submitted, circulated, withdrawn].map((p) => p.status)).toEqual([
      "draft",
      "submitted",
      "circulated",
      "withdrawn",
    ]);
    const status = async (user: string, ref: string) =>
      (await (await t.as(user)).get(`/papers/${ref}`)).status;
    expect(await status("fr.poc", draft.ref)).toBe(404);
    expect(await status("fr.poc", submitted.ref)).toBe(200);
    expect(await status("gb.delegate", submitted.ref)).toBe(404);
    const seen = await (await (await t.as("de.delegate")).get(`/papers/${circulated.ref}`)).json();
    expect(seen.sections).toEqual([{ withheld: true, marking: "RC", heading: null, text: null }]);
    expect(seen.marking).toBe("RC");
  });

  it("makes papers of a government of the test's own, for a meeting given by its uid", async () => {
    const code = await makeGovernment(t);
    const p = await makePaper(t, { government: code, meeting: "mtcr-2008-canberra-ie@plenary" });
    expect(p.governmentCode).toBe(code);
    expect(p.dueAt?.toISOString()).toBe("2008-10-05T13:00:00.000Z");
    // The government's writer is made once, and writes its next paper too.
    expect((await makePaper(t, { government: code })).createdBy).toBe(p.createdBy);
  });
});
