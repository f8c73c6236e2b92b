import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import { DEMO, type DemoUser } from "../core/authz.js";
import {
  mayDecide,
  mayIssueAgenda,
  mayOpenCall,
  mayRunCall,
  mayVolunteer,
  seesEveryContribution,
} from "./policy.js";

/** Who runs calls (opens them, decides, issues the agenda) and who volunteers, for each demo reader. */
const MATRIX: Record<DemoUser, { run: boolean; volunteer: boolean }> = {
  "fr.poc": { run: true, volunteer: false },
  "au.chair": { run: true, volunteer: true },
  "us.delegate": { run: false, volunteer: true },
  "us.desk": { run: false, volunteer: true },
  "us.director": { run: false, volunteer: true },
  "gb.delegate": { run: false, volunteer: true },
  "de.delegate": { run: false, volunteer: true },
  // A candidate government's delegate is outside the regime.
  "kz.candidate": { run: false, volunteer: false },
  admin: { run: false, volunteer: false },
};

describe("the calls' policy, for every demo reader", () => {
  for (const user of DEMO) {
    it(user, () => {
      const r = demoReader(user);
      const run = [mayRunCall, mayOpenCall, mayDecide, mayIssueAgenda, seesEveryContribution].map((x) =>
        x.allows(r),
      );
      expect(new Set(run)).toEqual(new Set([MATRIX[user].run]));
      expect({ run: mayRunCall.allows(r), volunteer: mayVolunteer.allows(r) }).toEqual(MATRIX[user]);
    });
  }
});
