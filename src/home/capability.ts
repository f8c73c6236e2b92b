import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { registerHomePage } from "./pages/home-page.js";

/**
 * The home page: who the reader is here, and what the other capabilities put on its agenda. It
 * has no rules of its own: every reader has a home page, and the agenda's sources apply theirs.
 */
export const home: Capability = {
  name: "home",
  pages: () => {
    const app = new Hono<AppEnv>();
    registerHomePage(app);
    return app;
  },
  nav: [{ href: "/", label: "Home", order: 0 }],
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: [], pages: cases.homePageCases, outputs: cases.homeOutputs };
  },
};
