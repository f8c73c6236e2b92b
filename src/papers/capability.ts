import type { Capability } from "../core/capability.js";
import { registerPapersApi } from "./api.js";
import { registerPapersCommands } from "./commands.js";
import { PAPERS_ERRORS } from "./errors.js";
import { MAX_FILE_BYTES } from "./files.js";
import { papersPages } from "./pages.js";
import * as tables from "./schema.js";
import { paperSearch } from "./search-source.js";
import { seedPapers } from "./seed.js";
import { paperSubmissionTitles } from "./submission-titles.js";

/** The Point of Contact's register of papers, and calls for papers with their draft agendas. */
export const papers: Capability = {
  name: "papers",
  tables,
  errors: PAPERS_ERRORS,
  api: registerPapersApi,
  pages: papersPages,
  nav: [
    { href: "/papers", label: "Papers", order: 30 },
    { href: "/calls", label: "Calls for papers", order: 40 },
  ],
  commands: registerPapersCommands,
  seed: async (db, clock) => {
    await seedPapers(db, clock);
  },
  search: [paperSearch],
  provides: { submissionTitles: { paper: paperSubmissionTitles } },
  uploads: [
    {
      path: /^(\/api\/v1)?\/papers\/\d+\/files$/,
      maxBytes: MAX_FILE_BYTES,
      what: `files may be at most ${MAX_FILE_BYTES / 1048576} MB`,
    },
  ],
  authz: async () => ({ api: (await import("./authz.js")).papersCases }),
};
