import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { registerMembershipRoutes } from "./api/routes.js";
import { registerMembershipCommands } from "./cli.js";
import { MEMBERSHIP_ERRORS } from "./errors.js";
import { membershipPages } from "./pages/candidacy-pages.js";
import { readCandidacies } from "./policy.js";
import * as tables from "./schema.js";
import { candidacySearch } from "./search-source.js";
import { seedMembership } from "./seed.js";

/** Membership: candidacies Plenary by Plenary, admission by consensus, and each Partner's own view. */
export const membership: Capability = {
  name: "membership",
  tables,
  errors: MEMBERSHIP_ERRORS,
  api: registerMembershipRoutes,
  pages: () => {
    const app = new Hono<AppEnv>();
    membershipPages(app);
    return app;
  },
  nav: [{ href: "/candidacies", label: "Members", order: 36, show: (r) => readCandidacies.allows(r) }],
  search: [candidacySearch],
  commands: registerMembershipCommands,
  seed: async (db, clock) => {
    await seedMembership(db, clock);
  },
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.membershipCases, pages: cases.membershipPageCases, outputs: cases.membershipOutputs };
  },
};
