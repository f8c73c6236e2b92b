import { z } from "@hono/zod-openapi";
import { WholeNumber } from "../core/http/api.js";

const Instant = z.iso.datetime({ offset: true }).or(z.iso.date("a date as YYYY-MM-DD"));

/** The audit log's filter: the API's query, and the page's filter form. */
export const AuditQuery = z.object({
  action: z.string().max(80).optional().describe("actions starting with this, e.g. 'session.'"),
  actor: z.string().max(80).optional().describe("a username, or 'system'"),
  target: z.string().max(120).optional().describe("part of 'kind:id', e.g. 'user:us.desk'"),
  from: Instant.optional(),
  to: Instant.optional(),
  before: WholeNumber.optional().describe("entries before this position among those matching"),
  limit: WholeNumber.pipe(z.number().min(1).max(500)).optional(),
});
export type AuditQueryInput = z.infer<typeof AuditQuery>;

export const AuditEntryOut = z
  .object({
    position: z
      .number()
      .describe(
        "the entry's place among the entries matching, 1 the oldest; not its place in the whole chain",
      ),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    space: z.string().nullable(),
    marking: z.string().nullable(),
    details: z
      .record(z.string(), z.unknown())
      .describe("empty when withheld: the entry is marked above your clearance"),
    detailsWithheld: z.boolean().describe("whether the details are withheld, the entry's marking named"),
  })
  .openapi("AuditEntry");

export const AuditOut = z.object({ total: z.number(), entries: z.array(AuditEntryOut) });

export const VerifyOut = z.object({
  scope: z
    .enum(["chain", "visible"])
    .describe("chain: the whole hash chain (operators); visible: the entries the caller may see"),
  ok: z.boolean(),
  checked: z.number().describe("entries verified"),
  broken: z
    .object({
      position: z.number().describe("in the chain for an operator; among the caller's entries otherwise"),
      reason: z.string(),
    })
    .nullable(),
});
export type VerifyOutput = z.infer<typeof VerifyOut>;
