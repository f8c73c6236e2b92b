import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import { DEMO, type DemoUser } from "../core/authz.js";
import { keepView, readCandidacies, recordCandidacy } from "./policy.js";

type Matrix = Record<DemoUser, boolean>;
const none: Matrix = Object.fromEntries(DEMO.map((u) => [u, false])) as Matrix;
const yes = (...users: DemoUser[]): Matrix => ({
  ...none,
  ...Object.fromEntries(users.map((u) => [u, true])),
});

const MATRIX: [string, (u: DemoUser) => boolean, Matrix][] = [
  [
    "read candidacies",
    (u) => readCandidacies.allows(demoReader(u)),
    { ...yes(...DEMO), "kz.candidate": false },
  ],
  ["record a candidacy's history", (u) => recordCandidacy.allows(demoReader(u)), yes("fr.poc", "au.chair")],
  [
    "keep their government's view",
    (u) => keepView.allows(demoReader(u)),
    yes("au.chair", "us.delegate", "us.desk", "us.director", "gb.delegate", "de.delegate"),
  ],
];

describe("who may do what with candidacies, for every demo user", () => {
  for (const [what, allows, expected] of MATRIX)
    for (const user of DEMO)
      it(`${user} ${expected[user] ? "may" : "may not"} ${what}`, () => {
        expect(allows(user)).toBe(expected[user]);
      });
});
