import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { form, type TestContext, testContext } from "../../test/support/context.js";
import { makePaper, makeUser } from "../../test/support/factories/index.js";

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

async function post(user: string, path: string, fields: Record<string, string>) {
  const s = await t.session(user);
  return t.request(path, {
    method: "POST",
    headers: { cookie: s.cookie, accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
    body: form({ ...fields, _csrf: s.csrf }),
  });
}

const paperJson = async (user: string, ref: string) =>
  (await (await t.as(user)).get(`/papers/${ref}`)).json();

const filled = (over: Record<string, string> = {}) => ({
  title: "A changed title",
  titleMarking: "RR",
  summary: "A changed summary.",
  summaryMarking: "RR",
  section0Heading: "",
  section0Text: "Section 1.",
  section0Marking: "RR",
  section1Heading: "",
  section1Text: "",
  section1Marking: "RR",
  countryOfOrigin: "Testland",
  meetingId: "",
  agendaItem: "",
  note: "",
  ...over,
});

describe("changing a paper from its page", () => {
  it("offers its own government the form filled in with the paper as it stands", async () => {
    const p = await makePaper(t, { status: "draft", markings: { sections: ["RR"] } });
    const shown = await page("us.delegate", `/papers/${p.ref}`);
    expect(shown.html).toContain(`href="/papers/${p.ref}/edit"`);
    const edit = await page("us.delegate", `/papers/${p.ref}/edit`);
    expect(edit.status).toBe(200);
    expect(edit.html).toContain(`value="${(await paperJson("us.delegate", p.ref)).title.text}"`);
    expect(edit.html).toContain("Section 1.");
    expect(edit.html).toContain("A new section (leave empty for none)");
    expect(edit.html).toContain("Save as version 2");
  });

  it("saves a draft's change as a new version, adds a section, and lands on the paper with a banner", async () => {
    const p = await makePaper(t, { status: "draft", markings: { sections: ["RR"] } });
    const res = await post(
      "us.delegate",
      `/papers/${p.ref}/edit`,
      filled({ section1Heading: "Annex", section1Text: "A new section.", note: "adds an annex" }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/papers/${p.ref}?notice=changed`);
    const json = await paperJson("us.delegate", p.ref);
    expect(json).toMatchObject({ version: 2, title: { text: "A changed title" }, status: "draft" });
    expect(json.sections.map((s: { heading: string | null; text: string }) => [s.heading, s.text])).toEqual([
      [null, "Section 1."],
      ["Annex", "A new section."],
    ]);
    expect((await page("us.delegate", `/papers/${p.ref}?notice=changed`)).html).toContain(
      "Saved as a new version.",
    );
  });

  it("gives a circulated paper its next version, seen by other Partners", async () => {
    const p = await makePaper(t, { status: "circulated" });
    const res = await post("us.delegate", `/papers/${p.ref}/edit`, filled({ section0Text: "" }));
    expect(res.status).toBe(303);
    const seen = await paperJson("gb.delegate", p.ref);
    expect(seen).toMatchObject({ version: 2, title: { text: "A changed title" }, sections: [] });
  });

  it("comes back with everything typed and the message beside the field, changing nothing", async () => {
    const p = await makePaper(t, { status: "draft", markings: { sections: ["RR"] } });
    const res = await post(
      "us.delegate",
      `/papers/${p.ref}/edit`,
      filled({ title: "", summary: "Kept text" }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("govuk-error-summary");
    expect(html).toContain('href="#edit-title"');
    expect(html).toContain("Kept text");
    expect((await paperJson("us.delegate", p.ref)).version).toBe(1);
  });

  it("refuses another government (403), a withdrawn paper, and one with a portion the editor cannot read", async () => {
    const circulated = await makePaper(t, { status: "circulated" });
    expect((await page("gb.delegate", `/papers/${circulated.ref}/edit`)).status).toBe(403);
    expect((await post("gb.delegate", `/papers/${circulated.ref}/edit`, filled())).status).toBe(403);
    const withdrawn = await makePaper(t, { status: "withdrawn" });
    expect((await page("us.delegate", `/papers/${withdrawn.ref}/edit`)).status).toBe(409);
    const rc = await makeUser(t, {
      government: "DE",
      roles: ["delegate"],
      regimeClearance: "RC",
      nationalClearance: "VS-V",
    });
    const above = await makePaper(t, {
      government: "DE",
      by: rc,
      status: "draft",
      markings: { sections: ["RC"] },
    });
    const refused = await page("de.delegate", `/papers/${above.ref}/edit`);
    expect(refused.status).toBe(409);
    expect(refused.html).toContain("above your clearance");
    expect((await page(rc, `/papers/${above.ref}/edit`)).status).toBe(200);
  });

  it("answers a paper the reader may not see exactly as a missing one", async () => {
    const draft = await makePaper(t, { status: "draft" });
    const hidden = await page("gb.delegate", `/papers/${draft.ref}/edit`);
    const missing = await page("gb.delegate", "/papers/999999/edit");
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
  });
});

describe("the register's pages", () => {
  it("reads one page of 50 in SQL, newest first, counting only what the reader may see", async () => {
    for (let i = 0; i < 55; i++) await makePaper(t, { status: "draft", government: "DE", by: "de.delegate" });
    const api = await t.as("de.delegate");
    const all = (await (await api.get("/papers")).json()).papers as { number: number | null; ref: string }[];
    const gbCount = (await (await t.as("gb.delegate")).get("/papers")).json() as Promise<{
      papers: unknown[];
    }>;
    const first = await page("de.delegate", "/papers");
    const second = await page("de.delegate", "/papers?page=2");
    expect(first.html).toContain(`${all.length} papers`);
    // Drafts have no number yet: they come first, newest first, each by its draft address.
    expect(all.slice(0, 55).every((p) => p.number === null)).toBe(true);
    const refs = (html: string) => [...html.matchAll(/href="\/papers\/((?:draft-)?\d+)"/g)].map((m) => m[1]);
    expect(refs(first.html)).toEqual(all.slice(0, 50).map((p) => p.ref));
    expect(refs(second.html)).toEqual(all.slice(50, 100).map((p) => p.ref));
    expect(first.html).toContain("Draft (no number yet)");
    // Germany's drafts are Germany's: the United Kingdom's count has none of them.
    const gb = await page("gb.delegate", "/papers");
    expect(gb.html).toContain(`${(await gbCount).papers.length} papers`);
    expect((await gbCount).papers.length).toBeLessThan(all.length);
  });
});
