/** Rows → the shapes the API returns and the pages show; points above the reader's clearance withheld. */
import { levelAt, mayRead, REGIME_LADDER } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import type { Queryable } from "../core/db/index.js";
import { listGovernments } from "../directory/index.js";
import type { VisitView } from "./contract.js";
import type { VisitRow } from "./queries.js";
import { AIM_LABELS, CAVEAT, daysText, FORMAT_LABELS, heldBy, yearOf } from "./rules.js";

const code = (rank: number) => levelAt(REGIME_LADDER, rank).code;

export function presentVisit(reader: Reader, row: VisitRow, hostName: string, now: Date): VisitView {
  return {
    id: row.id,
    caveat: CAVEAT,
    marking: code(row.banner),
    host: { code: row.governmentCode, name: hostName },
    format: row.format,
    formatLabel: FORMAT_LABELS[row.format],
    city: row.city,
    firstDay: row.firstDay,
    lastDay: row.lastDay,
    days: daysText(row.firstDay, row.lastDay),
    year: yearOf(row.firstDay),
    held: heldBy(row.lastDay, now.toISOString().slice(0, 10)),
    authorities: row.authorities,
    delegation: row.delegation,
    aims: row.aims.map((a) => ({ aim: a.aim, label: AIM_LABELS[a.aim], text: a.text })),
    points: row.points.map((p) =>
      mayRead(reader.regimeClearance, p.rank)
        ? { marking: code(p.rank), withheld: false, text: p.text }
        : { marking: code(p.rank), withheld: true, text: null },
    ),
    reportPaper: row.reportPaper,
    reportedAt: row.reportedAt?.toISOString() ?? null,
  };
}

export async function presentVisits(
  db: Queryable,
  reader: Reader,
  rows: readonly VisitRow[],
  now: Date,
): Promise<VisitView[]> {
  const names = new Map((await listGovernments(db)).map((g) => [g.code, g.name]));
  return rows.map((r) => presentVisit(reader, r, names.get(r.governmentCode) ?? r.governmentCode, now));
}
