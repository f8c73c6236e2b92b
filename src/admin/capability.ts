import { can } from "../core/access/policy.js";
import { hasRole } from "../core/access/reader.js";
import type { Capability } from "../core/capability.js";
import { registerAuditApi } from "./audit-api.js";
import { adminPages } from "./routes.js";

/** User administration, the audit log and the outbox: a government's administrators' pages. */
export const admin: Capability = {
  name: "admin",
  api: registerAuditApi,
  pages: adminPages,
  nav: [
    { href: "/admin/users", label: "Users", order: 80, show: (r) => hasRole(r, "admin") },
    { href: "/admin/audit", label: "Audit log", order: 81, show: (r) => hasRole(r, "admin") },
    {
      href: "/admin/outbox",
      label: "Outbox",
      order: 82,
      show: (r) => hasRole(r, "admin") && can(r, "mail.outbox.read"),
    },
  ],
  authz: async () => ({ api: (await import("./authz.js")).adminCases }),
};
