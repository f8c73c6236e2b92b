import { eq } from "drizzle-orm";
import { levelAt, REGIME_LADDER, rankOf } from "../../core/access/markings.js";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, type FieldProblem, invalidFields, notFound, one } from "../../core/errors.js";
import { governmentByCode } from "../../directory/index.js";
import { issueRecordPaper } from "../../papers/index.js";
import type { NewReportInput } from "../contract.js";
import { recordOutreach } from "../policy.js";
import { type VisitRow, visitFor } from "../queries.js";
import { CAVEAT, daysText, FORMAT_LABELS, heldBy } from "../rules.js";
import { outreachVisits } from "../schema.js";

const code = (rank: number) => levelAt(REGIME_LADDER, rank).code;

/**
 * Files the report of a visit that has been held (by the clock: its last day is today or before),
 * issued as the register's next paper, circulated, with the standing caveat in its summary and
 * at its end. Once: a visit has one report.
 */
export async function fileReport(tx: Tx, who: Acting, id: number, input: NewReportInput): Promise<VisitRow> {
  const visit = await visitFor(tx, who, id, { lock: true });
  if (!visit) throw notFound("outreach visit");
  authorize(who, recordOutreach);
  const today = who.now.toISOString().slice(0, 10);
  if (!heldBy(visit.lastDay, today))
    throw conflict(
      "outreach.not_held",
      `The visit is not yet held: its last day is ${visit.lastDay}, after today (${today}). A report follows the visit.`,
    );
  if (visit.reportPaper)
    throw conflict(
      "outreach.reported",
      `The visit's report is filed already as POC DOC ${visit.reportPaper}.`,
    );
  const problems: FieldProblem[] = [];
  const paragraphs = input.paragraphs.map((p, i) => {
    const rank = rankOf(REGIME_LADDER, p.marking);
    if (rank === null)
      problems.push({
        field: `paragraphs.${i}.marking`,
        message: `${p.marking} is not a regime marking: use PUBLIC, RR or RC`,
      });
    return { rank: rank ?? 0, text: p.text };
  });
  if (problems.length) throw invalidFields(problems);
  const host = (await governmentByCode(tx, visit.governmentCode))?.name ?? visit.governmentCode;
  const days = daysText(visit.firstDay, visit.lastDay);
  const paper = await issueRecordPaper(tx, who, {
    kind: "report",
    title: {
      text: `Report of the Chair's outreach visit to ${host} (${visit.city}, ${days})`,
      marking: "PUBLIC",
    },
    summary: {
      text: `${FORMAT_LABELS[visit.format]} visited ${host} in ${visit.city}, ${days}. ${CAVEAT}`,
      marking: "PUBLIC",
    },
    sections: [
      {
        heading: "The visit",
        text: `Host authorities met: ${visit.authorities.join("; ")}.\nDelegation: ${visit.delegation.join("; ")}.`,
        marking: "PUBLIC",
      },
      { heading: "Aims", text: visit.aims.map((a) => a.text).join("\n"), marking: "PUBLIC" },
      ...visit.points.map((p, i) => ({
        heading: i === 0 ? "Talking points" : null,
        text: p.text,
        marking: code(p.rank),
      })),
      ...paragraphs.map((p, i) => ({
        heading: i === 0 ? "Report" : null,
        text: p.text,
        marking: code(p.rank),
      })),
      { heading: "Caveat", text: CAVEAT, marking: "PUBLIC" },
    ],
    meetingId: null,
    agendaItem: null,
  });
  const row = one(
    await tx
      .update(outreachVisits)
      .set({ reportPaper: paper.number, reportedAt: who.now, updatedAt: who.now })
      .where(eq(outreachVisits.id, visit.id))
      .returning(),
  );
  await appendAudit(tx, who.now, who.actor, {
    action: "outreach.report",
    targetKind: "outreach_visit",
    targetId: visit.id,
    space: REGIME_SPACE,
    details: { paper: paper.number },
  });
  return row;
}
