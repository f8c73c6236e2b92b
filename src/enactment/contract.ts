import { z } from "@hono/zod-openapi";
import { Day } from "../annex/index.js";
import { REPORT_STATUSES } from "./matrix.js";
import { SOURCE_KINDS } from "./rules.js";

export const NewReportInput = z
  .object({
    setId: z.number().int().positive().describe("the amendment set reported on"),
    governmentCode: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "a two-letter government code such as US")
      .transform((s) => s.toUpperCase())
      .describe("your own government: a Partner reports its own enactment"),
    status: z.enum(REPORT_STATUSES, { error: "choose one of in_progress, enacted, not_applicable" }),
    instrument: z.string().trim().max(300).nullable().default(null).describe("e.g. Commerce Control List"),
    effectiveOn: Day.nullable().default(null),
    sourceKind: z.enum(SOURCE_KINDS).nullable().default(null),
    sourceRef: z.string().trim().max(300).nullable().default(null),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .strict()
  .openapi("NewEnactmentReport");
export type NewReport = z.output<typeof NewReportInput>;

const Status = z.enum([...REPORT_STATUSES, "not_reported"]);

export const ReportOut = z
  .object({
    id: z.number(),
    setId: z.number(),
    governmentCode: z.string(),
    status: z.enum(REPORT_STATUSES),
    instrument: z.string().nullable(),
    effectiveOn: z.string().nullable(),
    source: z.string().nullable(),
    sourceKind: z.enum(SOURCE_KINDS).nullable(),
    note: z.string().nullable(),
    late: z.boolean(),
    reporter: z.string().nullable(),
    reportedAt: z.string(),
    replacedAt: z.string().nullable(),
  })
  .openapi("EnactmentReport");

export const CellOut = z
  .object({
    setId: z.number(),
    status: Status,
    late: z.boolean(),
    overdue: z.boolean(),
    report: ReportOut.nullable(),
  })
  .openapi("EnactmentCell");

export const MatrixOut = z
  .object({
    asOf: z.string(),
    whole: z.boolean().describe("true for the Point of Contact: every row, including who has not reported"),
    sets: z.array(
      z.object({ id: z.number(), title: z.string(), adoptedOn: z.string(), dueAt: z.string().nullable() }),
    ),
    rows: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        partnerFrom: z.string(),
        cells: z
          .array(CellOut.nullable())
          .describe("one per set; null where not a Partner at its adoption, or not shown"),
        complete: z.number(),
        expected: z.number(),
      }),
    ),
    totals: z.array(
      z.object({
        setId: z.number(),
        expected: z.number(),
        reported: z.number(),
        complete: z.number(),
        overdue: z.number(),
      }),
    ),
  })
  .openapi("EnactmentMatrix");

export const HistoryOut = z
  .object({ setId: z.number(), governmentCode: z.string(), reports: z.array(ReportOut) })
  .openapi("EnactmentHistory");

export const ExportQuery = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });

export const IssueOut = z
  .object({ paper: z.number(), version: z.number(), file: z.string() })
  .openapi("EnactmentMatrixIssued");

/** Issuing takes nothing but the request: the matrix is what it is now. */
export const IssueInput = z.object({}).strict();
