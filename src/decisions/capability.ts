import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { registerDecisionRoutes } from "./api/routes.js";
import { registerDecisionCommands } from "./cli.js";
import { DECISION_ERRORS } from "./errors.js";
import { startDecisionJob } from "./job.js";
import { decisionPages } from "./pages/decision-actions.js";
import { decisionsListPages } from "./pages/list-page.js";
import { readDecisions } from "./policy.js";
import * as tables from "./schema.js";
import { decisionSearch } from "./search-source.js";
import { seedDecisions } from "./seed.js";

/** Consensus decisions: proposals, each Partner's position, meetings' outcomes and the silence procedure. */
export const decisions: Capability = {
  name: "decisions",
  tables,
  errors: DECISION_ERRORS,
  api: registerDecisionRoutes,
  pages: () => {
    const app = new Hono<AppEnv>();
    for (const add of [decisionsListPages, decisionPages]) add(app);
    return app;
  },
  nav: [{ href: "/decisions", label: "Decisions", order: 35, show: (r) => readDecisions.allows(r) }],
  commands: registerDecisionCommands,
  search: [decisionSearch],
  jobs: [{ name: "decisions", start: (deps) => startDecisionJob(deps) }],
  seed: async (db, clock) => {
    await seedDecisions(db, clock);
  },
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.decisionCases, pages: cases.decisionPageCases, outputs: cases.decisionOutputs };
  },
};
