import { authorize } from "../../core/access/rules.js";
import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, invalid, one } from "../../core/errors.js";
import { summaryProblem } from "../../papers/index.js";
import type { NewContributionInput } from "../contract.js";
import { mayVolunteer } from "../policy.js";
import { visibleCall } from "../queries.js";
import { lateSecondsOf } from "../rules.js";
import { contributions } from "../schema.js";

/** A Partner volunteers a paper or presentation: accepted after the call closes too, marked late. */
export async function volunteer(tx: Tx, who: ReaderActing, callId: number, input: NewContributionInput) {
  const { reader, now } = who;
  const { call } = await visibleCall(tx, reader, callId);
  authorize(who, mayVolunteer);
  const problem = summaryProblem(input.summary);
  if (problem) throw invalid("summary", problem);
  if (call.agendaPaperId)
    throw conflict("call.closed", "The agenda has been issued: this call takes no more contributions.");
  const row = one(
    await tx
      .insert(contributions)
      .values({
        callId,
        governmentCode: reader.government.code,
        kind: input.kind,
        title: input.title,
        countryOfOrigin: input.countryOfOrigin,
        summary: input.summary,
        state: "proposed",
        proposedBy: reader.userId,
        proposedAt: now,
        lateSeconds: lateSecondsOf(call.closesAt, now),
      })
      .returning(),
  );
  await appendAudit(tx, now, who.actor, {
    action: "call.volunteer",
    targetKind: "contribution",
    targetId: row.id,
    // A contribution is its government's until the chair accepts it onto the agenda.
    space: reader.government.code,
    details: { call: callId, late: row.lateSeconds > 0 },
  });
  return row;
}
