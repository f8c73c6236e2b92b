import type { Capability } from "../core/capability.js";
import { homePages } from "./routes.js";

/** The home page: who the reader is here, and what the other capabilities put on its agenda. */
export const home: Capability = {
  name: "home",
  pages: homePages,
  nav: [{ href: "/", label: "Home", order: 0 }],
  authz: async () => ({ api: [], pages: (await import("./authz.js")).homePageCases }),
};
