import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import type { Reader } from "../core/access/reader.js";
import { DEMO, type DemoUser } from "../core/authz.js";
import { readOutreach, recordOutreach } from "./policy.js";

type Matrix = Record<DemoUser, boolean>;
const yes = (...users: DemoUser[]): Matrix =>
  Object.fromEntries(DEMO.map((u) => [u, users.includes(u)])) as Matrix;

const MATRIX: [string, (u: DemoUser) => boolean, Matrix][] = [
  ["read outreach", (u) => readOutreach.allows(demoReader(u)), { ...yes(...DEMO), "kz.candidate": false }],
  ["record visits and file reports", (u) => recordOutreach.allows(demoReader(u)), yes("fr.poc", "au.chair")],
];

describe("the outreach policy, for every demo reader", () => {
  for (const [what, allows, expected] of MATRIX) {
    it(`${what}: ${DEMO.filter((u) => expected[u]).join(", ")}`, () => {
      expect(Object.fromEntries(DEMO.map((u) => [u, allows(u)]))).toEqual(expected);
    });
  }

  it("lets nobody outside a Partner government act, whatever their roles", () => {
    const reader: Reader = { ...demoReader("kz.candidate"), roles: ["secretariat", "chair"] };
    expect(readOutreach.allows(reader)).toBe(false);
    expect(recordOutreach.allows(reader)).toBe(false);
  });
});
