import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import { manageAnnex, readAnnex } from "../annex/policy.js";
import type { Reader } from "../core/access/reader.js";
import { DEMO, type DemoUser } from "../core/authz.js";
import { issueMatrix, readMatrix, reportEnactment, reportsForOwn, seeWholeMatrix } from "./policy.js";

type Matrix = Record<DemoUser, boolean>;
const none: Matrix = Object.fromEntries(DEMO.map((u) => [u, false])) as Matrix;
const partners: Matrix = {
  ...Object.fromEntries(DEMO.map((u) => [u, true])),
  "kz.candidate": false,
} as Matrix;
const pointOfContact: Matrix = { ...none, "fr.poc": true };
const reporters: Matrix = { ...partners, admin: false };

const MATRIX: [string, (u: DemoUser) => boolean, Matrix][] = [
  ["read the Annex", (u) => readAnnex.allows(demoReader(u)), partners],
  ["record versions and amendment sets", (u) => manageAnnex.allows(demoReader(u)), pointOfContact],
  ["read the matrix", (u) => readMatrix.allows(demoReader(u)), partners],
  ["see who has not reported", (u) => seeWholeMatrix.allows(demoReader(u)), pointOfContact],
  ["issue the matrix", (u) => issueMatrix.allows(demoReader(u)), pointOfContact],
  ["report for their own government", (u) => reportsForOwn(demoReader(u)), reporters],
  [
    "report for the United States",
    (u) => reportEnactment.allows(demoReader(u), "US"),
    { ...none, "us.delegate": true, "us.desk": true, "us.director": true },
  ],
];

describe("the Annex and enactment policies, for every demo reader", () => {
  for (const [what, allows, expected] of MATRIX) {
    it(`${what}: ${DEMO.filter((u) => expected[u]).join(", ") || "nobody"}`, () => {
      expect(Object.fromEntries(DEMO.map((u) => [u, allows(u)]))).toEqual(expected);
    });
  }

  it("tells a reader reporting for another Partner whose report it is", () => {
    expect(typeof reportEnactment.refusal === "function" && reportEnactment.refusal("US")).toBe(
      "A Partner reports its own enactment: only US's delegates and desk officers report for US.",
    );
  });

  it("lets nobody outside a Partner government act, whatever their roles", () => {
    const reader: Reader = {
      ...demoReader("kz.candidate"),
      roles: ["secretariat", "delegate", "desk_officer"],
    };
    for (const r of [readAnnex, manageAnnex, readMatrix, seeWholeMatrix, issueMatrix])
      expect(r.allows(reader)).toBe(false);
    expect(reportEnactment.allows(reader, "KZ")).toBe(false);
  });
});
