import type { Capability } from "../core/capability.js";
import { registerSearchApi } from "./api.js";
import { searchPages } from "./pages.js";

/** One search over every kind of record the other capabilities register as a search source. */
export const search: Capability = {
  name: "search",
  api: registerSearchApi,
  pages: searchPages,
  nav: [{ href: "/search", label: "Search", order: 60 }],
};
