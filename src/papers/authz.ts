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
/** Cleared for REGIME RESTRICTED: everyone but the administrator (PUBLIC) and the candidate. */
const CLEARED_RR = WRITERS;

/**
 * POC DOC 39 (the enactment matrix) is France's, circulated, with the seeded Word file 1 marked
 * RR; POC DOC 66 has REGIME CONFIDENTIAL sections.
 */
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
  {
    operation: "GET /papers/{number}/files/{id}",
    path: "/papers/39/files/1",
    // The file is RR: the administrator (cleared for PUBLIC) is refused, naming the marking.
    expect: { ...only([...CLEARED_RR], 200, 403), "kz.candidate": 404 },
  },
  { operation: "GET /papers/{number}/files/{id}", path: "/papers/39/files/999999", expect: all(404) },
  { operation: "GET /papers/{number}/word", path: "/papers/39/word", expect: only([...PARTNERS], 200, 404) },
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
const is = (users: readonly DemoUser[], user: DemoUser) => users.includes(user);

/** Every page of the register, for every demo user, with what each may be offered. */
export const papersPageCases: PageCase[] = [
  {
    path: "/papers",
    expect: all(200),
    check: (user, html) => {
      expect(unlabelled(html)).toEqual([]);
      // The form to submit a paper is offered to those who write papers, and to no one else.
      expect(offers(html, 'action="/papers"')).toBe(is(WRITERS, user));
      expect(offers(html, "POC DOC 39")).toBe(user !== "kz.candidate");
      if (user === "kz.candidate") expect(html).toContain("There are no papers you may see.");
      // The administrator is not cleared for the titles' RR.
      expect(offers(html, "Matrix of Partner implementation")).toBe(is(CLEARED_RR, user));
    },
  },
  {
    path: "/papers/39",
    expect: only([...PARTNERS], 200, 404),
    check: (user, html) => {
      expect(unlabelled(html)).toEqual([]);
      // France's paper: France's Point of Contact attaches and withdraws; it is circulated already.
      expect(offers(html, 'action="/papers/39/files"')).toBe(user === "fr.poc");
      expect(offers(html, 'action="/papers/39/status"')).toBe(user === "fr.poc");
      expect(offers(html, 'action="/papers/39/circulate"')).toBe(false);
      expect(offers(html, 'href="/papers/39/edit"')).toBe(user === "fr.poc");
      // The seeded file: a link for those cleared for RR, withheld (its marking named) otherwise.
      expect(offers(html, 'href="/api/v1/papers/39/files/1"')).toBe(is(CLEARED_RR, user));
      if (user === "admin") expect(html).toContain("[withheld: (RR)]");
    },
  },
  {
    path: "/papers/39/edit",
    // France's own paper: its Point of Contact changes it; other Partners' users may read it, not change it.
    expect: { ...only(["fr.poc"], 200, 403), "kz.candidate": 404 },
    check: (_user, html) => expect(html).toContain('action="/papers/39/edit"'),
  },
  {
    path: "/papers/66",
    expect: only([...PARTNERS], 200, 404),
    check: (user, html) => {
      expect(unlabelled(html)).toEqual([]);
      // "Lessons learned from interdictions" is a REGIME CONFIDENTIAL heading.
      const cleared = user !== "de.delegate" && user !== "admin";
      expect(offers(html, "Lessons learned from interdictions")).toBe(cleared);
      expect(offers(html, "[withheld: (RC)]")).toBe(!cleared);
    },
  },
  { path: "/papers/9999", expect: all(404) },
];

/** What the access property reads of the register for every generated reader. */
export const papersOutputs: OutputCase[] = [
  { route: "GET /papers", path: "/api/v1/papers", lists: "paper" },
  { route: "GET /papers/{number}", path: "/api/v1/papers/{paper}", shows: true },
  { route: "GET /papers/{number}/word", path: "/api/v1/papers/{paper}/word", shows: true },
  { route: "GET /papers/{number}/files/{id}", path: "/api/v1/papers/39/files/1" },
  { route: "/papers", path: "/papers", lists: "paper" },
  { route: "/papers/:number{(?:draft-)?[0-9]+}", path: "/papers/{paper}", shows: true },
  { route: "/papers/:number{(?:draft-)?[0-9]+}/edit", path: "/papers/{paper}/edit" },
];
