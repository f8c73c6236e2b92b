import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import type { Reader } from "../core/access/reader.js";
import { DEMO, type DemoUser } from "../core/authz.js";
import {
  manageDecisions,
  prepareDraft,
  propose,
  readDecisions,
  statePosition,
  statesForOwn,
  withdrawProposal,
} from "./policy.js";

type Matrix = Record<DemoUser, boolean>;
const none: Matrix = Object.fromEntries(DEMO.map((u) => [u, false])) as Matrix;
const yes = (...users: DemoUser[]): Matrix => ({
  ...none,
  ...Object.fromEntries(users.map((u) => [u, true])),
});
const partners: Matrix = {
  ...Object.fromEntries(DEMO.map((u) => [u, true])),
  "kz.candidate": false,
} as Matrix;

const MATRIX: [string, (u: DemoUser) => boolean, Matrix][] = [
  ["read decisions", (u) => readDecisions.allows(demoReader(u)), partners],
  [
    "make proposals",
    (u) => propose.allows(demoReader(u)),
    yes("fr.poc", "au.chair", "us.delegate", "us.desk", "us.director", "gb.delegate", "de.delegate"),
  ],
  [
    "put to a decision and record outcomes",
    (u) => manageDecisions.allows(demoReader(u)),
    yes("fr.poc", "au.chair"),
  ],
  [
    "state their own government's position",
    (u) => statesForOwn(demoReader(u)),
    yes("au.chair", "us.delegate", "gb.delegate", "de.delegate"),
  ],
  [
    "state the United Kingdom's position",
    (u) => statePosition.allows(demoReader(u), "GB"),
    yes("gb.delegate"),
  ],
  [
    "prepare a draft position",
    (u) => prepareDraft.allows(demoReader(u)),
    yes("au.chair", "us.delegate", "us.desk", "us.director", "gb.delegate", "de.delegate"),
  ],
  [
    "withdraw a US proposal",
    (u) => withdrawProposal.allows(demoReader(u), "US"),
    yes("fr.poc", "au.chair", "us.delegate", "us.desk", "us.director"),
  ],
];

describe("the decisions policy, for every demo reader", () => {
  for (const [what, allows, expected] of MATRIX) {
    it(`${what}: ${DEMO.filter((u) => expected[u]).join(", ") || "nobody"}`, () => {
      expect(Object.fromEntries(DEMO.map((u) => [u, allows(u)]))).toEqual(expected);
    });
  }

  it("tells a delegate stating another Partner's position whose position it is", () => {
    expect(typeof statePosition.refusal === "function" && statePosition.refusal("GB")).toBe(
      "A Partner states its own position: only GB's delegates state GB's position.",
    );
  });

  it("lets nobody outside a Partner government act, whatever their roles", () => {
    const reader: Reader = { ...demoReader("kz.candidate"), roles: ["secretariat", "chair", "delegate"] };
    for (const r of [readDecisions, propose, manageDecisions, prepareDraft])
      expect(r.allows(reader)).toBe(false);
    expect(statePosition.allows(reader, "KZ")).toBe(false);
  });
});
