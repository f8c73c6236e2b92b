import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { visibleAmendmentSets } from "../annex/index.js";
import type { Reader } from "../core/access/reader.js";
import type { Queryable } from "../core/db/index.js";
import { listGovernments } from "../directory/index.js";
import { deadlineFor } from "../meetings/index.js";
import {
  computeMatrix,
  type Matrix,
  type MatrixGovernment,
  type MatrixReport,
  type MatrixSet,
  partnerView,
} from "./matrix.js";
import { readMatrix, seeWholeMatrix } from "./policy.js";
import { sourceText } from "./rules.js";
import { enactmentReports } from "./schema.js";

export type ReportRow = typeof enactmentReports.$inferSelect;

/** A government's first day as a Partner: its admission day where known, else 1 January of its year. */
export function partnerFrom(g: { status: string; admittedOn: string | null; admittedYear: number | null }) {
  if (g.status !== "partner") return null;
  return g.admittedOn ?? (g.admittedYear ? `${g.admittedYear}-01-01` : null);
}

/** When enactment updates on a set are due: the deadline of the meeting it names, as the reader sees it. */
export async function dueOfSet(
  db: Queryable,
  reader: Reader,
  set: { updatesMeetingId: number | null },
): Promise<Date | null> {
  if (!set.updatesMeetingId) return null;
  const d = await deadlineFor(db, reader, {
    documentKind: "enactment_update",
    meetingId: set.updatesMeetingId,
    governmentCode: reader.government.code,
  });
  return d?.dueAt ?? null;
}

export const toMatrixReport = (r: ReportRow): MatrixReport => ({
  setId: r.setId,
  governmentCode: r.governmentCode,
  status: r.status,
  instrument: r.instrument,
  effectiveOn: r.effectiveOn,
  reportedAt: r.reportedAt,
  reportedBy: r.reporter,
  source: sourceText(r.sourceKind, r.sourceRef),
});

export interface ReadMatrix {
  matrix: Matrix;
  /** The current report rows behind the cells, by id, for presenting them whole. */
  reports: Map<string, ReportRow>;
  whole: boolean;
}

/**
 * The matrix as the reader may see it: null for a reader outside the Partners; every row for the
 * Point of Contact; for other Partners, what has been reported and their own row.
 */
export async function readMatrixFor(db: Queryable, reader: Reader, now: Date): Promise<ReadMatrix | null> {
  if (!readMatrix.allows(reader)) return null;
  const setRows = await visibleAmendmentSets(db, reader);
  const sets: MatrixSet[] = await Promise.all(
    setRows.map(async (s) => ({
      id: s.id,
      title: s.title,
      adoptedOn: s.adoptedOn,
      dueAt: await dueOfSet(db, reader, s),
    })),
  );
  const govs: MatrixGovernment[] = (await listGovernments(db)).map((g) => ({
    code: g.code,
    name: g.name,
    partnerFrom: partnerFrom(g),
  }));
  const rows = setRows.length
    ? await db
        .select()
        .from(enactmentReports)
        .where(
          and(
            isNull(enactmentReports.replacedAt),
            inArray(
              enactmentReports.setId,
              setRows.map((s) => s.id),
            ),
          ),
        )
    : [];
  const whole = seeWholeMatrix.allows(reader);
  const computed = computeMatrix(govs, sets, rows.map(toMatrixReport), now);
  return {
    matrix: whole ? computed : partnerView(computed, reader.government.code),
    reports: new Map(rows.map((r) => [`${r.setId}|${r.governmentCode}`, r])),
    whole,
  };
}

/** Every report a government made on a set, newest first (the set read through the annex first). */
export async function reportHistory(
  db: Queryable,
  setId: number,
  governmentCode: string,
): Promise<ReportRow[]> {
  const rows = await db
    .select()
    .from(enactmentReports)
    .where(and(eq(enactmentReports.setId, setId), eq(enactmentReports.governmentCode, governmentCode)))
    .orderBy(asc(enactmentReports.reportedAt), asc(enactmentReports.id));
  return rows.reverse();
}
