import { eq, sql } from "drizzle-orm";
import { type Ladder, validateLadder } from "../core/access/markings.js";
import { type AuditActor, appendAudit } from "../core/audit/append.js";
import { forgetUser } from "../core/auth/reader-cache.js";
import type { Clock } from "../core/clock.js";
import type { Tx } from "../core/db/index.js";
import { invalid, notFound } from "../core/errors.js";
import { governmentByCode } from "./repo.js";
import { governments, markingLadders, users } from "./schema.js";

/** "U=UNCLASSIFIED, R=RESTRICTED, C=CONFIDENTIAL": lowest first. */
export function parseLevels(text: string): { code: string; label: string }[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const [code, ...rest] = pair.split("=");
      const label = rest.join("=").trim();
      return { code: (code ?? "").trim(), label: label || (code ?? "").trim() };
    });
}

/**
 * Gives a government its own marking ladder (lowest first). Users keep their clearance ranks, so a
 * ladder may not be shorter than the highest clearance any of its users holds.
 */
export async function setGovernmentLadder(
  tx: Tx,
  code: string,
  levels: { code: string; label: string }[],
  actor: AuditActor,
  clock: Clock,
): Promise<Ladder> {
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
  await appendAudit(tx, clock.now(), actor, {
    action: "directory.ladder_set",
    targetKind: "government",
    targetId: gov.code,
    details: { levels },
  });
  for (const u of await tx.select({ id: users.id }).from(users).where(eq(users.governmentCode, gov.code)))
    forgetUser(u.id);
  return ladder;
}
