import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { registerGuidanceRoutes } from "./api/routes.js";
import { registerGuidanceCommands } from "./cli.js";
import { GUIDANCE_ERRORS } from "./errors.js";
import { officeQueue } from "./home.js";
import { guidancePages } from "./pages/routes.js";
import { readGuidance } from "./policy.js";
import * as tables from "./schema.js";
import { guidanceSearch, reportSearch } from "./search-source.js";
import { seedGuidance } from "./seed.js";

/** Guidance to representatives, sent as telegrams; reports and requests for guidance back. */
export const guidanceCapability: Capability = {
  name: "guidance",
  tables,
  errors: GUIDANCE_ERRORS,
  api: registerGuidanceRoutes,
  pages: () => {
    const app = new Hono<AppEnv>();
    guidancePages(app);
    return app;
  },
  nav: [{ href: "/guidance", label: "Guidance", order: 37, show: (r) => readGuidance.allows(r) }],
  home: [officeQueue],
  search: [guidanceSearch, reportSearch],
  commands: registerGuidanceCommands,
  seed: async (db, clock) => {
    await seedGuidance(db, clock);
  },
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.guidanceCases, pages: cases.guidancePageCases, outputs: cases.guidanceOutputs };
  },
};
