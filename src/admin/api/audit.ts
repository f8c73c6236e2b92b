import { createRoute } from "@hono/zod-openapi";
import { authorize } from "../../core/access/rules.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, json, security } from "../../core/http/api.js";
import { actingOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { AuditOut, AuditQuery, VerifyOut } from "../contract.js";
import { browseAudit, verifyAudit } from "../policy.js";
import { auditEntries } from "../queries.js";
import { verifyFor } from "../verify.js";

export function registerAuditApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/audit",
      operationId: "listAuditEntries",
      tags: ["Administration"],
      summary: "Browse the audit log, newest first (administrators)",
      security,
      request: { query: AuditQuery },
      responses: { 200: json(AuditOut, "Entries"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      authorize(who, browseAudit);
      const result = await auditEntries(c.get("deps").db, who.reader, c.req.valid("query"));
      return respond(c, AuditOut, result, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/audit/verify",
      operationId: "verifyAuditLog",
      tags: ["Administration"],
      summary: "Verify the audit log (administrators)",
      description:
        "An operator verifies the whole hash chain; an administrator the entries of their own spaces, each against its hash, told nothing of the entries of other spaces.",
      security,
      responses: {
        200: json(VerifyOut, "The result; `broken` names the first broken link"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      authorize(who, verifyAudit);
      return respond(c, VerifyOut, await verifyFor(c.get("deps").db, who.reader), 200);
    },
  );
}
