import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import { DEMO } from "../core/authz.js";
import { ownTokens } from "./policy.js";

describe("the account's policy", () => {
  it("lets every demo user own API tokens: none is refused", () => {
    expect(DEMO.filter((u) => !ownTokens.allows(demoReader(u)))).toEqual([]);
  });
});
