import { sql } from "drizzle-orm";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { actingAsUser, makeCall, makeMeeting } from "../../test/support/factories/index.js";
import { pageClient } from "../../test/support/pages.js";
import { rowsOf } from "../core/db/index.js";
import { visibleMeetings } from "../meetings/index.js";

let t: TestContext;
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
const agendas = async () =>
  (
    await rowsOf<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from papers where kind = 'draft_agenda'`,
    )
  )[0]?.n ?? 0;

const { page, post } = pageClient(() => t);

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
    const before = await agendas();
    const answers = await Promise.all([
      chair.post(`/calls/${call.id}/agenda`),
      chair.post(`/calls/${call.id}/agenda`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const after = await agendas();
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
    const word = await chair.get(`/papers/${agenda.ref}/word`);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await word.arrayBuffer()) })).value;
    expect(text).toContain(`POC DOC ${agenda.number}`);
    expect(text.indexOf("UAV ranges")).toBeLessThan(text.indexOf("Item 3.A.1 thresholds"));
  });
});

describe("the calls' pages", () => {
  it("refuse a call without a title beside its field, with everything typed kept, and open it once corrected", async () => {
    const tem = await meetingId("mtcr-2008-canberra-tem@plenary");
    const typed = {
      meetingId: String(tem),
      title: "",
      summary: "Proposals on item 3.A.1, please.",
      closesOn: "",
    };
    const refused = await post("au.chair", "/calls", typed);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('<a href="#c-title">Title: give the call a title</a>');
    expect(refused.html).toMatch(/id="c-title-error"[^>]*>.*give the call a title/s);
    expect(refused.html).toContain(">Proposals on item 3.A.1, please.</textarea>");
    expect(refused.html).toMatch(new RegExp(`<option value="${tem}" selected`));
    const opened = await post("au.chair", "/calls", { ...typed, title: "Page-opened call" });
    expect(opened.status).toBe(303);
    expect(opened.location).toMatch(/^\/calls\/\d+\?notice=opened$/);
    const shown = await page("au.chair", opened.location ?? "");
    expect(shown.html).toContain("The call is open, and circulated as a paper.");
  });

  it("refuse a call for a meeting that is not an experts meeting, beside the meeting", async () => {
    const plenary = await meetingId("mtcr-2008-canberra-plenary@plenary");
    const refused = await post("fr.poc", "/calls", {
      meetingId: String(plenary),
      title: "Wrong",
      summary: "x",
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/id="c-meetingId-error"[^>]*>.*is not an experts meeting/s);
    expect(refused.html).toContain('value="Wrong"');
  });

  it("refuse a contribution without its country of origin, the typed title kept", async () => {
    const call = await makeCall(t);
    const refused = await post("gb.delegate", `/calls/${call.id}/contributions`, {
      kind: "paper",
      title: "Thresholds of item 3.A.1",
      countryOfOrigin: "",
      summary: "Why the thresholds should move.",
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/id="v-countryOfOrigin-error"[^>]*>.*name the country of origin/s);
    expect(refused.html).toContain('value="Thresholds of item 3.A.1"');
    expect(refused.html).toContain('<option value="paper" selected');
    const done = await post("gb.delegate", `/calls/${call.id}/contributions`, {
      kind: "paper",
      title: "Thresholds of item 3.A.1",
      countryOfOrigin: "United Kingdom",
      summary: "Why the thresholds should move.",
    });
    expect(done).toMatchObject({ status: 303, location: `/calls/${call.id}?notice=volunteered` });
  });

  it("save the chair's decisions, refuse a place that is not a number beside it, and issue the agenda", async () => {
    // The Canberra TEM's agenda is issued by another test: this call is the Canberra IE's.
    const call = await makeCall(t, {
      meeting: "mtcr-2008-canberra-ie@plenary",
      contributions: [
        { by: "us.delegate", title: "UAV ranges" },
        { by: "gb.delegate", title: "Propellant survey" },
      ],
    });
    const [us, gb] = call.contributions;
    const early = await post("au.chair", `/calls/${call.id}/agenda`, {});
    expect(early.status).toBe(400);
    expect(early.html).toContain("accept at least one contribution before issuing the agenda");
    const bad = await post("au.chair", `/calls/${call.id}/order`, {
      [`state-${us}`]: "accepted",
      [`position-${us}`]: "first",
      [`state-${gb}`]: "declined",
      [`position-${gb}`]: "",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(new RegExp(`id="d-position-${us}-error"[^>]*>.*a whole number`, "s"));
    expect(bad.html).toContain('value="first"');
    const saved = await post("au.chair", `/calls/${call.id}/order`, {
      [`state-${us}`]: "accepted",
      [`position-${us}`]: "1",
      [`state-${gb}`]: "declined",
      [`position-${gb}`]: "",
    });
    expect(saved).toMatchObject({ status: 303, location: `/calls/${call.id}?notice=decided` });
    const listed = (await (await (await t.as("au.chair")).get(`/calls/${call.id}`)).json()).contributions;
    expect(listed.map((x: { state: string; position: number | null }) => [x.state, x.position])).toEqual([
      ["accepted", 1],
      ["declined", null],
    ]);
    const issued = await post("au.chair", `/calls/${call.id}/agenda`, {});
    expect(issued.status).toBe(303);
    expect(issued.location).toMatch(/^\/papers\/\d+\?notice=issued$/);
    const agenda = await page("au.chair", issued.location ?? "");
    expect(agenda.html).toContain("The draft agenda is issued as this paper.");
    expect(agenda.html).toContain("1. UAV ranges (Testland; presentation)");
  });

  it("show each Partner its own contributions and the accepted ones; the chair sees all", async () => {
    const call = await makeCall(t, {
      contributions: [
        { by: "us.delegate", title: "Accepted talk", state: "accepted", position: 1 },
        { by: "us.desk", title: "Proposed talk" },
      ],
    });
    const gb = await page("gb.delegate", `/calls/${call.id}`);
    expect(gb.html).toContain("Accepted talk");
    expect(gb.html).not.toContain("Proposed talk");
    const us = await page("us.delegate", `/calls/${call.id}`);
    expect(us.html).toContain("Proposed talk");
    expect((await page("kz.candidate", `/calls/${call.id}`)).status).toBe(404);
  });
});

describe("changing a call's closing day", () => {
  it("moves it from the API for the chair, and refuses a Partner's delegate and a candidate", async () => {
    const call = await makeCall(t, { closesOn: "2008-09-01" });
    const chair = await t.as("au.chair");
    const res = await chair.patch(`/calls/${call.id}`, { closesOn: "2008-09-15" });
    expect(res.status).toBe(200);
    // The LEEM meets in Canberra: 15 September begins there at 14:00 UTC the day before (UTC+10).
    const moved = await res.json();
    expect(moved).toMatchObject({
      closesAt: "2008-09-14T14:00:00.000Z",
      closesOn: "2008-09-15",
      timeZone: "Australia/Sydney",
    });
    expect(
      (await (await t.as("gb.delegate")).patch(`/calls/${call.id}`, { closesOn: "2008-10-01" })).status,
    ).toBe(403);
    const hidden = await (await t.as("kz.candidate")).patch(`/calls/${call.id}`, { closesOn: "2008-10-01" });
    const missing = await (await t.as("kz.candidate")).patch("/calls/999999", { closesOn: "2008-10-01" });
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual(await missing.json());
    expect((await (await chair.get(`/calls/${call.id}`)).json()).closesAt).toBe("2008-09-14T14:00:00.000Z");
  });

  it("refuses a bad day beside its field on the page, keeping what was typed, and saves a good one", async () => {
    const call = await makeCall(t, { closesOn: "2008-09-01" });
    const shown = await page("au.chair", `/calls/${call.id}`);
    expect(shown.html).toContain('value="2008-09-01"');
    const bad = await post("au.chair", `/calls/${call.id}/closing`, { closesOn: "15 September" });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("a date as YYYY-MM-DD");
    expect(bad.html).toContain('value="15 September"');
    const same = await post("au.chair", `/calls/${call.id}/closing`, { closesOn: "2008-09-01" });
    expect(same.status).toBe(303);
    const good = await post("au.chair", `/calls/${call.id}/closing`, { closesOn: "2008-09-20" });
    expect(good.status).toBe(303);
    const after = (await page("au.chair", good.location ?? "")).html;
    expect(after).toContain("The closing day is changed.");
    expect(after).toContain('value="2008-09-20"');
    expect(after).toContain("00:00 Sat 20 Sep 2008 (UTC+10), 2008-09-19 14:00 UTC");
  });

  it("refuses to move a call whose draft agenda is issued", async () => {
    // A working group of its own: no other test issues a draft agenda for it.
    const twg = await makeMeeting(t, {
      kind: "twg",
      title: "Agenda-issued working group",
      firstDay: "2008-10-01",
      lastDay: "2008-10-01",
    });
    const call = await makeCall(t, {
      meeting: twg.id,
      closesOn: "2008-09-01",
      contributions: [{ state: "accepted" }],
    });
    const chair = await t.as("au.chair");
    const issued = await chair.post(`/calls/${call.id}/agenda`);
    expect(issued.status, JSON.stringify(await issued.clone().json())).toBe(201);
    const res = await chair.patch(`/calls/${call.id}`, { closesOn: "2008-09-30" });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("call.agenda_issued");
  });
});
