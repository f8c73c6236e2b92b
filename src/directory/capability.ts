import type { Capability } from "../core/capability.js";
import { registerDirectoryApi } from "./api.js";
import { registerUserCommands } from "./commands.js";
import { DIRECTORY_ERRORS } from "./errors.js";
import { directoryPages } from "./pages.js";
import { ensureReferenceData } from "./reference.js";
import { loadReader } from "./repo.js";
import * as tables from "./schema.js";

/** Governments, their marking ladders and their users: who everyone is. */
export const directory: Capability = {
  name: "directory",
  tables,
  errors: DIRECTORY_ERRORS,
  api: registerDirectoryApi,
  pages: directoryPages,
  nav: [{ href: "/directory", label: "Directory", order: 10 }],
  commands: registerUserCommands,
  reference: async (db, clock) => {
    await ensureReferenceData(db, clock);
  },
  provides: { loadReader },
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.directoryCases, pages: cases.directoryPageCases };
  },
};
