import { eq } from "drizzle-orm";
import { GENERIC_LADDER } from "../../core/access/markings.js";
import type { GovernmentStatus } from "../../core/access/reader.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, invalid, one } from "../../core/errors.js";
import { keepReferenceData } from "../policy.js";
import { type GovernmentRow, governmentByCode } from "../repo.js";
import { governments, markingLadders } from "../schema.js";

export interface NewGovernment {
  code: string;
  name: string;
  status: GovernmentStatus;
  admittedOn?: string | null;
  ladderId?: string;
  pointOfContact?: boolean;
}

/**
 * Adds a government to the directory. The reference data brings the real ones; this is for the
 * system (and the tests' factories): no reader adds a government.
 */
export async function createGovernment(tx: Tx, who: Acting, input: NewGovernment): Promise<GovernmentRow> {
  authorize(who, keepReferenceData);
  const code = input.code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw invalid("code", "a two-letter code such as NL");
  if (await governmentByCode(tx, code))
    throw conflict("government.exists", `A government has the code ${code}.`);
  const ladderId = input.ladderId ?? GENERIC_LADDER.id;
  const [ladder] = await tx
    .select({ id: markingLadders.id })
    .from(markingLadders)
    .where(eq(markingLadders.id, ladderId));
  if (!ladder) throw invalid("ladderId", `no marking ladder ${ladderId}`);
  const rows = await tx
    .insert(governments)
    .values({
      code,
      name: input.name,
      status: input.status,
      admittedOn: input.admittedOn ?? null,
      admittedYear: input.admittedOn ? Number(input.admittedOn.slice(0, 4)) : null,
      ladderId,
      pointOfContact: input.pointOfContact ?? false,
    })
    .returning();
  await appendAudit(tx, who.now, who.actor, {
    action: "directory.government_add",
    targetKind: "government",
    targetId: code,
    space: code,
    details: { status: input.status },
  });
  return one(rows, "government");
}
