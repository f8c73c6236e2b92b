import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import { DEMO, type DemoUser } from "../core/authz.js";
import { browseAudit, readOutbox, verifyAudit } from "./policy.js";

/** Every demo user's outcome, written down: only the administrator (of France, a Partner) may. */
const EXPECTED: Record<DemoUser, boolean> = {
  "fr.poc": false,
  "au.chair": false,
  "us.delegate": false,
  "us.desk": false,
  "us.director": false,
  "gb.delegate": false,
  "de.delegate": false,
  "kz.candidate": false,
  admin: true,
};

describe("the administration's policy", () => {
  for (const [name, r] of Object.entries({ browseAudit, verifyAudit, readOutbox })) {
    it(`${name}: the administrator alone`, () => {
      expect(Object.fromEntries(DEMO.map((u) => [u, r.allows(demoReader(u))]))).toEqual(EXPECTED);
    });
  }

  it("keeps the outbox from an administrator whose government is not a Partner", () => {
    const kz = demoReader("kz.candidate");
    const kzAdmin = { ...kz, roles: ["admin" as const] };
    expect(browseAudit.allows(kzAdmin)).toBe(true);
    expect(readOutbox.allows(kzAdmin)).toBe(false);
  });
});
