import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { form, type TestContext, testContext } from "../../test/support/context.js";
import { docxWith } from "../../test/support/documents.js";
import { makePaper } from "../../test/support/factories/index.js";
import { papers } from "./schema.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

async function page(user: string, path: string) {
  const s = await t.session(user);
  const res = await t.request(path, { headers: { cookie: s.cookie, accept: "text/html" } });
  return { status: res.status, html: await res.text() };
}

async function send(path: string, body: URLSearchParams | FormData, cookie: string) {
  const res = await t.request(path, {
    method: "POST",
    headers: {
      cookie,
      accept: "text/html",
      ...(body instanceof URLSearchParams ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body,
  });
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
}

async function post(user: string, path: string, fields: Record<string, string>) {
  const s = await t.session(user);
  return send(path, form({ ...fields, _csrf: s.csrf }), s.cookie);
}

async function upload(user: string, path: string, file: File | null, marking: string) {
  const s = await t.session(user);
  const f = new FormData();
  f.set("_csrf", s.csrf);
  f.set("marking", marking);
  if (file) f.set("file", file);
  return send(path, f, s.cookie);
}

const paper = (extra: Record<string, string> = {}) => ({
  kind: "ie_paper",
  title: "Procurement through brokers",
  titleMarking: "RR",
  countryOfOrigin: "United States",
  summary: "Seen in 2008.",
  summaryMarking: "RR",
  text: "",
  textMarking: "RR",
  meetingId: "",
  agendaItem: "",
  ...extra,
});

describe("the register's form", () => {
  it("refuses a paper beside the field at fault, with everything typed kept", async () => {
    const noCountry = await post(
      "us.delegate",
      "/papers",
      paper({ countryOfOrigin: "", titleMarking: "RC" }),
    );
    expect(noCountry.status).toBe(400);
    expect(noCountry.html).toContain(
      '<a href="#p-countryOfOrigin">Country of origin (shown on the title page): an IE paper',
    );
    expect(noCountry.html).toMatch(/id="p-countryOfOrigin-error"[^>]*>.*names its country of origin/s);
    expect(noCountry.html).toContain('value="Procurement through brokers"');
    expect(noCountry.html).toContain(">Seen in 2008.</textarea>");
    expect(noCountry.html).toMatch(/<option value="RC" selected[^>]*>Regime confidential/i);
    const long = await post("us.delegate", "/papers", paper({ summary: Array(11).fill("line").join("\n") }));
    expect(long.status).toBe(400);
    expect(long.html).toMatch(/id="p-summary-error"[^>]*>.*the summary takes 11 lines/s);
    const untitled = await post("us.delegate", "/papers", paper({ title: "" }));
    expect(untitled.html).toMatch(/id="p-title-error"[^>]*>.*write something/s);
  });

  it("registers a paper and lands on it, submitted or kept as a draft", async () => {
    const submitted = await post("us.delegate", "/papers", paper({ title: "Registered from the page" }));
    expect(submitted.status).toBe(303);
    expect(submitted.location).toMatch(/^\/papers\/\d+\?notice=submitted$/);
    expect((await page("us.delegate", submitted.location ?? "")).html).toContain(
      "Submitted to the Point of Contact.",
    );
    const again = await post("us.delegate", "/papers", paper({ title: "Registered from the page" }));
    expect(again.status).toBe(409);
    expect(again.html).toMatch(/already in the register as POC DOC \d+/);
    expect(again.html).toContain('value="Registered from the page"');
    const draft = await post("us.delegate", "/papers", paper({ title: "Kept back", draft: "1" }));
    expect(draft.location).toMatch(/\?notice=drafted$/);
    const shown = await page("us.delegate", draft.location ?? "");
    expect(shown.html).toContain("Kept as a draft of your government.");
    expect(shown.html).toContain("Submit to the Point of Contact");
  });
});

describe("a paper's forms", () => {
  it("refuse a file that is not what it says beside the file, the marking kept, and attach a real one", async () => {
    const p = await makePaper(t, { government: "US" });
    const path = `/papers/${p.ref}/files`;
    const none = await upload("us.delegate", path, null, "RC");
    expect(none.status).toBe(400);
    expect(none.html).toMatch(/id="f-file-error"[^>]*>.*choose a file to attach/s);
    const fake = await upload("us.delegate", path, new File([Buffer.from("plain text")], "notes.pdf"), "RC");
    expect(fake.status).toBe(400);
    expect(fake.html).toMatch(/id="f-file-error"[^>]*>.*notes.pdf is named as PDF but its content is not/s);
    expect(fake.html).toMatch(/<option value="RC" selected/);
    const real = await upload(
      "us.delegate",
      path,
      new File([await docxWith("Brokers")], "brokers.docx"),
      "RR",
    );
    expect(real).toMatchObject({ status: 303, location: `/papers/${p.ref}?notice=attached` });
    expect((await page("us.delegate", `/papers/${p.ref}`)).html).toContain("brokers.docx");
  });

  it("refuse a file whose text holds portion marks above the chosen marking, naming them beside the marking", async () => {
    const p = await makePaper(t, { government: "US" });
    const path = `/papers/${p.ref}/files`;
    const file = async () =>
      new File([await docxWith("(RR) Briefings. (RC) Interdictions in 2008.")], "brief.docx");
    const low = await upload("us.delegate", path, await file(), "RR");
    expect(low.status).toBe(400);
    expect(low.html).toMatch(
      /id="f-marking-error"[^>]*>.*brief.docx holds portions marked \(RC\), above RR: choose RC or higher/s,
    );
    expect(low.html).toMatch(/<option value="RR" selected/);
    const right = await upload("us.delegate", path, await file(), "RC");
    expect(right).toMatchObject({ status: 303, location: `/papers/${p.ref}?notice=attached` });
  });

  it("offers a new file the paper's current banner as its marking, not the bottom of the ladder", async () => {
    for (const [sections, code, words] of [
      [[], "RR", "REGIME RESTRICTED"],
      [["RC"], "RC", "REGIME CONFIDENTIAL"],
    ] as const) {
      const p = await makePaper(t, { government: "US", markings: { sections: [...sections] } });
      const { html } = await page("us.delegate", `/papers/${p.ref}`);
      expect(html).toContain(`<span class="govuk-visually-hidden">Marking: </span>${words}</p>`);
      const select = /<select[^>]*id="f-marking"[\s\S]*?<\/select>/.exec(html)?.[0] ?? "";
      expect(/<option value="([A-Z]+)" selected/.exec(select)?.[1]).toBe(code);
    }
  });

  it("refuse another government's file on the page, saying who attaches files", async () => {
    const p = await makePaper(t, { government: "US", status: "circulated" });
    const refused = await upload(
      "gb.delegate",
      `/papers/${p.ref}/files`,
      new File([await docxWith("x")], "x.docx"),
      "RR",
    );
    expect(refused.status).toBe(403);
    expect(refused.html).toContain("Only the government that submitted a paper attaches files to it.");
    // Nothing there is offered to them to try again.
    expect(refused.html).not.toContain(`action="/papers/${p.ref}/files"`);
  });

  it("submit a draft, circulate it at the Point of Contact once, and withdraw it", async () => {
    const p = await makePaper(t, { government: "US", status: "draft" });
    expect(p).toMatchObject({ number: null, ref: `draft-${p.id}` });
    const submitted = await post("us.desk", `/papers/${p.ref}/status`, { status: "submitted" });
    // Received by the Point of Contact, the draft takes its number: the paper is at that address now.
    const number = (await t.deps.db.select().from(papers).where(eq(papers.id, p.id)))[0]?.number;
    expect(number).toBeGreaterThan(90);
    expect(submitted).toMatchObject({ status: 303, location: `/papers/${number}?notice=submitted` });
    expect((await page("fr.poc", `/papers/${number}`)).html).toContain("Circulate to all Partners");
    const circulated = await post("fr.poc", `/papers/${number}/circulate`, {});
    expect(circulated).toMatchObject({ status: 303, location: `/papers/${number}?notice=circulated` });
    const again = await post("fr.poc", `/papers/${number}/circulate`, {});
    expect(again.status).toBe(409);
    expect(again.html).toContain("circulate a new version by changing it");
    const withdrawn = await post("fr.poc", `/papers/${number}/status`, {
      status: "withdrawn",
      reason: "superseded",
    });
    expect(withdrawn).toMatchObject({ status: 303, location: `/papers/${number}?notice=withdrawn` });
    const twice = await post("us.delegate", `/papers/${number}/status`, {
      status: "withdrawn",
      reason: "twice",
    });
    expect(twice.status).toBe(409);
    expect(twice.html).toContain("is withdrawn and cannot change");
  });

  it("offer each reader only what they may do", async () => {
    const p = await makePaper(t, { government: "US", status: "circulated" });
    const own = (await page("us.delegate", `/papers/${p.ref}`)).html;
    expect(own).toContain(`action="/papers/${p.ref}/files"`);
    expect(own).toContain("Reason for withdrawal");
    const other = (await page("gb.delegate", `/papers/${p.ref}`)).html;
    expect(other).not.toContain(`action="/papers/${p.ref}/files"`);
    expect(other).not.toContain("Reason for withdrawal");
    // The Point of Contact withdraws any paper, and attaches files to none but France's.
    const poc = (await page("fr.poc", `/papers/${p.ref}`)).html;
    expect(poc).toContain("Reason for withdrawal");
    expect(poc).not.toContain(`action="/papers/${p.ref}/files"`);
  });
});
