import { describe, expect, it } from "vitest";
import { demoReader } from "../../../test/support/readers.js";
import { clearedForEntry } from "./browse.js";

describe("an audit entry's details, by its marking", () => {
  const admin = demoReader("admin"); // France, regime PUBLIC, national NP
  const director = demoReader("us.director");

  it("are shown when unmarked, and withheld above the reader's clearance on the space's ladder", () => {
    expect(clearedForEntry(admin, "regime", null)).toBe(true);
    expect(clearedForEntry(admin, "regime", "PUBLIC")).toBe(true);
    expect(clearedForEntry(admin, "regime", "RR")).toBe(false);
    expect(clearedForEntry(admin, "regime", "RC")).toBe(false);
    expect(clearedForEntry(admin, "FR", "NP")).toBe(true);
    expect(clearedForEntry(admin, "FR", "DR")).toBe(false);
  });

  it("in a government's space take the regime's ladder for a paper not yet circulated", () => {
    expect(clearedForEntry(director, "US", "RC")).toBe(director.regimeClearance >= 2);
    expect(clearedForEntry(admin, "FR", "RR")).toBe(false);
  });

  it("are withheld when no ladder of the space knows the marking, or the space is not the reader's", () => {
    expect(clearedForEntry(admin, "regime", "SECRET-ISH")).toBe(false);
    expect(clearedForEntry(director, "US", "NP")).toBe(false);
    expect(clearedForEntry(director, "FR", "S")).toBe(false);
    expect(clearedForEntry(director, "system", "S")).toBe(false);
  });
});
