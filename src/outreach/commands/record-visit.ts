import { bannerRank, REGIME_LADDER, rankOf } from "../../core/access/markings.js";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { type FieldProblem, invalidFields, one } from "../../core/errors.js";
import { governmentByCode, standingOn } from "../../directory/index.js";
import type { NewVisitInput } from "../contract.js";
import { recordOutreach } from "../policy.js";
import type { VisitRow } from "../queries.js";
import { AIM_WORDING, visitProblems } from "../rules.js";
import { outreachVisits } from "../schema.js";

/**
 * Records a visit to a non-Partner. The host's standing is the directory's on the visit's first
 * day; every problem — host, days, markings — is named at once, and nothing is written until none.
 */
export async function recordVisit(tx: Tx, who: Acting, input: NewVisitInput): Promise<VisitRow> {
  authorize(who, recordOutreach);
  const gov = await governmentByCode(tx, input.governmentCode);
  const problems: FieldProblem[] = visitProblems({
    firstDay: input.firstDay,
    lastDay: input.lastDay,
    hostCode: input.governmentCode,
    host: gov ? { name: gov.name, standingOnFirstDay: standingOn(gov, input.firstDay) } : null,
  });
  const points = input.points.map((p, i) => {
    const rank = p.marking ? rankOf(REGIME_LADDER, p.marking) : null;
    if (!p.marking)
      problems.push({
        field: `points.${i}.marking`,
        message: "the point is unmarked: mark it PUBLIC, RR or RC",
      });
    else if (rank === null)
      problems.push({
        field: `points.${i}.marking`,
        message: `${p.marking} is not a regime marking: use PUBLIC, RR or RC`,
      });
    return { rank: rank ?? 0, text: p.text };
  });
  if (problems.length || !gov) throw invalidFields(problems);
  const row = one(
    await tx
      .insert(outreachVisits)
      .values({
        space: REGIME_SPACE,
        governmentCode: gov.code,
        format: input.format,
        city: input.city,
        firstDay: input.firstDay,
        lastDay: input.lastDay,
        authorities: input.authorities,
        delegation: input.delegation,
        aims: input.aims.map((a) => ({ aim: a.aim, text: a.text ?? AIM_WORDING[a.aim] })),
        points,
        banner: bannerRank(points.map((p) => p.rank)),
        createdBy: who.actor.userId,
        createdAt: who.now,
        updatedAt: who.now,
      })
      .returning(),
  );
  await appendAudit(tx, who.now, who.actor, {
    action: "outreach.record",
    targetKind: "outreach_visit",
    targetId: row.id,
    space: REGIME_SPACE,
    marking: REGIME_LADDER.levels[row.banner]?.code ?? null,
    details: { host: gov.code, firstDay: row.firstDay, lastDay: row.lastDay },
  });
  return row;
}
