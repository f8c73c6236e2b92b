import { expect } from "vitest";
import { type AuthzCase, only } from "../../../test/authz/types.js";

const US = ["us.delegate", "us.desk", "us.director"] as const;

/** The seed telegram STATE 070895 is telegram 1 of the scenario, in the United States' national space. */
export const telegramCases: AuthzCase[] = [
  {
    operation: "GET /telegrams",
    path: "/telegrams",
    expect: only(
      [...US, "fr.poc", "au.chair", "gb.delegate", "de.delegate", "kz.candidate", "admin"],
      200,
      0,
    ),
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
    operation: "GET /telegrams/{id}",
    path: "/telegrams/1",
    expect: only([...US], 200, 404),
    check: (_user, body) => {
      expect((body as { messageRef: string }).messageRef).toBe("08STATE70895");
    },
  },
  { operation: "GET /telegrams/{id}", path: "/telegrams/999999", expect: only([], 200, 404) },
];
