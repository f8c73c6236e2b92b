import { isPartner } from "../core/access/rules.js";
import type { Capability } from "../core/capability.js";
import { registerCallsApi } from "./api.js";
import { CALLS_ERRORS } from "./errors.js";
import { callsPagesApp } from "./pages/index.js";
import * as tables from "./schema.js";
import { seedCalls } from "./seed.js";

/** Calls for papers of experts meetings, the contributions Partners volunteer, and the draft agenda built from them. */
export const calls: Capability = {
  name: "calls",
  tables,
  errors: CALLS_ERRORS,
  api: registerCallsApi,
  pages: callsPagesApp,
  // The regime's records: a candidate's users have none of them, so no link to them.
  nav: [{ href: "/calls", label: "Calls", order: 40, show: isPartner }],
  // After the papers: the scenario's call is on the register's POC DOC 89.
  seed: async (db, clock) => {
    await seedCalls(db, clock);
  },
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.callsCases, pages: cases.callsPageCases, outputs: cases.callsOutputs };
  },
};
