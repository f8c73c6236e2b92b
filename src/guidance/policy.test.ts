import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import { DEMO, type DemoUser } from "../core/authz.js";
import {
  approveGuidance,
  draftGuidance,
  fileReport,
  readGuidance,
  readQueue,
  releaseGuidance,
} from "./policy.js";

type Matrix = Record<DemoUser, boolean>;
const none: Matrix = Object.fromEntries(DEMO.map((u) => [u, false])) as Matrix;
const yes = (...users: DemoUser[]): Matrix => ({
  ...none,
  ...Object.fromEntries(users.map((u) => [u, true])),
});

const MATRIX: [string, (u: DemoUser) => boolean, Matrix][] = [
  [
    "read their government's guidance",
    (u) => readGuidance.allows(demoReader(u)),
    yes("au.chair", "us.delegate", "us.desk", "us.director", "gb.delegate", "de.delegate"),
  ],
  ["draft guidance", (u) => draftGuidance.allows(demoReader(u)), yes("us.desk", "us.director")],
  ["approve guidance", (u) => approveGuidance.allows(demoReader(u)), yes("us.director")],
  ["release guidance", (u) => releaseGuidance.allows(demoReader(u)), yes("us.director")],
  [
    "report on a meeting",
    (u) => fileReport.allows(demoReader(u)),
    yes("au.chair", "us.delegate", "gb.delegate", "de.delegate"),
  ],
  ["read the office's queue", (u) => readQueue.allows(demoReader(u)), yes("us.desk", "us.director")],
];

describe("who may do what with guidance, for every demo user", () => {
  for (const [what, allows, expected] of MATRIX)
    for (const user of DEMO)
      it(`${user} ${expected[user] ? "may" : "may not"} ${what}`, () => {
        expect(allows(user)).toBe(expected[user]);
      });
});
