import { eq } from "drizzle-orm";
import { REGIME_SPACE } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { AppError, conflict, one } from "../../core/errors.js";
import type { NewVersion } from "../contract.js";
import { manageAnnex } from "../policy.js";
import type { VersionRow } from "../queries.js";
import { annexVersions } from "../schema.js";
import { ordered, treeProblems } from "../tree.js";
import { insertNodes } from "./entries.js";

/** Records a version of the Annex whole (the one amendments start from). */
export async function createVersion(tx: Tx, who: Acting, input: NewVersion): Promise<VersionRow> {
  authorize(who, manageAnnex);
  const problems = treeProblems(input.nodes);
  if (problems.length > 0)
    throw new AppError(
      "annex.tree_invalid",
      400,
      `The version's entries do not make one Annex: ${problems
        .slice(0, 5)
        .map((p) => p.message)
        .join("; ")}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ""}`,
      { problems },
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
  const row = one(
    await tx
      .insert(annexVersions)
      .values({
        space: REGIME_SPACE,
        label: input.label,
        asOf: input.asOf,
        createdBy: who.kind === "reader" ? who.reader.userId : null,
        createdAt: who.now,
      })
      .returning(),
  );
  await insertNodes(tx, row.id, ordered(input.nodes));
  await appendAudit(tx, who.now, who.actor, {
    action: "annex.version.create",
    targetKind: "annex_version",
    targetId: row.id,
    space: REGIME_SPACE,
    details: { label: row.label, asOf: row.asOf, entries: input.nodes.length },
  });
  return row;
}
