import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makeMeeting, withClock } from "../../test/support/factories/index.js";
import { auditCount } from "../core/audit/append.js";
import { deadlineRules, meetings } from "./schema.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

interface MeetingJson {
  id: number;
  title: string;
  firstDay: string;
  lastDay: string;
  status: string;
  revision: number;
  daysWithoutSessions: string[];
  conjunctionWith: { id: number; title: string } | null;
  kindLabel: string;
  dateChanges: {
    id: number;
    proposedBy: string;
    agreement: string;
    from: { firstDay: string };
    to: { firstDay: string };
  }[];
}
interface DeadlineJson {
  rule: { id: number; code: string };
  meeting: { id: number; title: string };
  dueAt: string;
  dueLocal: string;
  passed: boolean;
  waivers: { government: { code: string }; reason: string }[];
  submissions: { government: { code: string }; late: boolean; lateBy: string }[];
}

/** The value, which the test expects to be there. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

async function meetingByTitle(title: string): Promise<MeetingJson> {
  const res = await (await t.as("us.delegate")).get("/meetings");
  const list = (await res.json()).meetings as MeetingJson[];
  const m = list.find((x) => x.title === title);
  if (!m) throw new Error(`no meeting ${title}`);
  return m;
}

async function deadlinesOf(id: number, user = "us.delegate"): Promise<DeadlineJson[]> {
  const res = await (await t.as(user)).get(`/meetings/${id}/deadlines`);
  expect(res.status).toBe(200);
  return (await res.json()).deadlines;
}

async function counts() {
  const db = t.deps.db;
  const [m] = await db.select({ n: count() }).from(meetings);
  const [r] = await db.select({ n: count() }).from(deadlineRules);
  return { meetings: must(m, "count").n, rules: must(r, "count").n, audit: await auditCount(db) };
}

describe("the reference scenario's meetings", () => {
  it("holds the meetings of 2007–2008 with the Canberra TEM's dates, days off and date change", async () => {
    const res = await (await t.as("us.delegate")).get("/meetings?year=2008");
    const list = (await res.json()).meetings as MeetingJson[];
    expect(list.map((m) => `${m.firstDay} ${m.title}`)).toEqual([
      "2008-04-10 12th Reinforced POC meeting, Paris",
      "2008-06-17 2008 Bonn TEM (intersessional)",
      "2008-07-08 POC meeting, 8 July 2008",
      "2008-10-30 2008 Canberra TEM",
      "2008-11-03 2008 Canberra Plenary",
      "2008-11-05 2008 Canberra LEEM",
      "2008-11-06 2008 Canberra IE",
    ]);
    const tem = must(
      list.find((m) => m.title === "2008 Canberra TEM"),
      "Canberra TEM",
    );
    expect(tem).toMatchObject({
      lastDay: "2008-11-04",
      daysWithoutSessions: ["2008-11-01", "2008-11-02"],
      conjunctionWith: { title: "2008 Canberra Plenary" },
      kindLabel: "Technical Experts Meeting (Plenary week)",
      status: "provisionally_agreed",
    });
    expect(tem.dateChanges).toEqual([
      expect.objectContaining({
        proposedBy: "the TEM Chair",
        proposedOn: "2008-04-10",
        // Provisionally agreed at the RPOC, then adopted by silence on 30 June (decision 2).
        agreement: "agreed",
        from: { firstDay: "2008-11-03", lastDay: "2008-11-04" },
        to: { firstDay: "2008-10-30", lastDay: "2008-11-04" },
      }),
    ]);
    expect(list.find((m) => m.title.startsWith("2008 Bonn"))?.kindLabel).toBe(
      "Technical Experts Meeting (intersessional)",
    );
  });

  it("computes the deadlines of STATE 070895 in Canberra time", async () => {
    const plenary = await meetingByTitle("2008 Canberra Plenary");
    const byCode = Object.fromEntries((await deadlinesOf(plenary.id)).map((d) => [d.rule.code, d]));
    expect(byCode["plenary-proposals"]).toMatchObject({
      dueAt: "2008-10-05T13:00:00.000Z",
      dueLocal: "00:00 Mon 6 Oct 2008 (UTC+11) Canberra time",
      passed: false,
    });
    expect(byCode["ie-papers"]?.dueAt).toBe("2008-10-05T13:00:00.000Z");
    expect(byCode["enactment-updates-2008"]).toMatchObject({
      dueAt: "2008-06-30T14:00:00.000Z",
      passed: true,
    });
    const tem = await meetingByTitle("2008 Canberra TEM");
    expect((await deadlinesOf(tem.id)).map((d) => [d.rule.code, d.dueAt])).toEqual([
      ["tem-proposals", "2008-09-03T14:00:00.000Z"],
    ]);
  });

  it("lists deadlines due between two ISO 8601 dates, and explains bad ones", async () => {
    const api = await t.as("gb.delegate");
    const res = await api.get("/deadlines?from=2008-07-01&to=2008-10-01");
    expect(
      ((await res.json()).deadlines as DeadlineJson[]).map((d) => `${d.rule.code} ${d.meeting.title}`),
    ).toEqual(["tem-proposals 2008 Canberra TEM"]);
    const inclusive = await api.get("/deadlines?from=2008-10-05T13:00Z&to=2008-10-05T13:00:01Z");
    expect(((await inclusive.json()).deadlines as DeadlineJson[]).map((d) => d.rule.code).sort()).toEqual([
      "ie-papers",
      "plenary-proposals",
    ]);
    const bad = await api.get("/deadlines?from=next%20week");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^from: next week is not ISO 8601/);
    const backwards = await api.get("/deadlines?from=2008-10-01&to=2008-07-01");
    expect((await backwards.json()).error.details.fields[0].field).toBe("to");
  });

  it("shows a candidate government nothing: no meetings, deadlines or rules, and 404 for each meeting", async () => {
    const kz = await t.as("kz.candidate");
    expect((await (await kz.get("/meetings")).json()).meetings).toEqual([]);
    expect((await (await kz.get("/deadlines")).json()).deadlines).toEqual([]);
    expect((await (await kz.get("/deadline-rules")).json()).rules).toEqual([]);
    const plenary = await meetingByTitle("2008 Canberra Plenary");
    const hidden = await kz.get(`/meetings/${plenary.id}`);
    const missing = await kz.get("/meetings/424242");
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual(await missing.json());
  });
});

describe("bad input gets a clear error and leaves nothing half-written", () => {
  const good = {
    kind: "tem",
    host: "AU",
    city: "Canberra",
    timeZone: "Australia/Sydney",
    firstDay: "2009-03-10",
    lastDay: "2009-03-12",
  };

  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a last day before the first", { lastDay: "2009-03-09" }, "lastDay", /before the first day 2009-03-10/],
    [
      "an unknown time zone",
      { timeZone: "Australia/Canberra_City" },
      "timeZone",
      /not a time zone: give an IANA name/,
    ],
    ["a non-date", { firstDay: "10 March 2009" }, "firstDay", /YYYY-MM-DD/],
    ["an unknown host", { host: "ZZ" }, "host", /no government has the code ZZ/],
    [
      "a day without sessions outside the meeting",
      { daysWithoutSessions: ["2009-04-01"] },
      "daysWithoutSessions.0",
      /outside the meeting/,
    ],
    [
      "a conjunction with a meeting that does not exist",
      { conjunctionWithId: 99999 },
      "conjunctionWithId",
      /no meeting 99999/,
    ],
  ];
  for (const [what, change, field, message] of cases) {
    it(`refuses ${what}, naming ${field}`, async () => {
      const before = await counts();
      const res = await (await t.as("fr.poc")).post("/meetings", { ...good, ...change });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("validation.failed");
      expect(body.error.details.fields).toContainEqual({ field, message: expect.stringMatching(message) });
      expect(await counts()).toEqual(before);
    });
  }

  it("refuses a meeting in conjunction with a non-Plenary", async () => {
    const poc = await meetingByTitle("POC meeting, 8 July 2008");
    const before = await counts();
    const res = await (await t.as("fr.poc")).post("/meetings", { ...good, conjunctionWithId: poc.id });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe(
      "Fix these fields: conjunctionWithId: meetings are held in conjunction with a Plenary, and that meeting is a POC meeting",
    );
    expect(await counts()).toEqual(before);
  });

  it("names every bad field at once", async () => {
    const res = await (await t.as("fr.poc")).post("/meetings", {
      ...good,
      timeZone: "Nowhere/Land",
      lastDay: "2009-01-01",
    });
    expect((await res.json()).error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      "timeZone",
      "lastDay",
    ]);
  });

  it("refuses a deadline anchored on a meeting that does not exist, and changes nothing", async () => {
    const before = await counts();
    const res = await (await t.as("fr.poc")).post("/deadline-rules", {
      code: "orphan-rule",
      documentKind: "tem_proposal",
      anchorMeetingId: 424242,
      offset: { amount: 8, unit: "weeks" },
      wording: "Proposals eight weeks before.",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields).toEqual([
      {
        field: "anchorMeetingId",
        message: "no meeting 424242 that you may see: give the id of a meeting from GET /meetings",
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a PATCH that would break the meeting, leaving it as it was", async () => {
    const plenary = await meetingByTitle("2008 Canberra Plenary");
    const before = await counts();
    const api = await t.as("fr.poc");
    const res = await api.patch(`/meetings/${plenary.id}`, { city: "Sydney", firstDay: "2008-11-09" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields[0].field).toBe("lastDay");
    const held = await api.patch(`/meetings/${plenary.id}`, { status: "held" });
    expect((await held.json()).error.message).toMatch(/begins on 2008-11-03: it cannot be held before then/);
    expect(await meetingByTitle("2008 Canberra Plenary")).toEqual(plenary);
    expect(await counts()).toEqual(before);
  });
});

describe("changes", () => {
  it("schedules a meeting, writes its audit entry, and computes its deadlines from the rules", async () => {
    const before = await counts();
    const res = await (await t.as("au.chair")).post("/meetings", {
      kind: "tem",
      host: "DE",
      city: "Berlin",
      timeZone: "Europe/Berlin",
      firstDay: "2009-03-10",
      lastDay: "2009-03-12",
    });
    expect(res.status).toBe(201);
    const m = (await res.json()) as MeetingJson;
    expect(m.title).toBe("2009 Berlin TEM");
    expect(m.kindLabel).toBe("Technical Experts Meeting (intersessional)");
    expect(await counts()).toEqual({ ...before, meetings: before.meetings + 1, audit: before.audit + 1 });
    // 8 weeks before 10 March 2009, midnight in Berlin (UTC+1).
    expect((await deadlinesOf(m.id)).map((d) => d.dueAt)).toEqual(["2009-01-12T23:00:00.000Z"]);
  });

  it("records a proposed change of dates and moves the meeting when the Partners agree", async () => {
    const leem = await meetingByTitle("2008 Canberra LEEM");
    const api = await t.as("fr.poc");
    const proposed = await api.post(`/meetings/${leem.id}/date-changes`, {
      firstDay: "2008-11-04",
      lastDay: "2008-11-04",
      proposedBy: "the LEEM Permanent Co-Chair",
    });
    expect(proposed.status).toBe(201);
    const after = (await proposed.json()) as MeetingJson;
    expect(after.firstDay).toBe("2008-11-05");
    const change = must(after.dateChanges.at(-1), "date change");
    expect(change).toMatchObject({
      agreement: "requested",
      proposedBy: "the LEEM Permanent Co-Chair",
      proposedOn: "2008-07-02",
    });
    const agreed = (await (
      await api.patch(`/meetings/${leem.id}/date-changes/${change.id}`, { agreement: "agreed" })
    ).json()) as MeetingJson;
    expect([agreed.firstDay, agreed.revision]).toEqual(["2008-11-04", leem.revision + 1]);
    const back = (await (
      await api.patch(`/meetings/${leem.id}/date-changes/${change.id}`, { agreement: "withdrawn" })
    ).json()) as MeetingJson;
    expect([back.firstDay, back.revision]).toEqual(["2008-11-05", leem.revision + 2]);
    const chair = await t.as("au.chair");
    expect(
      (await chair.patch(`/meetings/${leem.id}/date-changes/${change.id}`, { agreement: "agreed" })).status,
    ).toBe(403);
  });

  it("accepts a late submission and marks it late by how much", async () => {
    const plenary = await meetingByTitle("2008 Canberra Plenary");
    const rule = must(
      (await deadlinesOf(plenary.id)).find((d) => d.rule.code === "plenary-proposals"),
      "Plenary proposals deadline",
    ).rule.id;
    const us = await t.as("us.delegate");
    const onTime = await us.post(`/meetings/${plenary.id}/deadlines/${rule}/submissions`, {
      title: "US proposal on Category II",
    });
    expect(await onTime.json()).toMatchObject({ late: false, text: "on time" });
    await withClock(t, "2008-10-07T16:00:00Z", async () => {
      const gb = await t.as("gb.delegate");
      const late = await gb.post(`/meetings/${plenary.id}/deadlines/${rule}/submissions`, {
        title: "UK proposal",
      });
      expect(late.status).toBe(201);
      expect(await late.json()).toMatchObject({ late: true, text: "2 days 3 hours late", seconds: 183600 });
    });
    const d = must(
      (await deadlinesOf(plenary.id)).find((x) => x.rule.id === rule),
      "Plenary proposals deadline",
    );
    expect(d.submissions.map((s) => [s.government.code, s.lateBy])).toEqual([
      ["US", "on time"],
      ["GB", "2 days 3 hours late"],
    ]);
  });

  it("lets the Point of Contact waive a deadline for one Partner, with the reason", async () => {
    // A TEM of the test's own: the regime's TEM rule makes its one deadline.
    const tem = await makeMeeting(t, {
      kind: "tem",
      host: "AU",
      city: "Canberra",
      timeZone: "Australia/Sydney",
      firstDay: "2010-11-01",
      lastDay: "2010-11-02",
    });
    const [d] = await deadlinesOf(tem.id);
    const poc = await t.as("fr.poc");
    const path = `/meetings/${tem.id}/deadlines/${must(d, "TEM deadline").rule.id}/waivers`;
    const res = await poc.post(path, { government: "jp", reason: "Proposal announced at the Bonn TEM." });
    expect(res.status).toBe(201);
    expect(((await res.json()) as DeadlineJson).waivers).toEqual([
      { government: { code: "JP", name: "Japan" }, reason: "Proposal announced at the Bonn TEM." },
    ]);
    expect((await poc.post(path, { government: "JP", reason: "again" })).status).toBe(409);
    const notPartner = await poc.post(path, { government: "KZ", reason: "x" });
    expect((await notPartner.json()).error.message).toMatch(/government: KZ is not a Partner/);
    expect(
      (await (await t.as("us.delegate")).post(path, { government: "US", reason: "please" })).status,
    ).toBe(403);
    const noReason = await poc.post(path, { government: "US", reason: "  " });
    expect((await noReason.json()).error.details.fields[0]).toEqual({
      field: "reason",
      message: "give the reason for the waiver",
    });
  });

  it("drops a cancelled meeting's deadlines", async () => {
    const api = await t.as("fr.poc");
    const made = (await (
      await api.post("/meetings", {
        kind: "plenary",
        host: "NL",
        city: "The Hague",
        timeZone: "Europe/Amsterdam",
        firstDay: "2009-10-05",
        lastDay: "2009-10-09",
      })
    ).json()) as MeetingJson;
    expect((await deadlinesOf(made.id)).length).toBe(2);
    const cancelled = await api.patch(`/meetings/${made.id}`, { status: "cancelled" });
    expect(((await cancelled.json()) as MeetingJson).status).toBe("cancelled");
    expect(await deadlinesOf(made.id)).toEqual([]);
    const heldAgain = await api.patch(`/meetings/${made.id}`, { status: "held" });
    expect((await heldAgain.json()).error.message).toMatch(
      /a cancelled meeting cannot become held; it can become proposed/,
    );
  });
});
