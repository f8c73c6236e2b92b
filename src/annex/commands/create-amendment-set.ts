import { eq } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, invalid, invalidFields, one } from "../../core/errors.js";
import { proposalFor } from "../../decisions/index.js";
import { visibleMeeting } from "../../meetings/index.js";
import { setProblems } from "../amend.js";
import type { NewAmendmentSet } from "../contract.js";
import { manageAnnex } from "../policy.js";
import type { AmendmentSetRow } from "../queries.js";
import { amendmentChanges, amendmentSets } from "../schema.js";

/** Checks that a meeting named by a set exists for the one acting (the system sees every one). */
async function checkMeeting(tx: Tx, who: Acting, field: string, id: number | null): Promise<void> {
  if (id === null || who.kind === "system") return;
  if (!(await visibleMeeting(tx, who.reader, id))) throw invalid(field, `there is no meeting ${id}`);
}

/** Records an amendment set agreed at a Plenary, with its changes. */
export async function createAmendmentSet(
  tx: Tx,
  who: Acting,
  input: NewAmendmentSet,
): Promise<AmendmentSetRow> {
  authorize(who, manageAnnex);
  const problems = setProblems(input.changes);
  if (problems.length > 0)
    throw invalidFields(
      problems.map((p) => ({
        field: `changes.${input.changes.findIndex((c) => c.number === p.number)}.number`,
        message: p.message,
      })),
    );
  await checkMeeting(tx, who, "meetingId", input.meetingId);
  await checkMeeting(tx, who, "updatesMeetingId", input.updatesMeetingId);
  if (input.proposalId) {
    const p = await proposalFor(tx, who, input.proposalId);
    if (!p) throw invalid("proposalId", `there is no proposal ${input.proposalId}`);
    if (p.state !== "adopted")
      throw invalid(
        "proposalId",
        `proposal ${p.id} was not adopted: an amendment set is decided by consensus`,
      );
  }
  const [dup] = await tx
    .select({ id: amendmentSets.id })
    .from(amendmentSets)
    .where(eq(amendmentSets.title, input.title));
  if (dup) throw conflict("annex.set_exists", `An amendment set is already called "${input.title}".`);
  const row = one(
    await tx
      .insert(amendmentSets)
      .values({
        space: REGIME_SPACE,
        title: input.title,
        meetingId: input.meetingId,
        adoptedOn: input.adoptedOn,
        updatesMeetingId: input.updatesMeetingId,
        note: input.note,
        proposalId: input.proposalId ?? null,
        createdBy: who.kind === "reader" ? who.reader.userId : null,
        createdAt: who.now,
      })
      .returning(),
  );
  await tx.insert(amendmentChanges).values(
    input.changes.map((c, i) => ({
      setId: row.id,
      ordinal: i + 1,
      op: c.op,
      number: c.number,
      before: c.before,
      after: c.after,
    })),
  );
  await appendAudit(tx, who.now, who.actor, {
    action: "annex.amendment_set.create",
    targetKind: "amendment_set",
    targetId: row.id,
    space: REGIME_SPACE,
    details: { title: row.title, adoptedOn: row.adoptedOn, changes: input.changes.length },
  });
  return row;
}
