import { isPartner } from "../core/access/rules.js";
import type { Capability } from "../core/capability.js";
import { registerFileRoutes } from "./api/files.js";
import { registerPaperRoutes } from "./api/papers.js";
import { registerPapersCommands } from "./cli.js";
import { PAPERS_ERRORS } from "./errors.js";
import { MAX_FILE_BYTES } from "./files.js";
import { papersPages } from "./pages/index.js";
import * as tables from "./schema.js";
import { paperSearch } from "./search-source.js";
import { seedPapers } from "./seed.js";
import { paperSubmissionTitles } from "./submission-titles.js";

/** The Point of Contact's register of papers: numbers, portions, versions, files, circulation, Word export. */
export const papers: Capability = {
  name: "papers",
  tables,
  errors: PAPERS_ERRORS,
  api: (api) => {
    registerPaperRoutes(api);
    registerFileRoutes(api);
  },
  pages: papersPages,
  // The regime's records: a candidate's users have none of them, so no link to them.
  nav: [{ href: "/papers", label: "Papers", order: 30, show: isPartner }],
  commands: registerPapersCommands,
  seed: async (db, clock, site) => {
    await seedPapers(db, clock, site);
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
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.papersCases, pages: cases.papersPageCases, outputs: cases.papersOutputs };
  },
};
