import { describe, expect, it } from "vitest";
import { demoReader } from "../../../test/support/readers.js";
import { DEMO, type DemoUser } from "../../core/authz.js";
import { readRaw } from "./policy.js";

/**
 * STATE 070895 is marked CONFIDENTIAL (rank 2 of U < SBU < C < S < TS). Whether a reader may have
 * its raw bytes is asked only inside its space (the United States'); the rule itself is a matter
 * of clearance, so a reader elsewhere with a rank of 2 on their own ladder would pass it.
 */
const SEED = { banner: 2, classification: "C" };

const EXPECTED: Record<DemoUser, boolean> = {
  "fr.poc": false, // DR: rank 1 on France's ladder
  "au.chair": true,
  "us.delegate": true,
  "us.desk": true,
  "us.director": true,
  "gb.delegate": true,
  "de.delegate": true,
  "kz.candidate": false,
  admin: false,
};

describe("the telegram archive's policy", () => {
  it("gives the raw telegram to readers cleared to its banner", () => {
    expect(Object.fromEntries(DEMO.map((u) => [u, readRaw.allows(demoReader(u), SEED)]))).toEqual(EXPECTED);
  });

  it("refuses a SECRET telegram to the readers below it, naming its marking", () => {
    const secret = { banner: 3, classification: "S" };
    expect(DEMO.filter((u) => readRaw.allows(demoReader(u), secret))).toEqual(["us.director"]);
    expect(typeof readRaw.refusal === "function" && readRaw.refusal(secret)).toContain("marked up to S");
  });
});
