import { expect } from "vitest";
import { type AuthzCase, all, type DemoUser, type OutputCase, only, type PageCase } from "../core/authz.js";

// The scenario's seeded records, in the order seedMeetings makes them.
const CANBERRA_PLENARY = 5;
const CANBERRA_TEM = 6;
const CANBERRA_LEEM = 7;
const POC_8_JULY = 4;
const PLENARY_PROPOSALS_RULE = 1;
const IE_PAPERS_RULE = 3;
const TEM_DATE_CHANGE = 1;

/** Regime records: everyone in a Partner government sees them; the candidate sees nothing. */
const regime = (yes: number) => ({ ...all(yes), "kz.candidate": 404 });
/** The demo users the one submission rule lets submit (see policy.test.ts). */
const SUBMITTERS: DemoUser[] = [
  "fr.poc",
  "au.chair",
  "us.delegate",
  "us.desk",
  "us.director",
  "gb.delegate",
  "de.delegate",
];

/** Only `users` may act; the others see the record (403) unless they are outside the regime (404). */
const acting = (users: Parameters<typeof only>[0], yes: number) => ({
  ...only(users, yes, 403),
  "kz.candidate": 404,
});

interface List {
  meetings?: { title: string }[];
  deadlines?: { rule: { code: string } }[];
  rules?: unknown[];
}

export const meetingsCases: AuthzCase[] = [
  {
    operation: "GET /meetings",
    path: "/meetings",
    expect: all(200),
    check: (user, body) => {
      const titles = ((body as List).meetings ?? []).map((m) => m.title);
      if (user === "kz.candidate") expect(titles).toEqual([]);
      else expect(titles).toEqual(expect.arrayContaining(["2007 Athens Plenary", "2008 Canberra Plenary"]));
    },
  },
  {
    operation: "GET /meetings",
    path: "/meetings?year=2007",
    expect: all(200),
    check: (user, body) =>
      expect(((body as List).meetings ?? []).map((m) => m.title)).toEqual(
        user === "kz.candidate" ? [] : ["2007 Athens Plenary"],
      ),
  },
  {
    operation: "POST /meetings",
    path: "/meetings",
    body: (user) => ({
      kind: "poc",
      title: `POC meeting scheduled by ${user}`,
      host: "FR",
      city: "Paris",
      timeZone: "Europe/Paris",
      firstDay: "2008-09-16",
      lastDay: "2008-09-16",
    }),
    expect: { ...only(["fr.poc"], 201, 403) },
  },
  {
    operation: "POST /meetings",
    path: "/meetings",
    body: (user) => ({
      kind: "twg",
      title: `Working group scheduled by ${user}`,
      host: "AU",
      city: "Canberra",
      timeZone: "Australia/Sydney",
      firstDay: "2008-11-01",
      lastDay: "2008-11-01",
      conjunctionWithId: CANBERRA_PLENARY,
    }),
    expect: only(["fr.poc", "au.chair"], 201, 403),
  },
  {
    operation: "POST /meetings",
    path: "/meetings",
    body: () => ({
      kind: "tem",
      host: "AU",
      city: "Canberra",
      timeZone: "Australia/Sydney",
      firstDay: "2009-03-10",
      lastDay: "2009-03-09",
    }),
    expect: only(["fr.poc", "au.chair"], 400, 403),
  },
  { operation: "GET /meetings/{id}", path: `/meetings/${CANBERRA_PLENARY}`, expect: regime(200) },
  { operation: "GET /meetings/{id}", path: "/meetings/99999", expect: all(404) },
  {
    operation: "PATCH /meetings/{id}",
    path: `/meetings/${POC_8_JULY}`,
    body: () => ({ notes: "Guidance from capitals expected by 7 July." }),
    expect: acting(["fr.poc"], 200),
  },
  {
    operation: "PATCH /meetings/{id}",
    path: `/meetings/${CANBERRA_TEM}`,
    body: () => ({ chair: "TEM Chair" }),
    expect: acting(["fr.poc", "au.chair"], 200),
  },
  {
    operation: "GET /meetings/{id}/deadlines",
    path: `/meetings/${CANBERRA_PLENARY}/deadlines`,
    expect: regime(200),
    check: (_user, body) =>
      expect(((body as List).deadlines ?? []).map((d) => d.rule.code).sort()).toEqual([
        "enactment-updates-2008",
        "ie-papers",
        "plenary-proposals",
      ]),
  },
  {
    operation: "POST /meetings/{id}/date-changes",
    path: `/meetings/${CANBERRA_LEEM}/date-changes`,
    body: (user) => ({
      firstDay: "2008-11-04",
      lastDay: "2008-11-04",
      proposedBy: `the LEEM Co-Chair (${user})`,
    }),
    expect: acting(["fr.poc", "au.chair"], 201),
  },
  {
    operation: "PATCH /meetings/{id}/date-changes/{changeId}",
    path: `/meetings/${CANBERRA_TEM}/date-changes/${TEM_DATE_CHANGE}`,
    body: () => ({ agreement: "provisionally_agreed" }),
    expect: acting(["fr.poc"], 200),
  },
  {
    operation: "POST /meetings/{id}/deadlines/{ruleId}/waivers",
    path: `/meetings/${CANBERRA_PLENARY}/deadlines/${PLENARY_PROPOSALS_RULE}/waivers`,
    body: () => ({ government: "NZ", reason: "Late nomination of its Plenary delegation." }),
    expect: acting(["fr.poc"], 201),
  },
  {
    operation: "POST /meetings/{id}/deadlines/{ruleId}/submissions",
    path: `/meetings/${CANBERRA_PLENARY}/deadlines/${PLENARY_PROPOSALS_RULE}/submissions`,
    body: (user) => ({ title: `Proposal from ${user}` }),
    // One rule for every submission: a Partner's delegates and desk officers, the Chair, the Point of Contact.
    expect: acting(SUBMITTERS, 201),
  },
  {
    operation: "GET /deadlines",
    path: "/deadlines?from=2008-07-01&to=2009-01-01",
    expect: all(200),
    check: (user, body) => {
      const codes = ((body as List).deadlines ?? []).map((d) => d.rule.code);
      if (user === "kz.candidate") expect(codes).toEqual([]);
      else expect(codes).toEqual(expect.arrayContaining(["tem-proposals", "plenary-proposals", "ie-papers"]));
    },
  },
  {
    operation: "GET /deadline-rules",
    path: "/deadline-rules",
    expect: all(200),
    check: (user, body) => expect(((body as List).rules ?? []).length > 0).toBe(user !== "kz.candidate"),
  },
  {
    operation: "POST /deadline-rules",
    path: "/deadline-rules",
    body: (user) => ({
      code: `leem-presentations-${user.replace(".", "-")}`,
      documentKind: "leem_presentation",
      anchorKind: "leem",
      offset: { amount: 2, unit: "weeks" },
      wording: "Circulate LEEM presentations at least two weeks before the LEEM.",
    }),
    expect: only(["fr.poc"], 201, 403),
  },
  {
    operation: "PATCH /deadline-rules/{id}",
    path: `/deadline-rules/${IE_PAPERS_RULE}`,
    body: () => ({ wording: "Circulate IE papers at least two weeks before the IE." }),
    expect: acting(["fr.poc"], 200),
  },
  {
    // The waivers and submissions above are on record under it: the Point of Contact is refused.
    operation: "DELETE /deadline-rules/{id}",
    path: `/deadline-rules/${PLENARY_PROPOSALS_RULE}`,
    expect: acting(["fr.poc"], 409),
  },
  { operation: "GET /me/calendar", path: "/me/calendar", expect: all(200) },
  { operation: "DELETE /me/calendar", path: "/me/calendar", expect: all(204) },
  {
    operation: "GET /calendar/{file}",
    path: "/calendar/no-such-calendar-address-at-all.ics",
    expect: all(404),
  },
];

const has = (html: string, text: string) => html.includes(text);

export const meetingsPageCases: PageCase[] = [
  {
    path: "/meetings",
    expect: all(200),
    check: (user, html) => {
      expect(has(html, "Meetings of 2008")).toBe(true);
      expect(has(html, "2008 Canberra Plenary")).toBe(user !== "kz.candidate");
      if (user === "kz.candidate") expect(html).toContain("No meetings in 2008 that you may see.");
      // The form is offered to those who may schedule a meeting of some kind.
      expect(has(html, "Schedule a meeting")).toBe(user === "fr.poc" || user === "au.chair");
    },
  },
  {
    path: "/meetings?year=2007",
    expect: all(200),
    check: (user, html) => expect(has(html, "2007 Athens Plenary")).toBe(user !== "kz.candidate"),
  },
  {
    path: `/meetings/${CANBERRA_PLENARY}`,
    expect: regime(200),
    check: (user, html) => {
      expect(html).toContain('<h1 class="govuk-heading-l">2008 Canberra Plenary</h1>');
      expect(has(html, `action="/meetings/${CANBERRA_PLENARY}/submissions"`)).toBe(SUBMITTERS.includes(user));
      expect(has(html, `action="/meetings/${CANBERRA_PLENARY}/waivers"`)).toBe(user === "fr.poc");
      // A Plenary is the Point of Contact's to change.
      expect(has(html, "Change this meeting")).toBe(user === "fr.poc");
    },
  },
  {
    path: `/meetings/${CANBERRA_TEM}`,
    expect: regime(200),
    check: (user, html) => {
      // An experts meeting is the chairs' to change too; only the Point of Contact records agreement.
      expect(has(html, "Change this meeting")).toBe(user === "fr.poc" || user === "au.chair");
      expect(has(html, `action="/meetings/${CANBERRA_TEM}/date-changes/${TEM_DATE_CHANGE}"`)).toBe(
        user === "fr.poc",
      );
    },
  },
  { path: "/meetings/99999", expect: all(404) },
  {
    path: "/deadline-rules",
    expect: all(200),
    check: (user, html) => {
      expect(has(html, "plenary-proposals")).toBe(user !== "kz.candidate");
      expect(has(html, "Make a deadline rule")).toBe(user === "fr.poc");
    },
  },
  {
    path: `/deadline-rules/${PLENARY_PROPOSALS_RULE}`,
    expect: regime(200),
    check: (user, html) => expect(has(html, "Change the rule")).toBe(user === "fr.poc"),
  },
  { path: "/deadline-rules/99999", expect: all(404) },
  {
    path: "/meetings/timeline?year=2008",
    expect: all(200),
    check: (user, html) =>
      expect(html.match(/class="bar"/g)?.length ?? 0).toBe(user === "kz.candidate" ? 0 : 7),
  },
  {
    path: `/meetings/${CANBERRA_PLENARY}.ics`,
    expect: regime(200),
    check: (_user, text) => expect(text).toContain("UID:mtcr-2008-canberra-plenary@plenary"),
  },
  { path: "/meetings/99999.ics", expect: all(404) },
  {
    path: "/account/calendar",
    expect: all(200),
    check: (_user, html) => expect(html).toMatch(/value="http[^"]+\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics"/),
  },
];

/** What the access property reads of meetings and calendars for every generated reader. */
export const meetingsOutputs: OutputCase[] = [
  { route: "GET /meetings", path: "/api/v1/meetings" },
  { route: "GET /meetings/{id}", path: "/api/v1/meetings/{meeting}" },
  { route: "GET /meetings/{id}/deadlines", path: "/api/v1/meetings/{meeting}/deadlines" },
  { route: "GET /deadlines", path: "/api/v1/deadlines?from=2008-01-01&to=2009-12-31" },
  { route: "GET /deadline-rules", path: "/api/v1/deadline-rules" },
  { route: "GET /me/calendar", path: "/api/v1/me/calendar" },
  { route: "GET /calendar/{file}", path: "/api/v1/calendar/{calendar}.ics" },
  { route: "/meetings", path: "/meetings" },
  { route: "/meetings/timeline", path: "/meetings/timeline?year=2008" },
  { route: "/meetings/:id{[0-9]+}", path: "/meetings/{meeting}" },
  { route: "/meetings/:file{[0-9]+\\.ics}", path: "/meetings/{meeting}.ics" },
  { route: "/deadline-rules", path: "/deadline-rules" },
  { route: "/deadline-rules/:id{[0-9]+}", path: `/deadline-rules/${IE_PAPERS_RULE}` },
  { route: "/account/calendar", path: "/account/calendar" },
];
