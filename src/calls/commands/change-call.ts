import { eq } from "drizzle-orm";
import { authorize } from "../../core/access/rules.js";
import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, one } from "../../core/errors.js";
import { localDay, startOfDay } from "../../meetings/index.js";
import type { CallChangeInput } from "../contract.js";
import { mayRunCall } from "../policy.js";
import { visibleCall } from "../queries.js";
import { paperCalls } from "../schema.js";

/**
 * Moves an open call's closing day (its title and summary are its paper's, changed there).
 * Contributions already made keep the lateness they were recorded with.
 */
export async function changeCall(tx: Tx, who: ReaderActing, id: number, input: CallChangeInput) {
  await tx.select({ id: paperCalls.id }).from(paperCalls).where(eq(paperCalls.id, id)).for("update");
  const v = await visibleCall(tx, who.reader, id);
  authorize(who, mayRunCall);
  if (v.call.agendaPaperId)
    throw conflict(
      "call.agenda_issued",
      `The draft agenda of this call is issued: the call is over and cannot change.`,
    );
  // The day it already closes on (on the meeting's wall) leaves it as it is: a call that closes
  // at a deadline's instant keeps that instant. Another day closes it as that day begins there.
  if (localDay(v.call.closesAt, v.timeZone) === input.closesOn) return v.call;
  const closesAt = startOfDay(input.closesOn, v.timeZone);
  const row = one(await tx.update(paperCalls).set({ closesAt }).where(eq(paperCalls.id, id)).returning());
  await appendAudit(tx, who.now, who.actor, {
    action: "call.change",
    targetKind: "call",
    targetId: id,
    space: "regime",
    details: { from: v.call.closesAt.toISOString(), closesAt: closesAt.toISOString() },
  });
  return row;
}
