import { Hono } from "hono";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { administerUsers } from "../directory/index.js";
import { registerAuditApi } from "./api/audit.js";
import { registerAuditPage } from "./pages/audit-page.js";
import { registerOutboxPage } from "./pages/outbox-page.js";
import { registerUserPage } from "./pages/user-page.js";
import { registerUsersPage } from "./pages/users-page.js";
import { browseAudit, readOutbox } from "./policy.js";

/** User administration, the audit log and the outbox: a government's administrators' pages. */
export const admin: Capability = {
  name: "admin",
  api: registerAuditApi,
  pages: () => {
    const app = new Hono<AppEnv>();
    registerUsersPage(app);
    registerUserPage(app);
    registerAuditPage(app);
    registerOutboxPage(app);
    return app;
  },
  nav: [
    { href: "/admin/users", label: "Users", order: 80, show: (r) => administerUsers.allows(r) },
    { href: "/admin/audit", label: "Audit log", order: 81, show: (r) => browseAudit.allows(r) },
    // Beside the reader's own links: the administrator's main navigation keeps to one line.
    {
      href: "/admin/outbox",
      label: "Outbox",
      order: 82,
      place: "account",
      show: (r) => readOutbox.allows(r),
    },
  ],
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.adminCases, pages: cases.adminPageCases, outputs: cases.adminOutputs };
  },
};
