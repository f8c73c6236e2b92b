import { expect } from "vitest";
import { type AuthzCase, type OutputCase, only, type PageCase } from "../../core/authz.js";

const US = ["us.delegate", "us.desk", "us.director"] as const;
const others = ["fr.poc", "au.chair", "gb.delegate", "de.delegate", "kz.candidate", "admin"] as const;
const SEED = 1;

/** The seed telegram STATE 070895 is telegram 1 of the scenario, in the United States' national space. */
export const telegramCases: AuthzCase[] = [
  {
    operation: "GET /telegrams",
    path: "/telegrams",
    expect: only([...US, ...others], 200, 0),
    check: (user, body) => {
      const b = body as { total: number; telegrams: { messageRef: string }[] };
      // No other government sees a US telegram: not in the list, not in the count.
      if ((US as readonly string[]).includes(user)) {
        expect(b.telegrams.map((t) => t.messageRef)).toContain("08STATE70895");
      } else {
        expect(b.total).toBe(0);
        expect(b.telegrams).toEqual([]);
      }
    },
  },
  {
    operation: "GET /telegrams",
    path: "/telegrams?q=interdictions",
    expect: only([...US, ...others], 200, 0),
    check: (user, body) => {
      // A word of the seed's (C) paragraphs: found by the US readers, all cleared to C; counted by no one else.
      expect((body as { total: number }).total).toBe((US as readonly string[]).includes(user) ? 1 : 0);
    },
  },
  {
    operation: "GET /telegrams/{id}",
    path: `/telegrams/${SEED}`,
    expect: only([...US], 200, 404),
    check: (_user, body) => {
      const b = body as { messageRef: string; rawAllowed: boolean; withheldPortions: number };
      expect(b.messageRef).toBe("08STATE70895");
      expect(b.withheldPortions).toBe(0);
      expect(b.rawAllowed).toBe(true);
    },
  },
  { operation: "GET /telegrams/{id}", path: "/telegrams/999999", expect: only([], 200, 404) },
];

export const telegramPageCases: PageCase[] = [
  {
    path: "/telegrams",
    expect: only([...US, ...others], 200, 0),
    check: (user, html) => {
      expect(html.includes("08STATE70895")).toBe((US as readonly string[]).includes(user));
    },
  },
  { path: "/telegrams?from=July", expect: only([...US, ...others], 400, 0) },
  {
    path: `/telegrams/${SEED}`,
    expect: only([...US], 200, 404),
    check: (_user, html) => {
      expect(html).toContain("STATE 070895");
      expect(html).toContain("Download the telegram as imported");
    },
  },
  { path: `/telegrams/${SEED}/raw`, expect: only([...US], 200, 404) },
  { path: "/telegrams/999999", expect: only([], 200, 404) },
];

const totalOf = (body: unknown) => (body as { total?: number }).total;

/** What the access property reads of the archive for every generated reader. */
export const telegramOutputs: OutputCase[] = [
  { route: "GET /telegrams", path: "/api/v1/telegrams?limit=200", lists: "telegram" },
  { route: "GET /telegrams", path: "/api/v1/telegrams?q={term}", lists: "telegram", total: totalOf },
  { route: "GET /telegrams/{id}", path: "/api/v1/telegrams/{telegram}", shows: true },
  { route: "/telegrams", path: "/telegrams", lists: "telegram" },
  { route: "/telegrams", path: "/telegrams?q={term}", lists: "telegram" },
  { route: "/telegrams/:id{[0-9]+}", path: "/telegrams/{telegram}", shows: true },
  { route: "/telegrams/:id{[0-9]+}/raw", path: "/telegrams/{telegram}/raw" },
];
