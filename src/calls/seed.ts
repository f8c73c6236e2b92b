import { eq } from "drizzle-orm";
import { actingAsSystem } from "../core/acting.js";
import { appendAudit } from "../core/audit/append.js";
import type { Clock } from "../core/clock.js";
import type { Db } from "../core/db/index.js";
import { one } from "../core/errors.js";
import { paperFor } from "../papers/index.js";
import { contributions, paperCalls } from "./schema.js";

/** The LEEM call the seed telegram names (POC DOC 89): it closes with the IE papers' deadline. */
const LEEM_CALL = { paper: 89, closesAt: "2008-10-05T13:00:00Z" };

/** What a Partner had volunteered for it by 2 July 2008: proposed to the chair, not yet decided. */
const CONTRIBUTION = {
  governmentCode: "US",
  kind: "presentation" as const,
  title: "Controls on intangible transfers of technology",
  countryOfOrigin: "United States",
  summary:
    "Licensing and enforcement practice for transfers of technology by electronic means and in person.",
  proposedAt: "2008-06-24T14:00:00Z",
};

/** The scenario's call for papers, on the register's POC DOC 89, and its one contribution. Idempotent. */
export async function seedCalls(db: Db, clock: Clock): Promise<void> {
  const system = actingAsSystem(clock.now());
  await db.transaction(async (tx) => {
    const paper = await paperFor(tx, system, LEEM_CALL.paper).catch(() => null);
    if (!paper || paper.meetingId === null) return;
    const [exists] = await tx
      .select({ id: paperCalls.id })
      .from(paperCalls)
      .where(eq(paperCalls.paperId, paper.id));
    if (exists) return;
    const closesAt = new Date(LEEM_CALL.closesAt);
    const call = one(
      await tx
        .insert(paperCalls)
        .values({ paperId: paper.id, meetingId: paper.meetingId, closesAt, openedBy: paper.createdBy })
        .returning(),
    );
    await tx.insert(contributions).values({
      callId: call.id,
      governmentCode: CONTRIBUTION.governmentCode,
      kind: CONTRIBUTION.kind,
      title: CONTRIBUTION.title,
      countryOfOrigin: CONTRIBUTION.countryOfOrigin,
      summary: CONTRIBUTION.summary,
      state: "proposed",
      proposedAt: new Date(CONTRIBUTION.proposedAt),
      lateSeconds: 0,
    });
    await appendAudit(tx, system.now, system.actor, {
      action: "call.seed",
      targetKind: "call",
      targetId: call.id,
      space: "regime",
      details: { paper: LEEM_CALL.paper },
    });
  });
}
