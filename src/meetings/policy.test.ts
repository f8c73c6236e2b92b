import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import type { Reader } from "../core/access/reader.js";
import { DEMO, type DemoUser } from "../core/authz.js";
import { manageRules, recordAgreement, schedule, scheduleExperts, submit, waive } from "./policy.js";
import { MEETING_KINDS } from "./profile.js";

type Matrix = Record<DemoUser, boolean>;

const none: Matrix = Object.fromEntries(DEMO.map((u) => [u, false])) as Matrix;
const pointOfContact: Matrix = { ...none, "fr.poc": true };
const pocAndChair: Matrix = { ...none, "fr.poc": true, "au.chair": true };

/** Each rule, and who it lets through among the demo readers. */
const MATRIX: [string, (user: DemoUser) => boolean, Matrix][] = [
  ["schedule experts meetings", (u) => scheduleExperts.allows(demoReader(u)), pocAndChair],
  // The Point of Contact convenes POC, RPOC and Plenary meetings alone.
  ["schedule a POC meeting", (u) => schedule.allows(demoReader(u), "poc"), pointOfContact],
  ["schedule an RPOC", (u) => schedule.allows(demoReader(u), "rpoc"), pointOfContact],
  ["schedule a Plenary", (u) => schedule.allows(demoReader(u), "plenary"), pointOfContact],
  ["schedule a TEM", (u) => schedule.allows(demoReader(u), "tem"), pocAndChair],
  ["schedule an IE", (u) => schedule.allows(demoReader(u), "ie"), pocAndChair],
  ["schedule a LEEM", (u) => schedule.allows(demoReader(u), "leem"), pocAndChair],
  ["schedule a working group", (u) => schedule.allows(demoReader(u), "twg"), pocAndChair],
  ["record the Partners' agreement", (u) => recordAgreement.allows(demoReader(u)), pointOfContact],
  ["make deadline rules", (u) => manageRules.allows(demoReader(u)), pointOfContact],
  ["waive a deadline", (u) => waive.allows(demoReader(u)), pointOfContact],
  [
    "submit against a deadline",
    (u) => submit.allows(demoReader(u)),
    // A Partner's delegates and desk officers, the Chair, the Point of Contact; not the candidate's
    // delegate, nor an administrator as such.
    {
      "fr.poc": true,
      "au.chair": true,
      "us.delegate": true,
      "us.desk": true,
      "us.director": true,
      "gb.delegate": true,
      "de.delegate": true,
      "kz.candidate": false,
      admin: false,
    },
  ],
];

describe("the meetings policy, for every demo reader", () => {
  for (const [what, allows, expected] of MATRIX) {
    it(`${what}: ${DEMO.filter((u) => expected[u]).join(", ") || "nobody"}`, () => {
      expect(Object.fromEntries(DEMO.map((u) => [u, allows(u)]))).toEqual(expected);
    });
  }

  it("covers every kind of meeting", () => {
    const covered = MATRIX.map(([what]) => what);
    expect(covered.filter((w) => w.startsWith("schedule a")).length).toBe(MEETING_KINDS.length);
  });

  it("tells a refused reader why, naming the kind of meeting", () => {
    expect(typeof schedule.refusal === "function" && schedule.refusal("plenary")).toBe(
      "Only the Point of Contact schedules a Plenary.",
    );
    expect(typeof schedule.refusal === "function" && schedule.refusal("tem")).toBe(
      "Only the Point of Contact and the chairs schedule experts meetings.",
    );
  });

  it("lets nobody outside a Partner government act, whatever their roles", () => {
    const reader: Reader = { ...demoReader("kz.candidate"), roles: ["secretariat", "chair", "delegate"] };
    for (const kind of MEETING_KINDS) expect(schedule.allows(reader, kind)).toBe(false);
    for (const r of [scheduleExperts, recordAgreement, manageRules, waive, submit])
      expect(r.allows(reader)).toBe(false);
  });
});
