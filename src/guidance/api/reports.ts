import { createRoute, z } from "@hono/zod-openapi";
import type { Reader } from "../../core/access/reader.js";
import { actingAs } from "../../core/acting.js";
import type { Queryable } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../../core/http/api.js";
import { actingOf, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { startAnswer } from "../commands/answer-request.js";
import { fileMeetingReport } from "../commands/file-report.js";
import { GuidanceOut, NewReport, ReportListOut, ReportOut, RequestListOut, RequestOut } from "../contract.js";
import { readGuidance } from "../policy.js";
import { presentReport, presentRequests } from "../present.js";
import { guidanceFor, listReports, listRequests, type ReportRow, reportFor, requestFor } from "../queries.js";
import { guidanceOrNotFound } from "./read.js";

const Params = z.object({ id: IdParam });

export async function reportView(db: Queryable, reader: Reader, row: ReportRow, now: Date) {
  const g = await guidanceFor(db, actingAs(reader, now), row.guidanceId);
  return presentReport(db, reader, row, g);
}

export async function reportOrNotFound(db: Queryable, reader: Reader, id: number, now: Date) {
  if (!readGuidance.allows(reader)) throw notFound("report");
  const row = await reportFor(db, actingAs(reader, now), id);
  if (!row) throw notFound("report");
  return reportView(db, reader, row, now);
}

export function registerReportRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/reports",
      operationId: "listReports",
      tags: ["Reports"],
      summary: "Reports from the post on your government's guidance, newest first",
      description: "Your government's own; nobody of another government sees any (the list is empty).",
      security,
      request: {
        query: z.object({
          guidanceId: z.coerce.number().int().positive().optional(),
          slug: z
            .string()
            .trim()
            .max(40)
            .optional()
            .describe('the office reporting is slugged for, e.g. "ISN/MTR"'),
        }),
      },
      responses: { 200: json(ReportListOut, "The reports"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const rows = readGuidance.allows(reader) ? await listReports(db, reader, c.req.valid("query")) : [];
      const reports = [];
      for (const r of rows) reports.push(await reportView(db, reader, r, clock.now()));
      return respond(c, ReportListOut, { reports }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/reports",
      operationId: "fileReport",
      tags: ["Reports"],
      summary: "File a report on a meeting, as a telegram from the post",
      description:
        "Item by item of the released guidance: what was said and the outcome; points the guidance did not cover become requests for guidance with the time they are needed by.",
      security,
      request: { body: { content: { "application/json": { schema: NewReport } }, required: true } },
      responses: { 201: json(ReportOut, "The report"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db, clock } = c.get("deps");
      if (!readGuidance.allows(who.reader)) throw notFound("guidance");
      const input = c.req.valid("json");
      const row = await db.transaction((tx) => fileMeetingReport(tx, who, input));
      return respond(c, ReportOut, await reportOrNotFound(db, who.reader, row.id, clock.now()), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/reports/{id}",
      operationId: "getReport",
      tags: ["Reports"],
      summary: "A report, with its requests for guidance",
      security,
      request: { params: Params },
      responses: { 200: json(ReportOut, "The report"), ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      return respond(
        c,
        ReportOut,
        await reportOrNotFound(db, readerOf(c), c.req.valid("param").id, clock.now()),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/guidance-requests",
      operationId: "listGuidanceRequests",
      tags: ["Reports"],
      summary: "Requests for guidance, the soonest needed first",
      security,
      request: {
        query: z.object({
          open: z
            .enum(["true", "false"])
            .optional()
            .transform((v) => v === "true")
            .describe("only those not yet answered"),
        }),
      },
      responses: { 200: json(RequestListOut, "The requests"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db } = c.get("deps");
      const rows = readGuidance.allows(reader) ? await listRequests(db, reader, c.req.valid("query")) : [];
      return respond(c, RequestListOut, { requests: await presentRequests(db, reader, rows) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/guidance-requests/{id}",
      operationId: "getGuidanceRequest",
      tags: ["Reports"],
      summary: "A request for guidance, and the guidance that answers it",
      security,
      request: { params: Params },
      responses: { 200: json(RequestOut, "The request"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const row = readGuidance.allows(reader)
        ? await requestFor(db, actingAs(reader, clock.now()), c.req.valid("param").id)
        : null;
      if (!row) throw notFound("request for guidance");
      const [view] = await presentRequests(db, reader, [row]);
      return respond(c, RequestOut, view as NonNullable<typeof view>, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/guidance-requests/{id}/answer",
      operationId: "answerGuidanceRequest",
      tags: ["Reports"],
      summary: "Start the short guidance that answers a request",
      description: "A draft referencing the report that asked; its release answers the request.",
      security,
      request: {
        params: Params,
        body: { content: { "application/json": { schema: z.object({}).strict() } }, required: true },
      },
      responses: { 201: json(GuidanceOut, "The draft answer"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db, clock } = c.get("deps");
      if (!readGuidance.allows(who.reader)) throw notFound("request for guidance");
      const id = c.req.valid("param").id;
      const row = await db.transaction((tx) => startAnswer(tx, who, id));
      return respond(c, GuidanceOut, await guidanceOrNotFound(db, who.reader, row.id, clock.now()), 201);
    },
  );
}
