/**
 * The matrix as the Point of Contact circulates it: an .xlsx workbook (one sheet for the matrix,
 * headers frozen, each status as text and as a fill; one sheet per amendment set with its
 * changes) and as CSV, one line per Partner and set.
 */
import ExcelJS from "exceljs";
import type { AmendmentChange } from "../annex/index.js";
import { OP_LABELS } from "../annex/index.js";
import { type Cell, type Matrix, STATUS_LABELS, STATUS_MARKS } from "./matrix.js";

/** Fills that differ in lightness too, so the statuses part in grey print. */
export const STATUS_FILLS: Record<Cell["status"], string> = {
  enacted: "FF1D70B8",
  in_progress: "FF85B4E0",
  not_applicable: "FFD9D9D9",
  not_reported: "FFFFFFFF",
};
const ON_FILL: Record<Cell["status"], string> = {
  enacted: "FFFFFFFF",
  in_progress: "FF0B0C0C",
  not_applicable: "FF0B0C0C",
  not_reported: "FF0B0C0C",
};

/** What a cell says in words: its status, late or overdue, the instrument and the day it took effect. */
export function cellText(c: Cell | null): string {
  if (!c) return "";
  const bits = [STATUS_LABELS[c.status]];
  if (c.report?.instrument) bits.push(c.report.instrument);
  if (c.report?.effectiveOn) bits.push(`effective ${c.report.effectiveOn}`);
  if (c.late) bits.push("reported late");
  if (c.overdue) bits.push("overdue");
  return bits.join("; ");
}

/** A sheet's name: at most 31 characters, none of : \ / ? * [ ]. */
export const sheetName = (title: string, i: number): string =>
  `${i + 1} ${title}`.replace(/[:\\/?*[\]]/g, "-").slice(0, 31);

export async function matrixWorkbook(
  m: Matrix,
  changes: ReadonlyMap<number, readonly AmendmentChange[]>,
  asOf: Date,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Plenary";
  wb.title = "POC DOC 39: Matrix of Partner implementation of changes to the MTCR Annex";
  wb.created = asOf;
  const ws = wb.addWorksheet("Matrix", { views: [{ state: "frozen", xSplit: 1, ySplit: 3 }] });
  ws.getCell(1, 1).value =
    `Matrix of Partner implementation of changes to the Annex, as of ${asOf.toISOString().slice(0, 10)}`;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const header = ["Partner", ...m.sets.map((s) => `${s.title} (adopted ${s.adoptedOn})`), "Complete"];
  ws.getRow(2).values = [
    "",
    ...m.sets.map((s) => (s.dueAt ? `updates by ${s.dueAt.toISOString().slice(0, 10)}` : "")),
    "",
  ];
  ws.getRow(3).values = header;
  ws.getRow(3).font = { bold: true };
  ws.getColumn(1).width = 28;
  for (let i = 0; i < m.sets.length; i++) ws.getColumn(i + 2).width = 34;
  ws.getColumn(m.sets.length + 2).width = 12;
  for (const r of m.rows) {
    const row = ws.addRow([
      r.name,
      ...r.cells.map((c) => (c ? cellText(c) : "not a Partner at adoption")),
      r.expected ? `${r.complete} of ${r.expected}` : "",
    ]);
    r.cells.forEach((c, i) => {
      if (!c) return;
      const cell = row.getCell(i + 2);
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: STATUS_FILLS[c.status] } };
      cell.font = { color: { argb: ON_FILL[c.status] }, bold: c.overdue };
      cell.note = STATUS_MARKS[c.status];
      cell.alignment = { wrapText: true, vertical: "top" };
    });
  }
  ws.addRow([]);
  ws.addRow([
    "Enacted or not applicable",
    ...m.totals.map((t) => `${t.complete} of ${t.expected}${t.overdue ? ` (${t.overdue} overdue)` : ""}`),
  ]).font = { bold: true };
  m.sets.forEach((s, i) => {
    const sheet = wb.addWorksheet(sheetName(s.title, i), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = [
      { header: "Change", width: 10 },
      { header: "Entry", width: 12 },
      { header: "Text before", width: 60 },
      { header: "Text after", width: 60 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const c of changes.get(s.id) ?? [])
      sheet.addRow([OP_LABELS[c.op], c.number, c.before?.text ?? "", c.after?.text ?? ""]).alignment = {
        wrapText: true,
        vertical: "top",
      };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function matrixCsv(m: Matrix): string {
  const lines = [
    [
      "partner",
      "code",
      "amendment_set",
      "adopted_on",
      "status",
      "instrument",
      "effective_on",
      "reported_by",
      "reported_at",
      "source",
      "late",
      "overdue",
    ],
  ];
  for (const r of m.rows)
    r.cells.forEach((c, i) => {
      const s = m.sets[i];
      if (!c || !s) return;
      lines.push([
        r.name,
        r.code,
        s.title,
        s.adoptedOn,
        c.status,
        c.report?.instrument ?? "",
        c.report?.effectiveOn ?? "",
        c.report?.reportedBy ?? "",
        c.report ? c.report.reportedAt.toISOString() : "",
        c.report?.source ?? "",
        c.late ? "yes" : "no",
        c.overdue ? "yes" : "no",
      ]);
    });
  return `${lines.map((l) => l.map(csvField).join(",")).join("\r\n")}\r\n`;
}
