import { expect } from "vitest";
import { type AuthzCase, all, type DemoUser, type OutputCase, only, type PageCase } from "../core/authz.js";
import { SCENARIO_GUIDANCE } from "./scenario.js";

/**
 * The scenario's guidance: 1 is STATE 070895, released; 2 the US desk's draft for the Canberra
 * Plenary. Meeting 4 is the 8 July 2008 POC meeting.
 */
export const SEEDED = { guidance: 1, meeting: 4, draft: 2 } as const;

const US: DemoUser[] = ["us.delegate", "us.desk", "us.director"];
/** Nobody outside the US government finds any of it. */
const usOnly = (statuses: Partial<Record<DemoUser, number>>) => ({ ...all(404), ...statuses });
const capital = (desk: number, director: number, delegate = 404) =>
  usOnly({ "us.desk": desk, "us.director": director, "us.delegate": delegate });

const content = () => ({
  ...SCENARIO_GUIDANCE,
  references: [],
  items: [
    {
      agendaItemId: null,
      heading: { text: "MEMBERSHIP", marking: "C" },
      background: null,
      blocks: [
        { mode: "should", points: [{ text: "Note that U.S. views have not changed.", marking: "C" }] },
      ],
      notes: [],
    },
  ],
});

interface ListJson {
  guidance: { id: number }[];
}

export const guidanceCases: AuthzCase[] = [
  {
    operation: "GET /guidance",
    path: "/guidance",
    expect: all(200),
    check: (user, body) =>
      expect((body as ListJson).guidance.map((g) => g.id).includes(SEEDED.guidance)).toBe(US.includes(user)),
  },
  {
    operation: "POST /guidance",
    path: "/guidance",
    body: () => ({ meetingId: SEEDED.meeting, content: content() }),
    expect: {
      ...all(403),
      "fr.poc": 404,
      admin: 404,
      "kz.candidate": 404,
      "us.desk": 201,
      "us.director": 201,
    },
    check: (_user, body) =>
      expect((body as { meeting: { title: string } }).meeting.title).toBe("POC meeting, 8 July 2008"),
  },
  {
    operation: "GET /guidance/{id}",
    path: `/guidance/${SEEDED.guidance}`,
    expect: usOnly({ "us.delegate": 200, "us.desk": 200, "us.director": 200 }),
    check: (_user, body) =>
      expect((body as { release: { reference: string } }).release.reference).toBe("STATE 070895"),
  },
  {
    // A draft is the capital's: the post does not see it until it is released.
    operation: "POST /guidance/{id}/content",
    path: `/guidance/${SEEDED.draft}/content`,
    body: (user) => ({ version: user === "us.director" ? 2 : 1, content: content() }),
    expect: capital(200, 200),
  },
  {
    operation: "POST /guidance/{id}/clearance-requests",
    path: `/guidance/${SEEDED.draft}/clearance-requests`,
    body: () => ({ office: "EUR/WE" }),
    expect: capital(200, 400),
  },
  {
    operation: "POST /guidance/{id}/clearances",
    path: `/guidance/${SEEDED.draft}/clearances`,
    body: () => ({ office: "EUR/WE" }),
    expect: capital(200, 200),
  },
  {
    operation: "POST /guidance/{id}/approval",
    path: `/guidance/${SEEDED.draft}/approval`,
    body: () => ({ title: "ISN/MTR Director", reasons: "1.4 (B), (D)", years: 25, from: "2008-07-08" }),
    expect: capital(403, 200),
  },
  {
    operation: "POST /guidance/{id}/release",
    path: `/guidance/${SEEDED.draft}/release`,
    body: () => ({}),
    expect: capital(403, 200),
    check: (_user, body) =>
      expect((body as { release: { reference: string } }).release.reference).toBe("STATE 070896"),
  },
  {
    operation: "GET /guidance/{id}/telegram",
    path: `/guidance/${SEEDED.guidance}/telegram`,
    expect: usOnly({ "us.delegate": 200, "us.desk": 200, "us.director": 200 }),
  },
  {
    operation: "GET /guidance/{id}/word",
    path: `/guidance/${SEEDED.guidance}/word`,
    expect: usOnly({ "us.delegate": 200, "us.desk": 200, "us.director": 200 }),
  },
  {
    operation: "GET /guidance/{id}/compare",
    path: `/guidance/${SEEDED.draft}/compare?a=1&b=2`,
    expect: usOnly({ "us.delegate": 200, "us.desk": 200, "us.director": 200 }),
  },
  {
    operation: "GET /reports",
    path: "/reports",
    expect: all(200),
  },
  {
    // The post reports; the capital does not, and another government's delegate finds no guidance.
    operation: "POST /reports",
    path: "/reports",
    body: () => ({
      guidanceId: SEEDED.guidance,
      summary: { text: "The POC meeting took up the Canberra preparations.", marking: "C" },
      items: [
        { index: 6, said: { text: "No change.", marking: "C" }, outcome: { text: "Noted.", marking: "C" } },
      ],
      requests: [
        {
          index: 6,
          question: { text: "May we brief the candidates?", marking: "C" },
          neededBy: "2008-07-09T07:00Z",
        },
      ],
    }),
    expect: {
      ...all(403),
      "fr.poc": 404,
      admin: 404,
      "us.delegate": 201,
      "au.chair": 404,
      "gb.delegate": 404,
      "de.delegate": 404,
      "kz.candidate": 404,
    },
  },
  {
    operation: "GET /reports/{id}",
    path: "/reports/1",
    expect: usOnly({ "us.delegate": 200, "us.desk": 200, "us.director": 200 }),
    check: (_user, body) => expect((body as { slug: string }).slug).toBe("ISN/MTR"),
  },
  {
    operation: "GET /guidance-requests",
    path: "/guidance-requests?open=true",
    expect: all(200),
    check: (user, body) =>
      expect((body as { requests: unknown[] }).requests.length > 0).toBe(US.includes(user)),
  },
  {
    operation: "GET /guidance-requests/{id}",
    path: "/guidance-requests/1",
    expect: usOnly({ "us.delegate": 200, "us.desk": 200, "us.director": 200 }),
  },
  {
    // The first answer is started by the desk; the director finds it started.
    operation: "POST /guidance-requests/{id}/answer",
    path: "/guidance-requests/1/answer",
    body: () => ({}),
    expect: {
      ...all(403),
      "fr.poc": 404,
      admin: 404,
      "kz.candidate": 404,
      "us.desk": 201,
      "us.director": 409,
    },
  },
];

export const guidancePageCases: PageCase[] = [
  {
    path: "/guidance",
    expect: { ...all(200), "fr.poc": 404, admin: 404, "kz.candidate": 404 },
    check: (user, html) => expect(html.includes("STATE 070895")).toBe(US.includes(user)),
  },
  { path: `/guidance/${SEEDED.guidance}`, expect: only(US, 200, 404) },
  { path: `/guidance/${SEEDED.guidance}/telegram`, expect: only(US, 200, 404) },
  { path: "/guidance/queue", expect: only(["us.desk", "us.director"], 200, 404) },
  {
    path: "/guidance/new",
    expect: {
      ...all(403),
      "fr.poc": 404,
      admin: 404,
      "kz.candidate": 404,
      "us.desk": 200,
      "us.director": 200,
    },
  },
  {
    path: `/guidance/${SEEDED.guidance}/report`,
    expect: { ...all(404), "us.delegate": 200, "us.desk": 403, "us.director": 403 },
  },
];

/** What the access property reads of guidance and reports for every generated reader. */
export const guidanceOutputs: OutputCase[] = [
  { route: "GET /guidance", path: "/api/v1/guidance" },
  { route: "GET /guidance/{id}", path: `/api/v1/guidance/${SEEDED.guidance}` },
  { route: "GET /guidance/{id}/telegram", path: `/api/v1/guidance/${SEEDED.guidance}/telegram` },
  { route: "GET /guidance/{id}/word", path: `/api/v1/guidance/${SEEDED.guidance}/word` },
  { route: "GET /guidance/{id}/compare", path: `/api/v1/guidance/${SEEDED.draft}/compare?a=1&b=2` },
  { route: "GET /reports", path: "/api/v1/reports" },
  { route: "GET /reports/{id}", path: "/api/v1/reports/1" },
  { route: "GET /guidance-requests", path: "/api/v1/guidance-requests" },
  { route: "GET /guidance-requests/{id}", path: "/api/v1/guidance-requests/1" },
  { route: "/guidance", path: "/guidance" },
  { route: "/guidance/queue", path: "/guidance/queue" },
  { route: "/guidance/new", path: "/guidance/new" },
  { route: "/guidance/:id{[0-9]+}", path: `/guidance/${SEEDED.guidance}` },
  { route: "/guidance/:id{[0-9]+}/edit", path: `/guidance/${SEEDED.draft}/edit` },
  { route: "/guidance/:id{[0-9]+}/items/new", path: `/guidance/${SEEDED.draft}/items/new` },
  { route: "/guidance/:id{[0-9]+}/items/:n{[0-9]+}", path: `/guidance/${SEEDED.draft}/items/1` },
  { route: "/guidance/:id{[0-9]+}/report", path: `/guidance/${SEEDED.guidance}/report` },
  { route: "/guidance/:id{[0-9]+}/telegram", path: `/guidance/${SEEDED.guidance}/telegram` },
  { route: "/guidance/:id{[0-9]+}/compare", path: `/guidance/${SEEDED.draft}/compare?a=1&b=2` },
  { route: "/guidance/:id{[0-9]+}/word", path: `/guidance/${SEEDED.guidance}/word` },
  { route: "/reports/:id{[0-9]+}", path: "/reports/1" },
];
