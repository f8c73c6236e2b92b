import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { registerTelegramApi } from "./archive/api.js";
import { registerTelegramArchiveCommands } from "./archive/commands.js";
import { registerTelegramPages } from "./archive/pages/telegram-page.js";
import { registerTelegramsPage } from "./archive/pages/telegrams-page.js";
import * as tables from "./archive/schema.js";
import { telegramSearch } from "./archive/search-source.js";
import { seedTelegrams } from "./archive/seed.js";
import { registerTelegramCommands } from "./commands.js";

/** The telegram engine (read, check, render, redact) and the archive of each government's telegrams. */
export const telegram: Capability = {
  name: "telegram",
  tables,
  api: registerTelegramApi,
  pages: () => {
    const app = new Hono<AppEnv>();
    registerTelegramsPage(app);
    registerTelegramPages(app);
    return app;
  },
  nav: [{ href: "/telegrams", label: "Telegrams", order: 50 }],
  commands: (program, cli) => {
    const group = program.command("telegram").description("read, check, render, redact and import telegrams");
    registerTelegramCommands(group);
    registerTelegramArchiveCommands(group, cli);
  },
  seed: seedTelegrams,
  search: [telegramSearch],
  authz: async () => {
    const cases = await import("./archive/authz.js");
    return { api: cases.telegramCases, pages: cases.telegramPageCases, outputs: cases.telegramOutputs };
  },
};
