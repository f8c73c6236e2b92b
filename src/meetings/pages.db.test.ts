import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { form, type TestContext, testContext } from "../../test/support/context.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

async function page(user: string, path: string) {
  const s = await t.session(user);
  const res = await t.request(path, { headers: { cookie: s.cookie, accept: "text/html" } });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

async function post(user: string, path: string, fields: Record<string, string>) {
  const s = await t.session(user);
  return t.request(path, {
    method: "POST",
    headers: { cookie: s.cookie, accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
    body: form({ ...fields, _csrf: s.csrf }),
  });
}

describe("meeting pages", () => {
  it("puts the next meetings and deadlines on a Partner's home page, and none on a candidate's", async () => {
    const us = await page("us.delegate", "/");
    expect(us.html).toContain("POC meeting, 8 July 2008");
    expect(us.html).toContain("TEM proposals for the 2008 Canberra TEM");
    expect(us.html).toContain("due 00:00 Thu 4 Sep 2008 (UTC+10) Canberra time");
    expect(us.html.indexOf("POC meeting, 8 July 2008")).toBeLessThan(us.html.indexOf("TEM proposals for"));
    const kz = await page("kz.candidate", "/");
    expect(kz.html).not.toContain("Canberra");
    expect(kz.html).toContain("Nothing is scheduled after 2008-07-02 that you may see.");
  });

  it("shows the year's meetings and deadlines, with the schedule form only to those who may schedule", async () => {
    const us = await page("us.delegate", "/meetings?year=2008");
    expect(us.status).toBe(200);
    expect(us.html).toContain("30 Oct – 4 Nov 2008");
    expect(us.html).toContain("Enactment matrix updates");
    expect(us.html).not.toContain("Schedule a meeting");
    const chair = await page("au.chair", "/meetings?year=2008");
    expect(chair.html).toContain("Schedule a meeting");
    // The Chair schedules experts meetings only.
    expect(chair.html).toContain('<option value="tem"');
    expect(chair.html).not.toContain('<option value="plenary"');
    const kz = await page("kz.candidate", "/meetings?year=2008");
    expect(kz.html).toContain("No meetings in 2008 that you may see.");
  });

  it("shows a meeting with its days without sessions, date change and deadlines; a candidate gets 404", async () => {
    const tem = await page("us.delegate", "/meetings/6");
    expect(tem.html).toContain("Thu 30 Oct 2008 to Tue 4 Nov 2008");
    expect(tem.html).toContain("Sat 1 Nov 2008; Sun 2 Nov 2008");
    expect(tem.html).toContain(
      "proposed by the TEM Chair on 2008-04-10: <strong>provisionally agreed by the Partners</strong>",
    );
    expect(tem.html).toContain("00:00 Thu 4 Sep 2008 (UTC+10) Canberra time");
    expect(tem.html).toContain('href="/meetings/6.ics"');
    expect((await page("kz.candidate", "/meetings/6")).status).toBe(404);
  });

  it("draws the year: a bar per meeting, shaded days without sessions, deadline marks and today's line", async () => {
    const { html, status } = await page("gb.delegate", "/meetings/timeline?year=2008");
    expect(status).toBe(200);
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    expect(svg.match(/class="bar"/g)?.length).toBe(7);
    expect(svg.match(/class="no-session"/g)?.length).toBe(2);
    // Deadlines due in 2008: Bonn 1, Canberra TEM 1, Canberra Plenary 3.
    expect(svg.match(/class="deadline"/g)?.length).toBe(5);
    expect(svg).toContain("today 2008-07-02");
    expect(html).toContain('href="/static/meetings.css"');
    const kz = await page("kz.candidate", "/meetings/timeline?year=2008");
    expect(kz.html.match(/class="bar"/g)).toBeNull();
  });

  it("schedules a meeting from the form, and explains a bad one without writing it", async () => {
    const fields = {
      kind: "leem",
      host: "AU",
      city: "Canberra",
      timeZone: "Australia/Sydney",
      firstDay: "2008-11-06",
      lastDay: "2008-11-05",
      conjunctionWithId: "5",
      status: "proposed",
    };
    const bad = await post("au.chair", "/meetings", fields);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("lastDay: 2008-11-05 is before the first day 2008-11-06");
    expect(html).toContain('value="Canberra"');
    const good = await post("au.chair", "/meetings", {
      ...fields,
      lastDay: "2008-11-06",
      agenda: "Opening\nPresentations",
    });
    expect(good.status).toBe(303);
    const where = good.headers.get("location")!;
    const shown = await page("us.delegate", where.replace(/\?.*/, ""));
    expect(shown.html).toContain("2008 Canberra LEEM");
    expect(shown.html).toContain("<li>Presentations</li>");
    const refused = await post("us.delegate", "/meetings", { ...fields, lastDay: "2008-11-06" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(
      "Only the Point of Contact and the chairs schedule experts meetings.",
    );
  });

  it("takes a late submission from the meeting page and shows by how much", async () => {
    t.clock.set("2008-09-05T02:00:00Z");
    try {
      const res = await post("de.delegate", "/meetings/6/submissions", {
        ruleId: "2",
        title: "German TEM proposal",
      });
      expect(res.status).toBe(303);
    } finally {
      t.clock.set("2008-07-02T12:02:00Z");
    }
    const { html } = await page("us.delegate", "/meetings/6");
    expect(html).toContain("Germany: German TEM proposal —");
    expect(html).toMatch(/<span class="late">1 day 12 hours late<\/span>/);
  });

  it("gives the calendar address on the subscribe page and makes a new one on request", async () => {
    const first = await page("us.delegate", "/account/calendar");
    const url = /value="(http[^"]+\.ics)"/.exec(first.html)?.[1];
    expect(url).toMatch(/\/api\/v1\/calendar\/.+\.ics$/);
    const res = await post("us.delegate", "/account/calendar/reset", {});
    expect(res.status).toBe(303);
    const second = await page("us.delegate", "/account/calendar");
    expect(second.html).not.toContain(url!);
    expect((await t.request(new URL(url!).pathname)).status).toBe(404);
  });
});
