/**
 * The enactment matrix (POC DOC 39), computed: one row per government that is a Partner, one
 * column per amendment set, each cell the Partner's current report on that set or its absence,
 * flagged late (reported after the "updates by" deadline) or overdue (still not enacted when the
 * deadline has passed). A Partner admitted after a set's adoption has no cell for it. Pure.
 */

export const REPORT_STATUSES = ["in_progress", "enacted", "not_applicable"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type CellStatus = ReportStatus | "not_reported";

export const STATUS_LABELS: Record<CellStatus, string> = {
  not_reported: "Not reported",
  in_progress: "In progress",
  enacted: "Enacted",
  not_applicable: "Not applicable",
};

/** One letter per status, so the matrix reads in grey print and in a plain-text cell. */
export const STATUS_MARKS: Record<CellStatus, string> = {
  not_reported: "–",
  in_progress: "P",
  enacted: "E",
  not_applicable: "N/A",
};

export interface MatrixGovernment {
  code: string;
  name: string;
  /** The first day it is a Partner (its admission), or null when it is not one. */
  partnerFrom: string | null;
}

export interface MatrixSet {
  id: number;
  title: string;
  adoptedOn: string;
  /** When enactment updates were due, if a deadline was set. */
  dueAt: Date | null;
}

export interface MatrixReport {
  setId: number;
  governmentCode: string;
  status: ReportStatus;
  instrument: string | null;
  effectiveOn: string | null;
  reportedAt: Date;
  reportedBy: string | null;
  source: string | null;
}

export interface Cell {
  setId: number;
  status: CellStatus;
  report: MatrixReport | null;
  late: boolean;
  overdue: boolean;
}

export interface MatrixRow {
  code: string;
  name: string;
  partnerFrom: string;
  /** One per set, in the sets' order; null where the government was not yet a Partner. */
  cells: (Cell | null)[];
  /** Cells enacted or not applicable, of those it owes. */
  complete: number;
  expected: number;
}

export interface SetTotals {
  setId: number;
  expected: number;
  reported: number;
  complete: number;
  overdue: number;
}

export interface Matrix {
  sets: MatrixSet[];
  rows: MatrixRow[];
  totals: SetTotals[];
}

/** Whether a government was a Partner on a day. */
export const partnerOn = (g: MatrixGovernment, day: string): boolean =>
  g.partnerFrom !== null && g.partnerFrom <= day;

const isComplete = (s: CellStatus) => s === "enacted" || s === "not_applicable";

/** The matrix as of `now`, sets by adoption date, rows by government name. */
export function computeMatrix(
  governments: readonly MatrixGovernment[],
  sets: readonly MatrixSet[],
  reports: readonly MatrixReport[],
  now: Date,
): Matrix {
  const ordered = [...sets].sort((a, b) => a.adoptedOn.localeCompare(b.adoptedOn) || a.id - b.id);
  const byCell = new Map(reports.map((r) => [`${r.setId}|${r.governmentCode}`, r]));
  const today = now.toISOString().slice(0, 10);
  const rows: MatrixRow[] = [];
  for (const g of [...governments].sort((a, b) => a.name.localeCompare(b.name))) {
    if (g.partnerFrom === null || !(partnerOn(g, today) || ordered.some((s) => partnerOn(g, s.adoptedOn))))
      continue;
    const cells = ordered.map((s): Cell | null => {
      if (!partnerOn(g, s.adoptedOn)) return null;
      const report = byCell.get(`${s.id}|${g.code}`) ?? null;
      const status: CellStatus = report?.status ?? "not_reported";
      const due = s.dueAt;
      return {
        setId: s.id,
        status,
        report,
        late: report !== null && due !== null && report.reportedAt.getTime() > due.getTime(),
        overdue: !isComplete(status) && due !== null && now.getTime() > due.getTime(),
      };
    });
    const owed = cells.filter((c): c is Cell => c !== null);
    rows.push({
      code: g.code,
      name: g.name,
      partnerFrom: g.partnerFrom,
      cells,
      complete: owed.filter((c) => isComplete(c.status)).length,
      expected: owed.length,
    });
  }
  const totals = ordered.map((s, i): SetTotals => {
    const cells = rows.map((r) => r.cells[i]).filter((c): c is Cell => c !== null && c !== undefined);
    return {
      setId: s.id,
      expected: cells.length,
      reported: cells.filter((c) => c.status !== "not_reported").length,
      complete: cells.filter((c) => isComplete(c.status)).length,
      overdue: cells.filter((c) => c.overdue).length,
    };
  });
  return { sets: ordered, rows, totals };
}

/**
 * The matrix as a reader who is not the Point of Contact sees it: every Partner's reports once
 * reported, their own row whole, and nothing of who else has not reported — rows with no report
 * are left out, unreported cells of other rows are blanked, and per-Partner completeness of other
 * rows is not given.
 */
export function partnerView(m: Matrix, ownCode: string): Matrix {
  const rows = m.rows
    .filter((r) => r.code === ownCode || r.cells.some((c) => c !== null && c.status !== "not_reported"))
    .map((r) =>
      r.code === ownCode
        ? r
        : {
            ...r,
            cells: r.cells.map((c) =>
              c && c.status === "not_reported" ? null : c ? { ...c, overdue: false } : c,
            ),
            complete: 0,
            expected: 0,
          },
    );
  const totals = m.totals.map((t) => ({ ...t, overdue: 0 }));
  return { ...m, rows, totals };
}

export interface ReportDraft {
  status: string;
  instrument: string | null;
  effectiveOn: string | null;
}

/** A report's problems against its set, each naming its field; none when it may be recorded. */
export function reportProblems(
  r: ReportDraft,
  set: Pick<MatrixSet, "adoptedOn" | "title">,
): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (!(REPORT_STATUSES as readonly string[]).includes(r.status)) {
    out.push({ field: "status", message: `choose one of ${REPORT_STATUSES.join(", ")}` });
    return out;
  }
  if (r.status === "enacted") {
    if (!r.instrument?.trim())
      out.push({ field: "instrument", message: "name the national instrument that enacts the changes" });
    if (!r.effectiveOn) out.push({ field: "effectiveOn", message: "give the day the enactment took effect" });
  }
  if (r.effectiveOn && r.effectiveOn < set.adoptedOn)
    out.push({
      field: "effectiveOn",
      message: `${r.effectiveOn} is before ${set.title} was adopted (${set.adoptedOn})`,
    });
  return out;
}
