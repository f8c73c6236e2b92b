import { eq } from "drizzle-orm";
import { authorize } from "../../core/access/rules.js";
import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, one } from "../../core/errors.js";
import { mayCirculate } from "../policy.js";
import { type PaperRow, paperByNumber } from "../queries.js";
import { type PaperRef, paperLabel } from "../rules.js";
import { papers } from "../schema.js";
import { markingCode, nextNumber } from "./portions.js";

/**
 * Circulation by the Point of Contact: recorded once, never undone. The Point of Contact's own
 * draft is received as it is circulated, and takes its number then.
 */
export async function circulatePaper(tx: Tx, who: ReaderActing, ref: number | PaperRef): Promise<PaperRow> {
  const { reader, now } = who;
  const paper = await paperByNumber(tx, reader, ref, { forUpdate: true });
  const label = paperLabel(paper.number);
  authorize(who, mayCirculate);
  if (paper.circulatedAt) {
    throw conflict(
      "paper.already_circulated",
      `${label} was circulated on ${paper.circulatedAt.toISOString().slice(0, 10)}; circulate a new version by changing it.`,
    );
  }
  if (paper.status === "draft" && paper.governmentCode !== reader.government.code) {
    throw conflict("paper.not_submitted", `${label} is still a draft of its government.`);
  }
  if (paper.status === "withdrawn") throw conflict("paper.withdrawn", `${label} is withdrawn.`);
  const row = one(
    await tx
      .update(papers)
      .set({
        number: paper.number ?? (await nextNumber(tx)),
        status: "circulated",
        circulatedAt: now,
        circulatedBy: reader.userId,
        statusChangedAt: now,
        statusChangedBy: reader.userId,
        submittedAt: paper.submittedAt ?? now,
      })
      .where(eq(papers.id, paper.id))
      .returning(),
  );
  await appendAudit(tx, now, who.actor, {
    action: "paper.circulate",
    targetKind: "paper",
    targetId: row.number ?? undefined,
    space: "regime",
    marking: markingCode(paper.banner),
  });
  return row;
}

/**
 * A call for papers is circulated as it opens. Opened by the Point of Contact, that is its
 * circulation; opened by a chair (who circulates no other paper), the call's own paper is recorded
 * as circulated by them, and the opening of the call is its audit entry. Whoever may open the call
 * has been asked by the caller.
 */
export async function circulateOpenedCall(tx: Tx, who: ReaderActing, paper: PaperRow): Promise<void> {
  if (paper.kind !== "call_for_papers")
    throw new Error(`${paperLabel(paper.number)} is not a call for papers`);
  if (mayCirculate.allows(who.reader)) {
    await circulatePaper(tx, who, { id: paper.id });
    return;
  }
  await tx
    .update(papers)
    .set({ status: "circulated", circulatedAt: who.now, circulatedBy: who.reader.userId })
    .where(eq(papers.id, paper.id));
}
