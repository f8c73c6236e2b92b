import { eq, sql } from "drizzle-orm";
import { type Ladder, validateLadder } from "../../core/access/markings.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import { forgetUser } from "../../core/auth/reader-cache.js";
import type { Tx } from "../../core/db/index.js";
import { invalid, notFound } from "../../core/errors.js";
import { keepReferenceData } from "../policy.js";
import { governmentByCode } from "../repo.js";
import { governments, markingLadders, users } from "../schema.js";

/**
 * Gives a government its own marking ladder (lowest first). Users keep their clearance ranks, so a
 * ladder may not be shorter than the highest clearance any of its users holds.
 */
export async function setGovernmentLadder(
  tx: Tx,
  who: Acting,
  code: string,
  levels: { code: string; label: string }[],
): Promise<Ladder> {
  authorize(who, keepReferenceData);
  const gov = await governmentByCode(tx, code);
  if (!gov) throw notFound("government");
  const ladder: Ladder = { id: `gov-${gov.code.toLowerCase()}`, name: gov.name, levels };
  const problems = validateLadder(ladder);
  if (problems.length > 0) throw invalid("levels", problems.join("; "));
  const [max] = await tx
    .select({ r: sql<number | null>`max(${users.nationalClearance})` })
    .from(users)
    .where(eq(users.governmentCode, gov.code));
  if (max?.r !== null && max?.r !== undefined && max.r >= levels.length) {
    throw invalid(
      "levels",
      `${gov.name}'s users hold clearances up to rank ${max.r + 1}; give at least ${max.r + 1} markings`,
    );
  }
  await tx
    .insert(markingLadders)
    .values({ ...ladder, levels })
    .onConflictDoUpdate({ target: markingLadders.id, set: { name: ladder.name, levels } });
  await tx.update(governments).set({ ladderId: ladder.id }).where(eq(governments.code, gov.code));
  await appendAudit(tx, who.now, who.actor, {
    action: "directory.ladder_set",
    targetKind: "government",
    targetId: gov.code,
    space: gov.code,
    details: { levels },
  });
  for (const u of await tx.select({ id: users.id }).from(users).where(eq(users.governmentCode, gov.code)))
    forgetUser(u.id);
  return ladder;
}
