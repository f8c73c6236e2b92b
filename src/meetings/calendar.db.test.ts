import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

interface Ev {
  uid: string;
  summary: string;
  start: string;
  end: string;
  allDay: boolean;
  sequence: number;
  status: string;
}

function events(text: string): Ev[] {
  const cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      allDay: e.startDate.isDate,
      sequence: e.sequence,
      status: String(v.getFirstPropertyValue("status")),
    };
  });
}

/** The value, which the test expects to be there. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

async function feedOf(user: string): Promise<{ url: string; path: string }> {
  const res = await (await t.as(user)).get("/me/calendar");
  expect(res.status).toBe(200);
  const { url } = (await res.json()) as { url: string };
  return { url, path: new URL(url).pathname };
}

async function read(path: string): Promise<Ev[]> {
  const res = await t.request(path);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
  return events(await res.text());
}

describe("calendar feeds", () => {
  it("gives each user a secret address that serves the meetings and deadlines they may see", async () => {
    const { url, path } = await feedOf("us.delegate");
    expect(url).toMatch(/^http:\/\/localhost\/api\/v1\/calendar\/[A-Za-z0-9_-]{20,}\.ics$/);
    expect((await feedOf("us.delegate")).url).toBe(url);
    const evs = await read(path);
    const plenary = must(
      evs.find((e) => e.summary === "2008 Canberra Plenary"),
      "Plenary event",
    );
    expect(plenary).toMatchObject({
      uid: "mtcr-2008-canberra-plenary@plenary",
      start: "2008-11-03",
      end: "2008-11-08",
      allDay: true,
      status: "CONFIRMED",
    });
    const tem = must(
      evs.find((e) => e.summary === "2008 Canberra TEM"),
      "TEM event",
    );
    expect([tem.start, tem.end, tem.status]).toEqual(["2008-10-30", "2008-11-05", "TENTATIVE"]);
    // Rule 2 (TEM proposals) on meeting 6 (the Canberra TEM).
    const due = must(
      evs.find((e) => e.uid === "deadline-2-6@plenary"),
      "TEM deadline event",
    );
    expect(due).toMatchObject({ start: "2008-09-03T14:00:00Z", allDay: false, status: "CONFIRMED" });
    // Every deadline's title is in words: its rule's wording when short, else what is due — never its code.
    expect(due.summary).toBe("Due: TEM proposals (2008 Canberra TEM)");
    for (const e of evs.filter((x) => x.uid.startsWith("deadline-"))) {
      expect(e.summary).toMatch(/^Due: [A-Z]/);
      expect(e.summary).not.toMatch(/[a-z]+-[a-z]+-?[a-z0-9]*\s\(/);
    }
    // 8 meetings; deadlines: Athens 2, Bonn 1, Canberra TEM 1, Canberra Plenary 3.
    expect(evs.length).toBe(8 + 7);
  });

  it("keeps UIDs stable so that an update replaces the event, and sends a cancelled meeting as cancelled", async () => {
    const { path } = await feedOf("gb.delegate");
    const before = await read(path);
    const leem = must(
      before.find((e) => e.summary === "2008 Canberra LEEM"),
      "LEEM event",
    );
    const meetings = (await (await (await t.as("fr.poc")).get("/meetings?year=2008")).json()).meetings as {
      id: number;
      uid: string;
    }[];
    const id = must(
      meetings.find((m) => m.uid === leem.uid),
      "LEEM",
    ).id;
    const poc = await t.as("fr.poc");
    expect(
      (await poc.patch(`/meetings/${id}`, { firstDay: "2008-11-04", lastDay: "2008-11-04" })).status,
    ).toBe(200);
    const moved = must(
      (await read(path)).find((e) => e.uid === leem.uid),
      "moved LEEM event",
    );
    expect([moved.start, moved.sequence > leem.sequence]).toEqual(["2008-11-04", true]);

    const plenaryId = (await (await poc.get("/meetings?year=2008")).json()).meetings.find(
      (m: { title: string }) => m.title === "2008 Canberra Plenary",
    ).id;
    expect((await poc.patch(`/meetings/${plenaryId}`, { status: "cancelled" })).status).toBe(200);
    const after = await read(path);
    const plenary = must(
      after.find((e) => e.uid === "mtcr-2008-canberra-plenary@plenary"),
      "Plenary event",
    );
    expect(plenary.status).toBe("CANCELLED");
    expect(plenary.summary).toBe("Cancelled: 2008 Canberra Plenary");
    const plenaryDeadlines = after.filter(
      (e) => e.uid.startsWith("deadline-") && e.uid.endsWith(`-${plenaryId}@plenary`),
    );
    expect(plenaryDeadlines.map((e) => e.status)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    await poc.patch(`/meetings/${plenaryId}`, { status: "proposed" });
  });

  it("serves a candidate government an empty calendar", async () => {
    const { path } = await feedOf("kz.candidate");
    expect(await read(path)).toEqual([]);
  });

  it("revokes an address: the old one answers 404 and a new one is issued", async () => {
    const old = await feedOf("de.delegate");
    expect((await (await t.as("de.delegate")).delete("/me/calendar")).status).toBe(204);
    const gone = await t.request(old.path);
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe("not_found");
    const fresh = await feedOf("de.delegate");
    expect(fresh.url).not.toBe(old.url);
    expect((await read(fresh.path)).length).toBeGreaterThan(0);
  });

  it("offers a single meeting as an .ics download from its page, and hides it from a candidate", async () => {
    const s = await t.session("us.delegate");
    const res = await t.request("/meetings/6.ics", { headers: { cookie: s.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="meeting-6.ics"');
    const [ev] = events(await res.text());
    expect(ev).toMatchObject({
      uid: "mtcr-2008-canberra-tem@plenary",
      start: "2008-10-30",
      end: "2008-11-05",
    });
    const kz = await t.session("kz.candidate");
    expect((await t.request("/meetings/6.ics", { headers: { cookie: kz.cookie } })).status).toBe(404);
  });
});
