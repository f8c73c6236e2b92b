import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import { endSession } from "../../core/auth/sessions.js";
import { fixedClock } from "../../core/clock.js";
import type { Tx } from "../../core/db/index.js";

/** Ends the reader's session: its cookie no longer signs anyone in. */
export async function signOut(tx: Tx, who: ReaderActing, sessionId: string): Promise<void> {
  await endSession(tx, sessionId, fixedClock(who.now));
  await appendAudit(tx, who.now, who.actor, {
    action: "session.sign_out",
    space: who.reader.government.code,
  });
}
