import { expect } from "vitest";
import { type AuthzCase, all, type OutputCase, type PageCase } from "../core/authz.js";
import { CAVEAT } from "./rules.js";

/** The scenario's visits (seed.ts), by their ids: Astana 2007 (reported), Beijing 2008 (held), Islamabad 2008 (ahead). */
export const SEEDED = { astana: 1, beijing: 2, islamabad: 3 } as const;

/** Regime records: the Partners' people see them; the candidate sees none (404). */
const partners = (status: number) => ({ ...all(status), "kz.candidate": 404 });
/** The Chair and the Point of Contact record; other Partners' people are refused; the candidate finds nothing. */
const recorders = (poc: number, chair: number) => ({ ...partners(403), "fr.poc": poc, "au.chair": chair });

interface VisitJson {
  id: number;
  caveat: string;
  host: { code: string };
  points: { withheld: boolean; text: string | null }[];
  reportPaper: number | null;
}

export const outreachCases: AuthzCase[] = [
  {
    operation: "GET /outreach",
    path: "/outreach?year=2008",
    expect: partners(200),
    check: (_user, body) => {
      const list = body as { caveat: string; visits: VisitJson[] };
      expect(list.caveat).toBe(CAVEAT);
      expect(list.visits.map((v) => v.id)).toEqual([SEEDED.beijing, SEEDED.islamabad]);
      for (const v of list.visits) expect(v.caveat).toBe(CAVEAT);
    },
  },
  {
    operation: "GET /outreach/{id}",
    path: `/outreach/${SEEDED.astana}`,
    expect: partners(200),
    check: (user, body) => {
      const v = body as VisitJson;
      expect(v.caveat).toBe(CAVEAT);
      expect(v.reportPaper).toBeGreaterThan(0);
      // The administrator is cleared PUBLIC: the RR points are withheld, their places kept.
      expect(v.points.map((p) => p.withheld)).toEqual(
        user === "admin" ? [false, true, true] : [false, false, false],
      );
    },
  },
  {
    operation: "POST /outreach",
    path: "/outreach",
    body: () => ({
      governmentCode: "IL",
      city: "Jerusalem",
      firstDay: "2008-06-10",
      lastDay: "2008-06-11",
      authorities: ["Ministry of Foreign Affairs"],
      delegation: ["The MTCR Chair"],
      aims: [{ aim: "learn" }],
      points: [{ text: "The regime's Guidelines.", marking: "PUBLIC" }],
    }),
    expect: recorders(201, 201),
    check: (_user, body) => expect((body as VisitJson).caveat).toBe(CAVEAT),
  },
  {
    // The Point of Contact files the Beijing report; the Chair then finds it filed already.
    operation: "POST /outreach/{id}/report",
    path: `/outreach/${SEEDED.beijing}/report`,
    body: () => ({ paragraphs: [{ text: "The host described its controls.", marking: "RR" }] }),
    expect: recorders(201, 409),
    check: (_user, body) => expect((body as VisitJson).reportPaper).toBeGreaterThan(0),
  },
];

const caveat = (html: string) => expect(html).toContain(CAVEAT);

export const outreachPageCases: PageCase[] = [
  {
    path: "/outreach",
    expect: partners(200),
    check: (_user, html) => {
      caveat(html);
      expect(html).toContain("Outreach visits, 2008");
      expect(html).toContain('role="img"');
      expect(html).toContain("Beijing");
    },
  },
  {
    path: "/outreach?year=2007",
    expect: partners(200),
    check: (_user, html) => {
      caveat(html);
      expect(html).toContain("Astana");
    },
  },
  {
    path: `/outreach/${SEEDED.astana}`,
    expect: partners(200),
    check: (user, html) => {
      caveat(html);
      expect(html).toContain("POC DOC");
      expect(html.includes("File the report")).toBe(false);
      if (user === "admin") expect(html).toContain("[withheld: (RR)]");
    },
  },
  {
    path: `/outreach/${SEEDED.beijing}`,
    expect: partners(200),
    check: (user, html) =>
      expect(html.includes("File the report")).toBe(["fr.poc", "au.chair"].includes(user)),
  },
  { path: "/outreach/new", expect: recorders(200, 200) },
  { path: `/outreach/${SEEDED.beijing}/report`, expect: recorders(200, 200) },
  {
    path: "/outreach/report?year=2008",
    expect: partners(200),
    check: (_user, html) => {
      caveat(html);
      expect(html).toContain("Report on contacts with non-Partners, 2008");
      expect(html).toContain("Islamabad");
    },
  },
  { path: "/outreach/9999", expect: { ...all(404) } },
];

/** What the access property reads of outreach for every generated reader. */
export const outreachOutputs: OutputCase[] = [
  { route: "GET /outreach", path: "/api/v1/outreach?year=2008" },
  { route: "GET /outreach/{id}", path: `/api/v1/outreach/${SEEDED.astana}` },
  { route: "/outreach", path: "/outreach?year=2008" },
  { route: "/outreach/report", path: "/outreach/report?year=2008" },
  { route: "/outreach/new", path: "/outreach/new" },
  { route: "/outreach/:id{[0-9]+}", path: `/outreach/${SEEDED.astana}` },
  { route: "/outreach/:id{[0-9]+}/report", path: `/outreach/${SEEDED.beijing}/report` },
];
