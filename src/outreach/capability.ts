import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { registerOutreachRoutes } from "./api/routes.js";
import { registerOutreachCommands } from "./cli.js";
import { OUTREACH_ERRORS } from "./errors.js";
import { outreachListPages } from "./pages/list-page.js";
import { outreachVisitPages } from "./pages/visit-pages.js";
import { readOutreach } from "./policy.js";
import * as tables from "./schema.js";
import { outreachSearch } from "./search-source.js";
import { seedOutreach } from "./seed.js";

/** Outreach: the Chair's visits to non-Partners, their reports as papers, the year's report and map. */
export const outreach: Capability = {
  name: "outreach",
  tables,
  errors: OUTREACH_ERRORS,
  api: registerOutreachRoutes,
  pages: () => {
    const app = new Hono<AppEnv>();
    // The year's list and report before /outreach/{id}, and /outreach/new before it too.
    for (const add of [outreachListPages, outreachVisitPages]) add(app);
    return app;
  },
  nav: [{ href: "/outreach", label: "Outreach", order: 36.5, show: (r) => readOutreach.allows(r) }],
  search: [outreachSearch],
  commands: registerOutreachCommands,
  seed: async (db, clock) => {
    await seedOutreach(db, clock);
  },
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.outreachCases, pages: cases.outreachPageCases, outputs: cases.outreachOutputs };
  },
};
