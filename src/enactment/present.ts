import type { z } from "@hono/zod-openapi";
import type { MatrixOut, ReportOut } from "./contract.js";
import type { ReadMatrix, ReportRow } from "./queries.js";
import { sourceText } from "./rules.js";

export type ReportView = z.input<typeof ReportOut>;
export type MatrixView = z.input<typeof MatrixOut>;

export const presentReport = (r: ReportRow): ReportView => ({
  id: r.id,
  setId: r.setId,
  governmentCode: r.governmentCode,
  status: r.status,
  instrument: r.instrument,
  effectiveOn: r.effectiveOn,
  source: sourceText(r.sourceKind, r.sourceRef),
  sourceKind: r.sourceKind,
  note: r.note,
  late: r.late,
  reporter: r.reporter,
  reportedAt: r.reportedAt.toISOString(),
  replacedAt: r.replacedAt ? r.replacedAt.toISOString() : null,
});

export function presentMatrix(read: ReadMatrix, now: Date): MatrixView {
  const { matrix } = read;
  return {
    asOf: now.toISOString(),
    whole: read.whole,
    sets: matrix.sets.map((s) => ({
      id: s.id,
      title: s.title,
      adoptedOn: s.adoptedOn,
      dueAt: s.dueAt ? s.dueAt.toISOString() : null,
    })),
    rows: matrix.rows.map((r) => ({
      code: r.code,
      name: r.name,
      partnerFrom: r.partnerFrom,
      cells: r.cells.map((c) => {
        if (!c) return null;
        const row = read.reports.get(`${c.setId}|${r.code}`);
        return {
          setId: c.setId,
          status: c.status,
          late: c.late,
          overdue: c.overdue,
          report: c.report && row ? presentReport(row) : null,
        };
      }),
      complete: r.complete,
      expected: r.expected,
    })),
    totals: matrix.totals,
  };
}
