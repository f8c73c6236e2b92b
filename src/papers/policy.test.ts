import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import { DEMO, type DemoUser } from "../core/authz.js";
import { mayAttach, mayChange, mayCirculate, mayWithdraw, mayWrite } from "./policy.js";

const FRANCE = { governmentCode: "FR" };
const UNITED_STATES = { governmentCode: "US" };

/** What each demo reader may do: with a paper of France's (the Point of Contact's) and one of the United States'. */
const MATRIX: Record<
  DemoUser,
  {
    write: boolean;
    change: [fr: boolean, us: boolean];
    withdraw: [fr: boolean, us: boolean];
    circulate: boolean;
    attach: [fr: boolean, us: boolean];
  }
> = {
  "fr.poc": {
    write: true,
    change: [true, false],
    withdraw: [true, true],
    circulate: true,
    attach: [true, false],
  },
  "au.chair": {
    write: true,
    change: [false, false],
    withdraw: [false, false],
    circulate: false,
    attach: [false, false],
  },
  "us.delegate": {
    write: true,
    change: [false, true],
    withdraw: [false, true],
    circulate: false,
    attach: [false, true],
  },
  "us.desk": {
    write: true,
    change: [false, true],
    withdraw: [false, true],
    circulate: false,
    attach: [false, true],
  },
  // The director is also a desk officer: ISN/MTR writes papers.
  "us.director": {
    write: true,
    change: [false, true],
    withdraw: [false, true],
    circulate: false,
    attach: [false, true],
  },
  "gb.delegate": {
    write: true,
    change: [false, false],
    withdraw: [false, false],
    circulate: false,
    attach: [false, false],
  },
  "de.delegate": {
    write: true,
    change: [false, false],
    withdraw: [false, false],
    circulate: false,
    attach: [false, false],
  },
  // A candidate government's delegate writes no regime papers.
  "kz.candidate": {
    write: false,
    change: [false, false],
    withdraw: [false, false],
    circulate: false,
    attach: [false, false],
  },
  // France's administrator administers; France's papers are not theirs to write.
  admin: {
    write: false,
    change: [false, false],
    withdraw: [false, false],
    circulate: false,
    attach: [false, false],
  },
};

describe("the papers' policy, for every demo reader", () => {
  for (const user of DEMO) {
    it(user, () => {
      const r = demoReader(user);
      const got = {
        write: mayWrite.allows(r),
        change: [mayChange.allows(r, FRANCE), mayChange.allows(r, UNITED_STATES)],
        withdraw: [mayWithdraw.allows(r, FRANCE), mayWithdraw.allows(r, UNITED_STATES)],
        circulate: mayCirculate.allows(r),
        attach: [mayAttach.allows(r, FRANCE), mayAttach.allows(r, UNITED_STATES)],
      };
      expect(got).toEqual(MATRIX[user]);
    });
  }

  it("says who may, when it refuses", () => {
    expect(mayCirculate.refusal).toBe("Only the Point of Contact circulates papers.");
    expect(mayWrite.refusal).toContain("delegates and desk officers, the Chair and the Point of Contact");
  });
});
