import { and, eq, isNull } from "drizzle-orm";
import { amendmentSetFor } from "../../annex/index.js";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { AppError, invalid, invalidFields, notFound, one } from "../../core/errors.js";
import { governmentByCode } from "../../directory/index.js";
import type { NewReport } from "../contract.js";
import { partnerOn, reportProblems } from "../matrix.js";
import { reportEnactment } from "../policy.js";
import { dueOfSet, partnerFrom, type ReportRow } from "../queries.js";
import { sourceProblem } from "../rules.js";
import { enactmentReports } from "../schema.js";

/**
 * Records a Partner's report of its enactment of an amendment set: its own government's, for a
 * set adopted while it was a Partner. A report after the "updates by" deadline is accepted and
 * marked late. Reporting again replaces the current report and keeps the old one as history.
 */
export async function reportEnactmentOf(tx: Tx, who: Acting, input: NewReport): Promise<ReportRow> {
  const set = await amendmentSetFor(tx, who, input.setId);
  if (!set) throw notFound("amendment set");
  authorize(who, reportEnactment, input.governmentCode);
  const gov = await governmentByCode(tx, input.governmentCode);
  if (!gov) throw invalid("governmentCode", `there is no government ${input.governmentCode}`);
  const from = partnerFrom(gov);
  if (!partnerOn({ code: gov.code, name: gov.name, partnerFrom: from }, set.adoptedOn))
    throw new AppError(
      "enactment.not_a_partner_then",
      409,
      `${gov.name} was not a Partner when ${set.title} was adopted (${set.adoptedOn}): it has no enactment to report for it.`,
    );
  const problems = reportProblems(input, set);
  const source = sourceProblem(input.sourceKind, input.sourceRef);
  if (source) problems.push({ field: input.sourceKind ? "sourceRef" : "sourceKind", message: source });
  if (problems.length > 0) throw invalidFields(problems);
  const due = who.kind === "reader" ? await dueOfSet(tx, who.reader, set) : null;
  const late = due !== null && who.now.getTime() > due.getTime();
  const current = and(
    eq(enactmentReports.setId, set.id),
    eq(enactmentReports.governmentCode, gov.code),
    isNull(enactmentReports.replacedAt),
  );
  const [previous] = await tx.select().from(enactmentReports).where(current).for("update");
  if (previous)
    await tx
      .update(enactmentReports)
      .set({ replacedAt: who.now })
      .where(eq(enactmentReports.id, previous.id));
  const row = one(
    await tx
      .insert(enactmentReports)
      .values({
        space: REGIME_SPACE,
        setId: set.id,
        governmentCode: gov.code,
        status: input.status,
        instrument: input.instrument || null,
        effectiveOn: input.effectiveOn,
        sourceKind: input.sourceKind,
        sourceRef: input.sourceRef || null,
        note: input.note || null,
        late,
        reportedBy: who.kind === "reader" ? who.reader.userId : null,
        reporter:
          who.kind === "reader" ? `${who.reader.displayName} (${who.reader.username})` : who.actor.label,
        reportedAt: who.now,
      })
      .returning(),
  );
  await appendAudit(tx, who.now, who.actor, {
    action: previous ? "enactment.report.replace" : "enactment.report",
    targetKind: "enactment_report",
    targetId: row.id,
    space: REGIME_SPACE,
    details: {
      set: set.title,
      government: gov.code,
      status: row.status,
      effectiveOn: row.effectiveOn,
      late,
      ...(previous ? { replaces: previous.id } : {}),
    },
  });
  return row;
}
