import { and, eq, isNull } from "drizzle-orm";
import { amendmentSets } from "../annex/index.js";
import { actingAs } from "../core/acting.js";
import type { Clock } from "../core/clock.js";
import type { Db } from "../core/db/index.js";
import { loadReader, userByUsername } from "../directory/index.js";
import { reportEnactmentOf } from "./commands/report-enactment.js";
import type { NewReport } from "./contract.js";
import { enactmentReports } from "./schema.js";

interface SeedReport {
  username: string;
  at: string;
  report: Omit<NewReport, "setId">;
}

/**
 * The Partners' reports on Athens 2007 as of 2 July 2008: the United States' (STATE 070895: the
 * Commerce Control List amended, effective 16 June 2008); a few others (illustrative); most not yet.
 */
const REPORTS: SeedReport[] = [
  {
    username: "us.delegate",
    at: "2008-07-02T12:02:00Z",
    report: {
      governmentCode: "US",
      status: "enacted",
      instrument: "Commerce Control List (15 CFR Part 774)",
      effectiveOn: "2008-06-16",
      sourceKind: "telegram",
      sourceRef: "STATE 070895",
      note: "The CCL has been amended to reflect the changes to the Annex agreed at the November 2007 Athens Plenary.",
    },
  },
  {
    username: "gb.delegate",
    at: "2008-05-14T10:00:00Z",
    report: {
      governmentCode: "GB",
      status: "enacted",
      instrument: "Export Control (Amendment) Order 2008",
      effectiveOn: "2008-04-06",
      sourceKind: null,
      sourceRef: null,
      note: null,
    },
  },
  {
    username: "au.chair",
    at: "2008-06-02T01:00:00Z",
    report: {
      governmentCode: "AU",
      status: "enacted",
      instrument: "Defence and Strategic Goods List",
      effectiveOn: "2008-05-01",
      sourceKind: null,
      sourceRef: null,
      note: null,
    },
  },
  {
    username: "de.delegate",
    at: "2008-06-25T08:30:00Z",
    report: {
      governmentCode: "DE",
      status: "in_progress",
      instrument: "Ausfuhrliste (Anlage AL zur Außenwirtschaftsverordnung)",
      effectiveOn: null,
      sourceKind: null,
      sourceRef: null,
      note: "Amendment of the export list in preparation.",
    },
  },
];

/** Each Partner's report, made by its own delegate at the day it was made. Idempotent. */
export async function seedEnactment(db: Db, _clock: Clock): Promise<void> {
  const [set] = await db.select().from(amendmentSets).where(eq(amendmentSets.title, "Athens 2007"));
  if (!set) return;
  for (const r of REPORTS) {
    const user = await userByUsername(db, r.username);
    const at = new Date(r.at);
    const reader = user ? await loadReader(db, user.id, at) : null;
    if (!reader) continue;
    await db.transaction(async (tx) => {
      const [has] = await tx
        .select({ id: enactmentReports.id })
        .from(enactmentReports)
        .where(
          and(
            eq(enactmentReports.setId, set.id),
            eq(enactmentReports.governmentCode, r.report.governmentCode),
            isNull(enactmentReports.replacedAt),
          ),
        );
      if (!has) await reportEnactmentOf(tx, actingAs(reader, at), { ...r.report, setId: set.id });
    });
  }
}
