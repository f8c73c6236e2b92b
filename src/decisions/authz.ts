import { expect } from "vitest";
import { type AuthzCase, all, type DemoUser, type OutputCase, only, type PageCase } from "../core/authz.js";

/** The scenario's proposals (seed.ts), by their ids. */
export const SEEDED = { extend: 1, begin: 2, leemAgenda: 3, usDraft: 4, venue: 5, outreach: 6 } as const;

/** Regime records: everyone in a Partner government sees them; the candidate sees nothing. */
const regime = (yes: number) => ({ ...all(yes), "kz.candidate": 404 });
const US: DemoUser[] = ["us.delegate", "us.desk", "us.director"];
const manage = (yes: number, after: number) => ({
  ...regime(403),
  "fr.poc": yes,
  "au.chair": after,
});

interface ListJson {
  proposals: { id: number; title: { text: string | null } }[];
}
interface ProposalJson {
  grid: unknown[];
  draft: { position: string } | null;
  state: string;
}

export const decisionCases: AuthzCase[] = [
  {
    operation: "GET /decisions",
    path: "/decisions",
    expect: regime(200),
    check: (user, body) => {
      const ids = (body as ListJson).proposals.map((p) => p.id);
      expect(ids).toContain(SEEDED.leemAgenda);
      // A draft is its government's, and the Point of Contact's, alone.
      expect(ids.includes(SEEDED.usDraft)).toBe(US.includes(user) || user === "fr.poc");
    },
  },
  {
    operation: "GET /decisions/{id}",
    path: `/decisions/${SEEDED.leemAgenda}`,
    expect: regime(200),
    check: (user, body) => {
      const p = body as ProposalJson;
      // 34 Partners on 2 July 2008.
      expect(p.grid).toHaveLength(34);
      // The US desk's draft position is in the US national space only.
      expect(p.draft !== null).toBe(US.includes(user));
    },
  },
  {
    operation: "POST /decisions",
    path: "/decisions",
    body: () => ({
      title: { text: "A harness proposal", marking: "RR" },
      text: [{ text: "Text.", marking: "RR" }],
    }),
    expect: { ...regime(201), admin: 403, "kz.candidate": 403 },
  },
  {
    // Each Partner's delegates state their own position; under silence, support keeps silence.
    operation: "POST /decisions/{id}/positions",
    path: `/decisions/${SEEDED.leemAgenda}/positions`,
    body: () => ({ position: "support" }),
    expect: { ...regime(403), "au.chair": 201, "us.delegate": 201, "gb.delegate": 201, "de.delegate": 201 },
    check: (_user, body) => expect((body as ProposalJson).state).toBe("under_silence"),
  },
  {
    operation: "POST /decisions/{id}/draft-position",
    path: `/decisions/${SEEDED.leemAgenda}/draft-position`,
    body: () => ({ position: "no_objection" }),
    expect: { ...regime(200), "fr.poc": 403, admin: 403 },
    check: (_user, body) => expect((body as ProposalJson).draft?.position).toBe("no_objection"),
  },
  {
    // The Point of Contact circulates the US draft; the chair then finds it circulated already.
    operation: "POST /decisions/{id}/circulate",
    path: `/decisions/${SEEDED.usDraft}/circulate`,
    expect: { ...manage(200, 409), "kz.candidate": 404 },
  },
  {
    operation: "POST /decisions/{id}/silence",
    path: `/decisions/${SEEDED.usDraft}/silence`,
    body: () => ({ deadline: "2008-07-21T10:00Z" }),
    expect: manage(200, 409),
  },
  {
    operation: "POST /decisions/{id}/meeting",
    path: `/decisions/${SEEDED.outreach}/meeting`,
    body: () => ({}),
    expect: manage(200, 409),
  },
  {
    operation: "POST /decisions/{id}/outcome",
    path: `/decisions/${SEEDED.venue}/outcome`,
    body: () => ({ outcome: "not_agreed", note: "Deferred to the 2009 preparations." }),
    expect: manage(200, 409),
  },
  {
    operation: "POST /decisions/{id}/withdraw",
    path: `/decisions/${SEEDED.outreach}/withdraw`,
    body: () => ({ note: "Replaced." }),
    // The Point of Contact withdraws it; the chair (whose government made it) then finds it withdrawn.
    expect: manage(200, 409),
  },
];

export const decisionPageCases: PageCase[] = [
  {
    path: "/decisions",
    expect: regime(200),
    check: (user, html) => {
      // The administrator is cleared PUBLIC: the RR titles are withheld, their places kept.
      if (user === "admin") expect(html).toContain("[withheld: (RR)]");
      else expect(html).toContain("Adopt the draft agenda of the Canberra LEEM");
      expect(html.includes("eight weeks in advance")).toBe(US.includes(user) || user === "fr.poc");
    },
  },
  {
    path: `/decisions/${SEEDED.leemAgenda}`,
    expect: regime(200),
    check: (user, html) => {
      expect(html).toContain("Partner × position");
      expect(
        html.includes("State my government&#39;s position") ||
          html.includes("State my government's position"),
      ).toBe(["au.chair", "us.delegate", "gb.delegate", "de.delegate"].includes(user));
    },
  },
  { path: `/decisions/${SEEDED.usDraft}`, expect: { ...only([...US, "fr.poc"], 200, 404) } },
  { path: "/decisions/new", expect: { ...regime(200), admin: 403 } },
];

/** What the access property reads of the decisions for every generated reader. */
export const decisionOutputs: OutputCase[] = [
  { route: "GET /decisions", path: "/api/v1/decisions" },
  { route: "GET /decisions/{id}", path: `/api/v1/decisions/${SEEDED.leemAgenda}` },
  { route: "GET /decisions/{id}", path: `/api/v1/decisions/${SEEDED.usDraft}` },
  { route: "/decisions", path: "/decisions" },
  { route: "/decisions/new", path: "/decisions/new" },
  { route: "/decisions/:id{[0-9]+}", path: `/decisions/${SEEDED.leemAgenda}` },
];
