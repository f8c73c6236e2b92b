import { expect } from "vitest";
import { type AuthzCase, all, type OutputCase, type PageCase } from "../core/authz.js";

/** The scenario's candidacy: Kazakhstan's, 1. The US keeps its own view of it. */
export const SEEDED = { kz: 1 } as const;

/** Partners' people see the regime's record; the candidate sees nothing of its own candidacy. */
const partners = (status: number) => ({ ...all(status), "kz.candidate": 404 });

interface CandidacyJson {
  government: { code: string };
  myView: { reasoning: string | null } | null;
  history: { kind: string }[];
}

export const membershipCases: AuthzCase[] = [
  {
    operation: "GET /candidacies",
    path: "/candidacies",
    expect: partners(200),
    check: (_user, body) =>
      expect((body as { candidacies: CandidacyJson[] }).candidacies.map((x) => x.government.code)).toContain(
        "KZ",
      ),
  },
  {
    operation: "GET /candidacies/{id}",
    path: `/candidacies/${SEEDED.kz}`,
    expect: partners(200),
    check: (user, body) => {
      const c = body as CandidacyJson;
      // The US view is the US's alone: the UK, the Point of Contact and the Chair never see it.
      expect(c.myView !== null).toBe(user.startsWith("us."));
      expect(c.history.map((e) => e.kind)).toEqual(["applied", "deferred", "scheduled"]);
    },
  },
  {
    operation: "POST /candidacies",
    path: "/candidacies",
    body: () => ({ governmentCode: "PK", appliedOn: "2008-06-01" }),
    expect: { ...partners(403), "fr.poc": 201, "au.chair": 409 },
  },
  {
    // The Point of Contact records that Canberra examined it; the chair then records the same day again.
    operation: "POST /candidacies/{id}/history",
    path: `/candidacies/${SEEDED.kz}/history`,
    body: () => ({ kind: "scheduled", on: "2008-07-02", meetingId: 5, source: "POC meeting note" }),
    expect: { ...partners(403), "fr.poc": 200, "au.chair": 200 },
  },
  {
    operation: "POST /candidacies/{id}/view",
    path: `/candidacies/${SEEDED.kz}/view`,
    // Each on its own ladder; the Point of Contact's secretariat and the administrator keep no view.
    body: (user) => ({
      position: "undecided",
      reasoning: `${user}'s own reasoning.`,
      marking: user.startsWith("de.") ? "VS-NFD" : user.startsWith("au.") ? "R" : "C",
    }),
    expect: { ...partners(200), "fr.poc": 403, admin: 403 },
    check: (user, body) => expect((body as CandidacyJson).myView?.reasoning).toBe(`${user}'s own reasoning.`),
  },
];

export const membershipPageCases: PageCase[] = [
  { path: "/candidacies", expect: partners(200) },
  {
    path: `/candidacies/${SEEDED.kz}`,
    expect: partners(200),
    check: (user, html) =>
      expect(html.includes("have not changed since the 2007 Athens Plenary")).toBe(user.startsWith("us.")),
  },
];

/** What the access property reads of candidacies for every generated reader. */
export const membershipOutputs: OutputCase[] = [
  { route: "GET /candidacies", path: "/api/v1/candidacies" },
  { route: "GET /candidacies/{id}", path: `/api/v1/candidacies/${SEEDED.kz}` },
  { route: "/candidacies", path: "/candidacies" },
  { route: "/candidacies/:id{[0-9]+}", path: `/candidacies/${SEEDED.kz}` },
];
