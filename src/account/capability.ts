import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { registerAccountApi } from "./api.js";
import { registerTokenCommands } from "./cli.js";
import { ACCOUNT_ERRORS } from "./errors.js";
import { registerSignInPages } from "./pages/sign-in-page.js";
import { registerTokensPages } from "./pages/tokens-page.js";

/** Signing in and out, and a person's own API tokens. */
export const account: Capability = {
  name: "account",
  errors: ACCOUNT_ERRORS,
  api: registerAccountApi,
  pages: () => {
    const app = new Hono<AppEnv>();
    registerSignInPages(app);
    registerTokensPages(app);
    return app;
  },
  nav: [{ href: "/account/tokens", label: "API tokens", order: 70, place: "account" }],
  commands: registerTokenCommands,
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.accountCases, pages: cases.accountPageCases, outputs: cases.accountOutputs };
  },
};
