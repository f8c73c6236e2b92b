import { and, eq } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { AppError, conflict, invalid, notFound, one } from "../../core/errors.js";
import { applyAmendments, withBefore } from "../amend.js";
import type { ApplySet } from "../contract.js";
import { manageAnnex } from "../policy.js";
import { amendmentSetFor, changesOf, type VersionRow, versionFor, versionNodes } from "../queries.js";
import { amendmentChanges, amendmentSets, annexVersions } from "../schema.js";
import { insertNodes } from "./entries.js";

/**
 * Applies an amendment set to a version, making the next version. A set is applied once; a
 * change to an entry the version does not hold refuses the whole set, naming each such entry.
 */
export async function applyAmendmentSet(
  tx: Tx,
  who: Acting,
  setId: number,
  input: ApplySet,
): Promise<VersionRow> {
  // Lock the set, so two applications at once cannot both pass the check below.
  const set = await amendmentSetFor(tx, who, setId);
  if (!set) throw notFound("amendment set");
  authorize(who, manageAnnex);
  await tx
    .select({ id: amendmentSets.id })
    .from(amendmentSets)
    .where(eq(amendmentSets.id, setId))
    .for("update");
  const [made] = await tx.select().from(annexVersions).where(eq(annexVersions.amendmentSetId, setId));
  if (made)
    throw conflict("annex.set_applied", `${set.title} has already been applied: it made "${made.label}".`);
  const base = await versionFor(tx, who, input.versionId);
  if (!base) throw invalid("versionId", `there is no version ${input.versionId}`);
  if (input.asOf < base.asOf)
    throw invalid("asOf", `the next version cannot be as of a day before "${base.label}" (${base.asOf})`);
  if (input.asOf < set.adoptedOn)
    throw invalid(
      "asOf",
      `the next version cannot be as of a day before ${set.title} was adopted (${set.adoptedOn})`,
    );
  const [dup] = await tx
    .select({ id: annexVersions.id })
    .from(annexVersions)
    .where(eq(annexVersions.label, input.label));
  if (dup)
    throw conflict(
      "annex.version_exists",
      `A version is already called "${input.label}"; choose another name.`,
    );
  const nodes = await versionNodes(tx, base.id);
  const changes = await changesOf(tx, setId);
  const result = applyAmendments(nodes, changes);
  if (!result.ok)
    throw new AppError(
      "annex.amendment_refused",
      409,
      `${set.title} does not fit "${base.label}": ${result.problems.map((p) => p.message).join("; ")}.`,
      { problems: result.problems },
    );
  const row = one(
    await tx
      .insert(annexVersions)
      .values({
        space: REGIME_SPACE,
        label: input.label,
        asOf: input.asOf,
        basedOnId: base.id,
        amendmentSetId: setId,
        createdBy: who.kind === "reader" ? who.reader.userId : null,
        createdAt: who.now,
      })
      .returning(),
  );
  await insertNodes(tx, row.id, result.nodes);
  // The set now records each entry's text before, as the version it was applied to held it.
  for (const [i, c] of withBefore(nodes, changes).entries()) {
    if (changes[i]?.before || !c.before) continue;
    await tx
      .update(amendmentChanges)
      .set({ before: c.before })
      .where(and(eq(amendmentChanges.setId, setId), eq(amendmentChanges.number, c.number)));
  }
  await appendAudit(tx, who.now, who.actor, {
    action: "annex.amendment_set.apply",
    targetKind: "amendment_set",
    targetId: setId,
    space: REGIME_SPACE,
    details: { title: set.title, from: base.label, to: row.label, versionId: row.id },
  });
  return row;
}
