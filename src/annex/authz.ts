import { expect } from "vitest";
import { type AuthzCase, all, type OutputCase, only, type PageCase } from "../core/authz.js";

// The scenario's records, in the order the seed makes them.
const ANNEX_2006 = 1;
const ANNEX_2007 = 2;
const ATHENS_2007 = 1;

/** Regime records: everyone in a Partner government sees them; the candidate sees nothing. */
const regime = (yes: number) => ({ ...all(yes), "kz.candidate": 404 });
/** The Point of Contact acts; other Partners are refused; the candidate is refused before any record. */
const pointOfContact = (yes: number) => only(["fr.poc"], yes, 403);

const node = (number: string, text: string) => ({ number, text, notes: [], technicalNotes: [] });

export const annexCases: AuthzCase[] = [
  {
    operation: "GET /annex/versions",
    path: "/annex/versions",
    expect: all(200),
    check: (user, body) => {
      const labels = ((body as { versions: { label: string }[] }).versions ?? []).map((v) => v.label);
      expect(labels).toEqual(user === "kz.candidate" ? [] : ["Annex 2006", "Annex 2007 (Athens)"]);
    },
  },
  {
    operation: "POST /annex/versions",
    path: "/annex/versions",
    body: (user) => ({ label: `Version by ${user}`, asOf: "2000-01-01", nodes: [node("1", "Item one")] }),
    expect: pointOfContact(201),
  },
  { operation: "GET /annex/versions/{id}", path: `/annex/versions/${ANNEX_2006}`, expect: regime(200) },
  { operation: "GET /annex/entries/{number}", path: "/annex/entries/2.A.1.c", expect: regime(200) },
  {
    operation: "GET /annex/search",
    path: "/annex/search?q=rocket",
    expect: regime(200),
    check: (_user, body) => expect((body as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0),
  },
  {
    operation: "GET /annex/diff",
    path: `/annex/diff?from=${ANNEX_2006}&to=${ANNEX_2007}`,
    expect: regime(200),
  },
  {
    operation: "GET /annex/amendment-sets",
    path: "/annex/amendment-sets",
    expect: all(200),
    check: (user, body) =>
      expect(((body as { sets: { title: string }[] }).sets ?? []).map((s) => s.title)).toEqual(
        user === "kz.candidate" ? [] : ["Athens 2007"],
      ),
  },
  {
    operation: "POST /annex/amendment-sets",
    path: "/annex/amendment-sets",
    body: (user) => ({
      title: `Set by ${user}`,
      adoptedOn: "2008-07-02",
      changes: [{ op: "delete", number: "3.B.1" }],
    }),
    expect: pointOfContact(201),
  },
  {
    operation: "GET /annex/amendment-sets/{id}",
    path: `/annex/amendment-sets/${ATHENS_2007}`,
    expect: regime(200),
  },
  {
    // The seed has applied Athens 2007: the Point of Contact is told so; the candidate does not see the set.
    operation: "POST /annex/amendment-sets/{id}/apply",
    path: `/annex/amendment-sets/${ATHENS_2007}/apply`,
    body: (user) => ({ versionId: ANNEX_2006, label: `Applied by ${user}`, asOf: "2008-07-02" }),
    expect: { ...pointOfContact(409), "kz.candidate": 404 },
  },
];

export const annexPageCases: PageCase[] = [
  {
    path: "/annex",
    expect: regime(200),
    check: (_user, html) => {
      expect(html).toContain("Category I");
      expect(html).toContain("19.A.1");
    },
  },
  {
    path: "/annex?q=accelerometers",
    expect: regime(200),
    check: (_u, html) => expect(html).toContain("9.A.3"),
  },
  {
    path: "/annex/entries/9.A.3",
    expect: regime(200),
    check: (_u, html) => expect(html).toContain("not in this version"),
  },
  {
    path: `/annex/diff?from=${ANNEX_2006}&to=${ANNEX_2007}`,
    expect: regime(200),
    check: (_u, html) => {
      expect(html).toContain('<ins class="diff-ins">');
      expect(html).toContain('<del class="diff-del">');
    },
  },
  {
    path: `/annex/amendment-sets/${ATHENS_2007}`,
    expect: regime(200),
    check: (_u, html) => expect(html).toContain("3.B.2"),
  },
];

/** What the access property reads of the control list for every generated reader. */
export const annexOutputs: OutputCase[] = [
  { route: "GET /annex/versions", path: "/api/v1/annex/versions" },
  { route: "GET /annex/versions/{id}", path: `/api/v1/annex/versions/${ANNEX_2007}` },
  { route: "GET /annex/entries/{number}", path: "/api/v1/annex/entries/2.A.1.c" },
  { route: "GET /annex/search", path: "/api/v1/annex/search?q={term}" },
  { route: "GET /annex/diff", path: `/api/v1/annex/diff?from=${ANNEX_2006}&to=${ANNEX_2007}` },
  { route: "GET /annex/amendment-sets", path: "/api/v1/annex/amendment-sets" },
  { route: "GET /annex/amendment-sets/{id}", path: `/api/v1/annex/amendment-sets/${ATHENS_2007}` },
  { route: "/annex", path: "/annex" },
  { route: "/annex/diff", path: `/annex/diff?from=${ANNEX_2006}&to=${ANNEX_2007}` },
  { route: "/annex/amendment-sets/:id", path: `/annex/amendment-sets/${ATHENS_2007}` },
  { route: "/annex/entries/:number", path: "/annex/entries/9.A.3" },
];
