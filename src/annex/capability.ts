import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { registerVersionRoutes } from "./api/routes.js";
import { registerSetRoutes } from "./api/sets.js";
import { registerAnnexCommands } from "./cli.js";
import { ANNEX_ERRORS } from "./errors.js";
import { annexPages } from "./pages/annex-page.js";
import { diffPages } from "./pages/diff-page.js";
import { readAnnex } from "./policy.js";
import * as tables from "./schema.js";
import { annexSearch } from "./search-source.js";
import { seedAnnex } from "./seed.js";

/** The control list (Annex): versions, amendment sets agreed at a Plenary, the difference between versions. */
export const annex: Capability = {
  name: "annex",
  tables,
  errors: ANNEX_ERRORS,
  api: (api) => {
    registerVersionRoutes(api);
    registerSetRoutes(api);
  },
  pages: () => {
    const app = new Hono<AppEnv>();
    for (const add of [diffPages, annexPages]) add(app);
    return app;
  },
  nav: [{ href: "/annex", label: "Annex", order: 40, show: (r) => readAnnex.allows(r) }],
  commands: registerAnnexCommands,
  seed: async (db, clock) => {
    await seedAnnex(db, clock);
  },
  search: [annexSearch],
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.annexCases, pages: cases.annexPageCases, outputs: cases.annexOutputs };
  },
};
