import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makeMeeting, makeRule, withClock } from "../../test/support/factories/index.js";
import { pageClient } from "../../test/support/pages.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

const { page, post } = pageClient(() => t);

/** A working group of the test's own in Canberra, on 30 October 2010. */
const canberraMeeting = () =>
  makeMeeting(t, {
    kind: "twg",
    host: "AU",
    city: "Canberra",
    timeZone: "Australia/Sydney",
    firstDay: "2010-10-30",
    lastDay: "2010-10-30",
  });

describe("meeting pages", () => {
  it("puts the next meetings and deadlines on a Partner's home page, and none on a candidate's", async () => {
    const us = await page("us.delegate", "/");
    expect(us.html).toContain("POC meeting, 8 July 2008");
    expect(us.html).toContain("TEM proposals for the 2008 Canberra TEM");
    expect(us.html).toContain("due 00:00 Thu 4 Sep 2008 (UTC+10) Canberra time");
    expect(us.html.indexOf("POC meeting, 8 July 2008")).toBeLessThan(us.html.indexOf("TEM proposals for"));
    // One way of writing days: a deadline stands under its local due day, not its UTC date.
    expect(us.html).toContain("<strong>Thu 4 Sep 2008</strong> — Deadline: ");
    expect(us.html).toContain("<strong>Tue 8 Jul 2008</strong> — ");
    expect(us.html).not.toMatch(/<strong>\d{4}-\d{2}-\d{2}<\/strong>/);
    const kz = await page("kz.candidate", "/");
    expect(kz.html).not.toContain("Canberra");
    expect(kz.html).toContain("Nothing is scheduled after Wed 2 Jul 2008 that you may see.");
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
      "proposed by the TEM Chair on 2008-04-10: <strong>agreed by the Partners</strong>",
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
    expect(html).toContain('href="/static/plenary.css"');
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
    const html = bad.html;
    expect(html).toContain("Last day: 2008-11-05 is before the first day 2008-11-06");
    expect(html).toContain('value="Canberra"');
    const good = await post("au.chair", "/meetings", {
      ...fields,
      lastDay: "2008-11-06",
      agenda: "Opening\nPresentations",
    });
    expect(good.status).toBe(303);
    const where = good.location ?? "";
    expect(where).toMatch(/^\/meetings\/\d+\?notice=scheduled$/);
    const shown = await page("us.delegate", where.replace(/\?.*/, ""));
    expect(shown.html).toContain("2008 Canberra LEEM");
    expect(shown.html).toMatch(
      /<li id="agenda-item-\d+">Presentations <span class="marking">\(PUBLIC\)<\/span><\/li>/,
    );
    const refused = await post("us.delegate", "/meetings", { ...fields, lastDay: "2008-11-06" });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain("Only the Point of Contact and the chairs schedule experts meetings.");
  });

  it("takes a late submission from the meeting page and shows by how much", async () => {
    // A working group of the test's own, and a rule on it alone: due 00:00 4 Sep 2010 in Canberra.
    const m = await canberraMeeting();
    const rule = await makeRule(t, {
      documentKind: "tem_proposal",
      anchorMeetingId: m.id,
      offset: { amount: 8, unit: "weeks" },
    });
    const res = await withClock(t, "2010-09-05T02:00:00Z", () =>
      post("de.delegate", `/meetings/${m.id}/submissions`, {
        ruleId: String(rule.id),
        title: "German TEM proposal",
      }),
    );
    expect(res.status).toBe(303);
    const { html } = await page("us.delegate", `/meetings/${m.id}`);
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
    expect(second.html).not.toContain(url);
    expect((await t.request(new URL(url ?? "").pathname)).status).toBe(404);
  });

  it("shows a refused form's problems beside its fields, with what was typed kept", async () => {
    const m = await canberraMeeting();
    const rule = await makeRule(t, { anchorMeetingId: m.id });
    const untitled = await post("us.delegate", `/meetings/${m.id}/submissions`, {
      ruleId: String(rule.id),
      title: "  ",
    });
    expect(untitled.status).toBe(400);
    const html = untitled.html;
    expect(html).toContain('<a href="#s-title">Paper title: give the paper&#39;s title</a>');
    expect(html).toMatch(
      /<p class="govuk-error-message" id="s-title-error">.*give the paper&#39;s title<\/p>/,
    );
    expect(html).toMatch(new RegExp(`<option value="${rule.id}" selected="">`));

    const badCode = await post("fr.poc", `/meetings/${m.id}/waivers`, {
      ruleId: String(rule.id),
      government: "France",
      reason: "Nominated late.",
    });
    expect(badCode.status).toBe(400);
    const waiver = badCode.html;
    expect(waiver).toContain('<a href="#w-government">for Partner (code): a two-letter government code');
    expect(waiver).toContain('id="w-government-error"');
    expect(waiver).toContain('value="France"');
    expect(waiver).toContain('value="Nominated late."');
  });

  it("answers a refused change with the page, its status and the reason", async () => {
    const m = await makeMeeting(t);
    const res = await post("au.chair", `/meetings/${m.id}`, { status: "confirmed" });
    expect(res.status).toBe(403);
    expect(res.html).toContain("Only the Point of Contact schedules a POC meeting.");
    const hidden = await post("kz.candidate", `/meetings/${m.id}`, { status: "confirmed" });
    expect(hidden.status).toBe(404);
  });

  it("proposes new dates from the page and moves the meeting when the Point of Contact records agreement", async () => {
    const m = await makeMeeting(t, { firstDay: "2010-05-11", lastDay: "2010-05-11" });
    const bad = await post("fr.poc", `/meetings/${m.id}/date-changes`, {
      firstDay: "2010-05-12",
      lastDay: "2010-05-10",
      proposedBy: "the Point of Contact",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="dc-lastDay-error"');
    const proposed = await post("fr.poc", `/meetings/${m.id}/date-changes`, {
      firstDay: "2010-05-12",
      lastDay: "2010-05-12",
      proposedBy: "the Point of Contact",
    });
    expect([proposed.status, proposed.location]).toEqual([303, `/meetings/${m.id}?notice=proposed`]);
    const shown = await page("fr.poc", `/meetings/${m.id}?notice=proposed`);
    expect(shown.html).toContain("Change of dates proposed.");
    const changeId = /action="\/meetings\/\d+\/date-changes\/(\d+)"/.exec(shown.html)?.[1];
    const agreed = await post("fr.poc", `/meetings/${m.id}/date-changes/${changeId}`, {
      agreement: "agreed",
    });
    expect(agreed.status).toBe(303);
    expect((await page("us.delegate", `/meetings/${m.id}`)).html).toContain(
      "Wed 12 May 2010 to Wed 12 May 2010",
    );
  });
});
