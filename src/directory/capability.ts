import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { registerGovernmentsApi } from "./api/governments.js";
import { registerMeApi } from "./api/me.js";
import { registerUsersApi } from "./api/users.js";
import { registerDirectoryCommands } from "./cli.js";
import { DIRECTORY_ERRORS } from "./errors.js";
import { registerDirectoryPage } from "./pages/directory-page.js";
import { ensureReferenceData } from "./reference.js";
import { loadReader } from "./repo.js";
import * as tables from "./schema.js";

/** Governments, their marking ladders and their users: who everyone is. */
export const directory: Capability = {
  name: "directory",
  tables,
  errors: DIRECTORY_ERRORS,
  api: (api) => {
    registerMeApi(api);
    registerGovernmentsApi(api);
    registerUsersApi(api);
  },
  pages: () => {
    const app = new Hono<AppEnv>();
    registerDirectoryPage(app);
    return app;
  },
  nav: [{ href: "/directory", label: "Directory", order: 10 }],
  commands: registerDirectoryCommands,
  reference: async (db, clock) => {
    await ensureReferenceData(db, clock);
  },
  provides: { loadReader },
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.directoryCases, pages: cases.directoryPageCases, outputs: cases.directoryOutputs };
  },
};
