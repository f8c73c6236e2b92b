import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { registerEnactmentRoutes } from "./api/routes.js";
import { registerEnactmentCommands } from "./cli.js";
import { ENACTMENT_ERRORS } from "./errors.js";
import { matrixPages } from "./pages/matrix-page.js";
import { reportPages } from "./pages/report-page.js";
import { readMatrix } from "./policy.js";
import * as tables from "./schema.js";
import { seedEnactment } from "./seed.js";

/** The national enactment matrix (POC DOC 39): each Partner's report on each amendment set. */
export const enactment: Capability = {
  name: "enactment",
  tables,
  errors: ENACTMENT_ERRORS,
  api: registerEnactmentRoutes,
  pages: () => {
    const app = new Hono<AppEnv>();
    for (const add of [reportPages, matrixPages]) add(app);
    return app;
  },
  nav: [{ href: "/enactment", label: "Enactment", order: 45, show: (r) => readMatrix.allows(r) }],
  commands: registerEnactmentCommands,
  seed: async (db, clock) => {
    await seedEnactment(db, clock);
  },
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.enactmentCases, pages: cases.enactmentPageCases, outputs: cases.enactmentOutputs };
  },
};
