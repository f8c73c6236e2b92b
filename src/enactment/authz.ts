import { expect } from "vitest";
import { type AuthzCase, all, type DemoUser, type OutputCase, only, type PageCase } from "../core/authz.js";

const ATHENS_2007 = 1;
const GOVERNMENT: Record<DemoUser, string> = {
  "fr.poc": "FR",
  "au.chair": "AU",
  "us.delegate": "US",
  "us.desk": "US",
  "us.director": "US",
  "gb.delegate": "GB",
  "de.delegate": "DE",
  "kz.candidate": "KZ",
  admin: "FR",
};

/** Regime records: everyone in a Partner government sees them; the candidate sees nothing. */
const regime = (yes: number) => ({ ...all(yes), "kz.candidate": 404 });

interface MatrixJson {
  whole: boolean;
  rows: { code: string }[];
}

export const enactmentCases: AuthzCase[] = [
  {
    operation: "GET /enactment/matrix",
    path: "/enactment/matrix",
    expect: regime(200),
    check: (user, body) => {
      const m = body as MatrixJson;
      expect(m.whole).toBe(user === "fr.poc");
      // Only the Point of Contact sees the rows of Partners that have not reported.
      if (user === "fr.poc") expect(m.rows.length).toBe(34);
      else expect(m.rows.length).toBeLessThan(34);
    },
  },
  { operation: "GET /enactment/export", path: "/enactment/export?format=csv", expect: regime(200) },
  {
    operation: "GET /enactment/reports/{setId}/{code}",
    path: `/enactment/reports/${ATHENS_2007}/US`,
    expect: regime(200),
  },
  {
    // Each reports for their own government; an administrator as such does not report.
    operation: "POST /enactment/reports",
    path: "/enactment/reports",
    body: (user) => ({ setId: ATHENS_2007, governmentCode: GOVERNMENT[user], status: "in_progress" }),
    expect: { ...all(201), admin: 403, "kz.candidate": 404 },
  },
  { operation: "POST /enactment/issue", path: "/enactment/issue", expect: only(["fr.poc"], 201, 403) },
];

export const enactmentPageCases: PageCase[] = [
  {
    path: "/enactment",
    expect: regime(200),
    check: (user, html) => {
      expect(html).toContain("<svg");
      expect(html).toContain("United States");
      if (user === "fr.poc") expect(html).toContain("Japan");
      else expect(html).not.toContain("Japan");
    },
  },
  { path: "/enactment/report", expect: { ...regime(200), admin: 403 } },
];

/** What the access property reads of the enactment matrix for every generated reader: JSON, CSV and XLSX. */
export const enactmentOutputs: OutputCase[] = [
  { route: "GET /enactment/matrix", path: "/api/v1/enactment/matrix" },
  { route: "GET /enactment/export", path: "/api/v1/enactment/export?format=csv" },
  { route: "GET /enactment/export", path: "/api/v1/enactment/export?format=xlsx" },
  { route: "GET /enactment/reports/{setId}/{code}", path: `/api/v1/enactment/reports/${ATHENS_2007}/US` },
  { route: "/enactment", path: "/enactment" },
  { route: "/enactment/report", path: "/enactment/report" },
];
