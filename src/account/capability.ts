import type { Capability } from "../core/capability.js";
import { accountPages, registerAccountApi } from "./routes.js";

/** Signing in and out, and a person's own API tokens. */
export const account: Capability = {
  name: "account",
  api: registerAccountApi,
  pages: accountPages,
  nav: [{ href: "/account/tokens", label: "API tokens", order: 70 }],
  authz: async () => ({ api: (await import("./authz.js")).accountCases }),
};
