import { createRoute, z } from "@hono/zod-openapi";
import { can } from "../core/access/policy.js";
import { browseAudit } from "../core/audit/browse.js";
import { verifyAudit } from "../core/audit/verify.js";
import { forbidden } from "../core/errors.js";
import type { Api } from "../core/http/api.js";
import { commonErrors, json, security, WholeNumber } from "../core/http/api.js";
import { readerOf } from "../core/http/env.js";

const Instant = z.iso.datetime({ offset: true }).or(z.iso.date());

export const AuditQuery = z.object({
  action: z.string().max(80).optional().describe("actions starting with this, e.g. 'session.'"),
  actor: z.string().max(80).optional().describe("a username, or 'system'"),
  target: z.string().max(120).optional().describe("part of 'kind:id', e.g. 'user:us.desk'"),
  from: Instant.optional(),
  to: Instant.optional(),
  before: WholeNumber.optional().describe("entries before this sequence number"),
  limit: WholeNumber.pipe(z.number().min(1).max(500)).optional(),
});

const Entry = z
  .object({
    seq: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    space: z.string().nullable(),
    marking: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEntry");

export function registerAuditApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/audit",
      tags: ["Administration"],
      summary: "Browse the audit log, newest first (administrators)",
      security,
      request: { query: AuditQuery },
      responses: {
        200: json(z.object({ total: z.number(), entries: z.array(Entry) }), "Entries"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      if (!can(reader, "audit.browse")) throw forbidden("Only administrators browse the audit log.");
      const q = c.req.valid("query");
      const result = await browseAudit(c.get("deps").db, reader, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to.length === 10 ? `${q.to}T23:59:59.999Z` : q.to) : undefined,
        limit: q.limit ?? 100,
      });
      return c.json(result, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/audit/verify",
      tags: ["Administration"],
      summary: "Verify the audit log's hash chain (administrators)",
      security,
      responses: {
        200: json(
          z.object({
            ok: z.boolean(),
            checked: z.number(),
            broken: z.object({ seq: z.number(), reason: z.string() }).nullable(),
          }),
          "The result; `broken` names the first broken link",
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      if (!can(reader, "audit.verify")) throw forbidden("Only administrators verify the audit log.");
      return c.json(await verifyAudit(c.get("deps").db), 200);
    },
  );
}
