import { expect } from "vitest";
import { type AuthzCase, all, only } from "../../test/authz/types.js";

const PARTNERS = [
  "fr.poc",
  "au.chair",
  "us.delegate",
  "us.desk",
  "us.director",
  "gb.delegate",
  "de.delegate",
  "admin",
] as const;
const WRITERS = [
  "fr.poc",
  "au.chair",
  "us.delegate",
  "us.desk",
  "us.director",
  "gb.delegate",
  "de.delegate",
] as const;

/** POC DOC 39 (the enactment matrix) is France's, circulated; call 1 is the seeded LEEM call (POC DOC 89); meeting 6 is the Canberra TEM. */
export const papersCases: AuthzCase[] = [
  {
    operation: "GET /papers",
    path: "/papers",
    expect: all(200),
    check: (user, body) => {
      const numbers = (body as { papers: { number: number }[] }).papers.map((p) => p.number);
      // A candidate government's user finds nothing.
      if (user === "kz.candidate") expect(numbers).toEqual([]);
      else expect(numbers).toEqual(expect.arrayContaining([39, 66, 89, 90]));
    },
  },
  { operation: "GET /papers/{number}", path: "/papers/39", expect: only([...PARTNERS], 200, 404) },
  { operation: "GET /papers/{number}", path: "/papers/9999", expect: all(404) },
  {
    operation: "POST /papers",
    path: "/papers",
    body: (user) => ({
      kind: "ie_paper",
      title: { text: `Harness IE paper by ${user}`, marking: "RR" },
      summary: { text: "One line.", marking: "PUBLIC" },
      countryOfOrigin: "Harness",
    }),
    expect: { ...only([...WRITERS], 201, 403) },
  },
  {
    operation: "PATCH /papers/{number}",
    path: "/papers/39",
    body: () => ({ agendaItem: "National enactment of changes to the MTCR controls" }),
    expect: { ...only(["fr.poc"], 200, 403), "kz.candidate": 404 },
  },
  {
    operation: "POST /papers/{number}/circulate",
    path: "/papers/39/circulate",
    expect: { ...only(["fr.poc"], 409, 403), "kz.candidate": 404 },
  },
  {
    operation: "POST /papers/{number}/files",
    path: "/papers/39/files",
    form: () => {
      const f = new FormData();
      f.set("marking", "RR");
      return f;
    },
    // Allowed to attach (France's paper, France's Point of Contact), but no file was sent: 400.
    expect: { ...only(["fr.poc"], 400, 403), "kz.candidate": 404 },
  },
  { operation: "GET /papers/{number}/files/{id}", path: "/papers/39/files/1", expect: all(404) },
  { operation: "GET /papers/{number}/word", path: "/papers/39/word", expect: only([...PARTNERS], 200, 404) },
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
    expect: only(["fr.poc", "au.chair"], 201, 403),
  },
  { operation: "GET /calls/{id}", path: "/calls/1", expect: only([...PARTNERS], 200, 404) },
  {
    operation: "POST /calls/{id}/contributions",
    path: "/calls/1/contributions",
    body: (user) => ({
      kind: "presentation",
      title: `Harness talk by ${user}`,
      countryOfOrigin: "Harness",
      summary: "Short.",
    }),
    expect: {
      ...only(["au.chair", "us.delegate", "us.desk", "us.director", "gb.delegate", "de.delegate"], 201, 403),
      "kz.candidate": 404,
    },
  },
  {
    operation: "PATCH /calls/{id}/contributions/{contribution}",
    path: "/calls/1/contributions/999999",
    body: () => ({ state: "accepted", position: 1 }),
    expect: { ...only(["fr.poc", "au.chair"], 404, 403), "kz.candidate": 404 },
  },
  {
    operation: "POST /calls/{id}/agenda",
    path: "/calls/1/agenda",
    // Nothing accepted yet: the chair is told to accept a contribution first.
    expect: { ...only(["fr.poc", "au.chair"], 400, 403), "kz.candidate": 404 },
  },
  {
    operation: "GET /search",
    path: "/search?q=Canberra",
    expect: all(200),
    check: (user, body) => {
      const b = body as { total: number; facets: { paper: number; telegram: number } };
      if (user === "kz.candidate") expect(b.total).toBe(0);
      // The administrator is cleared only for PUBLIC: the papers' REGIME RESTRICTED portions do not match.
      else if (user === "admin") expect(b.facets.paper).toBe(0);
      else expect(b.facets.paper).toBeGreaterThan(0);
      // A national record never appears in another government's results.
      expect(b.facets.telegram > 0).toBe(user.startsWith("us."));
    },
  },
];
