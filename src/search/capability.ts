import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { registerSearchApi } from "./api.js";
import { registerSearchPage } from "./pages/search-page.js";

/**
 * One search over every kind of record the other capabilities register as a search source. It
 * has no rules of its own: each source puts the reader's access in its own `where`.
 */
export const search: Capability = {
  name: "search",
  api: registerSearchApi,
  pages: () => {
    const app = new Hono<AppEnv>();
    registerSearchPage(app);
    return app;
  },
  // In the header beside the reader's own links: the main navigation keeps to one line.
  nav: [{ href: "/search", label: "Search", order: 60, place: "account" }],
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.searchCases, pages: cases.searchPageCases, outputs: cases.searchOutputs };
  },
};
