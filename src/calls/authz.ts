import { expect } from "vitest";
import { type AuthzCase, all, type DemoUser, type OutputCase, only, type PageCase } from "../core/authz.js";

const PARTNERS = [
  "fr.poc",
  "au.chair",
  "us.delegate",
  "us.desk",
  "us.director",
  "gb.delegate",
  "de.delegate",
  "admin",
] as const satisfies DemoUser[];
const RUNNERS = ["fr.poc", "au.chair"] as const satisfies DemoUser[];
const VOLUNTEERS = [
  "au.chair",
  "us.delegate",
  "us.desk",
  "us.director",
  "gb.delegate",
  "de.delegate",
] as const satisfies DemoUser[];

const is = (users: readonly DemoUser[], user: DemoUser) => users.includes(user);

/**
 * Call 1 is the seeded LEEM call (POC DOC 89), with contribution 1 proposed by the United States;
 * meeting 6 is the Canberra TEM.
 */
export const callsCases: AuthzCase[] = [
  {
    operation: "GET /calls",
    path: "/calls",
    expect: all(200),
    check: (user, body) => {
      const calls = (body as { calls: unknown[] }).calls;
      if (user === "kz.candidate") expect(calls).toEqual([]);
      else expect(calls.length).toBeGreaterThan(0);
    },
  },
  {
    operation: "POST /calls",
    path: "/calls",
    body: (user) => ({
      meetingId: 6,
      title: `Harness call by ${user}`,
      summary: "Proposals, please.",
      closesOn: "2008-09-01",
    }),
    expect: only([...RUNNERS], 201, 403),
  },
  {
    operation: "GET /calls/{id}",
    path: "/calls/1",
    expect: only([...PARTNERS], 200, 404),
    check: (user, body) => {
      // The United States' proposal: seen by those who run the call and by its own government.
      const seen = (body as { contributions: { government: string }[] }).contributions.map(
        (x) => x.government,
      );
      expect(seen.includes("US")).toBe(is(RUNNERS, user) || user.startsWith("us."));
    },
  },
  { operation: "GET /calls/{id}", path: "/calls/9999", expect: all(404) },
  {
    operation: "PATCH /calls/{id}",
    path: "/calls/1",
    body: () => ({ closesOn: "2008-09-30" }),
    expect: { ...only([...RUNNERS], 200, 403), "kz.candidate": 404 },
  },
  {
    operation: "POST /calls/{id}/contributions",
    path: "/calls/1/contributions",
    body: (user) => ({
      kind: "presentation",
      title: `Harness talk by ${user}`,
      countryOfOrigin: "Harness",
      summary: "Short.",
    }),
    expect: { ...only([...VOLUNTEERS], 201, 403), "kz.candidate": 404 },
  },
  {
    operation: "PATCH /calls/{id}/contributions/{contribution}",
    path: "/calls/1/contributions/1",
    // Declined, so that nothing is accepted before the agenda case below.
    body: () => ({ state: "declined" }),
    expect: { ...only([...RUNNERS], 200, 403), "kz.candidate": 404 },
  },
  {
    operation: "PATCH /calls/{id}/contributions/{contribution}",
    path: "/calls/1/contributions/999999",
    body: () => ({ state: "accepted", position: 1 }),
    expect: { ...only([...RUNNERS], 404, 403), "kz.candidate": 404 },
  },
  {
    operation: "POST /calls/{id}/agenda",
    path: "/calls/1/agenda",
    // Nothing accepted yet: the chair is told to accept a contribution first.
    expect: { ...only([...RUNNERS], 400, 403), "kz.candidate": 404 },
  },
];

const offers = (html: string, what: string) => html.includes(what);

/** The fields of a page that no label names (each input, select and textarea needs one). */
function unlabelled(html: string): string[] {
  const labelled = new Set([...html.matchAll(/<label[^>]*\bfor="([^"]+)"/g)].map((m) => m[1]));
  return [...html.matchAll(/<(?:input|select|textarea)\b([^>]*)>/g)]
    .map((m) => m[1] ?? "")
    .filter((attrs) => !/type="(hidden|submit)"/.test(attrs))
    .map((attrs) => /\bid="([^"]+)"/.exec(attrs)?.[1] ?? attrs)
    .filter((id) => !labelled.has(id));
}

/** Every page of calls for papers, for every demo user, with what each may be offered. */
export const callsPageCases: PageCase[] = [
  {
    path: "/calls",
    expect: all(200),
    check: (user, html) => {
      expect(unlabelled(html)).toEqual([]);
      expect(offers(html, 'action="/calls"')).toBe(is(RUNNERS, user));
      expect(offers(html, 'href="/calls/1"')).toBe(user !== "kz.candidate");
    },
  },
  {
    path: "/calls/1",
    expect: only([...PARTNERS], 200, 404),
    check: (user, html) => {
      expect(unlabelled(html)).toEqual([]);
      expect(offers(html, 'action="/calls/1/order"')).toBe(is(RUNNERS, user));
      expect(offers(html, 'action="/calls/1/agenda"')).toBe(is(RUNNERS, user));
      expect(offers(html, 'action="/calls/1/contributions"')).toBe(is(VOLUNTEERS, user));
      const seen = is(RUNNERS, user) || user.startsWith("us.");
      expect(offers(html, "Controls on intangible transfers of technology")).toBe(seen);
    },
  },
  { path: "/calls/9999", expect: all(404) },
];

/** What the access property reads of calls for papers for every generated reader. */
export const callsOutputs: OutputCase[] = [
  { route: "GET /calls", path: "/api/v1/calls" },
  { route: "GET /calls/{id}", path: "/api/v1/calls/1" },
  { route: "/calls", path: "/calls" },
  { route: "/calls/:id{[0-9]+}", path: "/calls/1" },
];
