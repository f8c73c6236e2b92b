import { createRoute, z } from "@hono/zod-openapi";
import { amendmentSetFor, changesOf } from "../../annex/index.js";
import type { Reader } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import { actingAs } from "../../core/acting.js";
import type { Queryable } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../../core/http/api.js";
import { auditRead, shownMarking } from "../../core/http/audited.js";
import { actingOf, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { checkFile } from "../../papers/index.js";
import { issueMatrixPaper } from "../commands/issue-matrix.js";
import { reportEnactmentOf } from "../commands/report-enactment.js";
import { ExportQuery, HistoryOut, IssueOut, MatrixOut, NewReportInput, ReportOut } from "../contract.js";
import { matrixCsv, matrixWorkbook } from "../export.js";
import { issueMatrix } from "../policy.js";
import { presentMatrix, presentReport } from "../present.js";
import { readMatrixFor, reportHistory } from "../queries.js";

const TAGS = ["Enactment"];
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The matrix the reader may see, or 404 exactly as a missing record. */
export async function matrixOrNotFound(db: Queryable, reader: Reader, now: Date) {
  const read = await readMatrixFor(db, reader, now);
  if (!read) throw notFound("enactment matrix");
  return read;
}

/** The workbook of the matrix the reader sees, with each set's changes. */
export async function workbookFor(db: Queryable, reader: Reader, now: Date): Promise<Buffer> {
  const read = await matrixOrNotFound(db, reader, now);
  const changes = new Map(
    await Promise.all(read.matrix.sets.map(async (s) => [s.id, await changesOf(db, s.id)] as const)),
  );
  return matrixWorkbook(read.matrix, changes, now);
}

export const workbookName = (now: Date) => `POC-DOC-39-matrix-${now.toISOString().slice(0, 10)}.xlsx`;

export function registerEnactmentRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/enactment/matrix",
      operationId: "getEnactmentMatrix",
      tags: TAGS,
      summary: "The enactment matrix: Partners × amendment sets",
      description:
        "The Point of Contact sees every row and who has not reported; other Partners see what has been reported and their own row; others see nothing (404).",
      security,
      responses: { 200: json(MatrixOut, "The matrix"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const now = c.get("deps").clock.now();
      const read = await matrixOrNotFound(c.get("deps").db, reader, now);
      return respond(c, MatrixOut, presentMatrix(read, now), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/enactment/export",
      operationId: "exportEnactmentMatrix",
      tags: TAGS,
      summary: "The matrix as an .xlsx workbook or CSV",
      security,
      request: { query: ExportQuery },
      responses: {
        200: {
          description: "The file",
          content: {
            [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) },
            "text/csv": { schema: z.string() },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const reader = readerOf(c);
      const now = clock.now();
      const format = c.req.valid("query").format === "csv" ? "csv" : "xlsx";
      const exported = () =>
        auditRead(c, {
          action: "enactment.export",
          targetKind: "matrix",
          marking: shownMarking(reader, "regime"),
          details: { format },
        });
      if (format === "csv") {
        const read = await matrixOrNotFound(db, reader, now);
        await exported();
        return c.body(matrixCsv(read.matrix), 200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${workbookName(now).replace(".xlsx", ".csv")}"`,
        });
      }
      const bytes = await workbookFor(db, reader, now);
      await exported();
      return c.body(new Uint8Array(bytes), 200, {
        "content-type": XLSX_TYPE,
        "content-disposition": `attachment; filename="${workbookName(now)}"`,
      });
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/enactment/reports",
      operationId: "reportEnactment",
      tags: TAGS,
      summary: "Report your government's enactment of an amendment set",
      description:
        "A Partner reports its own row. Reporting again replaces the row and keeps the history; a report after the 'updates by' deadline is accepted and marked late.",
      security,
      request: { body: { content: { "application/json": { schema: NewReportInput } }, required: true } },
      responses: { 201: json(ReportOut, "The report"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db } = c.get("deps");
      const row = await db.transaction((tx) => reportEnactmentOf(tx, who, c.req.valid("json")));
      return respond(c, ReportOut, presentReport(row), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/enactment/reports/{setId}/{code}",
      operationId: "listEnactmentReports",
      tags: TAGS,
      summary: "A Partner's reports on a set, newest first (the first is current)",
      security,
      request: { params: z.object({ setId: IdParam, code: z.string().regex(/^[A-Za-z]{2}$/) }) },
      responses: { 200: json(HistoryOut, "The reports"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const { setId, code } = c.req.valid("param");
      const gov = code.toUpperCase();
      const read = await matrixOrNotFound(db, reader, clock.now());
      const set = await amendmentSetFor(db, actingAs(reader, clock.now()), setId);
      const row = read.matrix.rows.find((r) => r.code === gov);
      const index = read.matrix.sets.findIndex((s) => s.id === setId);
      // The history of a row the reader may not see in the matrix does not exist for them.
      if (!set || !row || index < 0 || !row.cells[index]) throw notFound("enactment report");
      const reports = (await reportHistory(db, setId, gov)).map(presentReport);
      return respond(c, HistoryOut, { setId, governmentCode: gov, reports }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/enactment/issue",
      operationId: "issueEnactmentMatrix",
      tags: TAGS,
      summary: "Issue the matrix: a new version of POC DOC 39 with the workbook attached (Point of Contact)",
      security,
      responses: { 201: json(IssueOut, "The paper's new version"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db } = c.get("deps");
      const file = await issuedFile(db, who.reader, who.now);
      const issued = await db.transaction((tx) => issueMatrixPaper(tx, who, file));
      return respond(c, IssueOut, issued, 201);
    },
  );
}

/** The workbook checked as a file for the register, before any transaction (the Point of Contact's only). */
export async function issuedFile(db: Queryable, reader: Reader, now: Date) {
  authorize(actingAs(reader, now), issueMatrix);
  return checkFile({ name: workbookName(now), bytes: await workbookFor(db, reader, now), marking: "RR" });
}
