import { expect } from "vitest";
import { type AuthzCase, all, type OutputCase, type PageCase } from "../core/authz.js";

const US = ["us.delegate", "us.desk", "us.director"];

interface Found {
  total: number;
  facets: Record<string, number>;
  hits: { type: string; ref: string }[];
}

export const searchCases: AuthzCase[] = [
  {
    operation: "GET /search",
    path: "/search?q=Canberra&type=telegram",
    expect: all(200),
    check: (user, body) => {
      const b = body as Found;
      // The seed telegram STATE 070895 is the United States' own: no one else finds it or counts it.
      expect(b.total > 0).toBe(US.includes(user));
      expect(b.hits.every((h) => h.type === "telegram")).toBe(true);
      expect(Object.entries(b.facets).filter(([t, n]) => t !== "telegram" && n > 0)).toEqual([]);
    },
  },
  // A type no source registered is refused, naming the ones there are.
  { operation: "GET /search", path: "/search?q=Canberra&type=unicorn", expect: all(400) },
  // Numbers beyond the database's integers are refused, saying so.
  { operation: "GET /search", path: "/search?q=uav&offset=99999999999", expect: all(400) },
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

export const searchPageCases: PageCase[] = [
  { path: "/search", expect: all(200), check: (_user, html) => expect(html).not.toContain("results-title") },
  {
    path: "/search?q=Canberra",
    expect: all(200),
    check: (user, html) => {
      expect(html.includes("08STATE70895")).toBe(US.includes(user));
      expect(html).toMatch(/Telegrams: \d+/);
      if (user === "kz.candidate") expect(html).toContain("0 results");
    },
  },
  { path: "/search?q=Canberra&type=unicorn", expect: all(400) },
];

/** What the access property reads of the search for every generated reader: each word of the world. */
export const searchOutputs: OutputCase[] = [
  {
    route: "GET /search",
    path: "/api/v1/search?q={term}",
    total: (body) => (body as { total?: number }).total,
  },
  { route: "/search", path: "/search?q={term}" },
];
