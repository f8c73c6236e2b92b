import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Tx } from "../core/db/index.js";
import type { Deps } from "../core/http/env.js";
import { type Mail, smtpSender } from "../core/mail/mail.js";
import { keepInOutbox } from "../core/mail/outbox.js";
import { governments, standingOn, users } from "../directory/index.js";
import type { PaperRow } from "./queries.js";
import { PAPER_KIND_LABELS, paperLabel, paperRef } from "./rules.js";

/**
 * Tells every Partner's people that a paper was circulated. Without SMTP the mail goes into the
 * outbox in the circulating transaction; with SMTP it is returned, to be sent once that
 * transaction has committed (so a rolled-back circulation tells nobody). The mail names the paper
 * but not its title, which may be marked.
 */
export async function notifyCirculation(tx: Tx, deps: Deps, paper: PaperRow): Promise<Mail[]> {
  const day = deps.clock.now().toISOString().slice(0, 10);
  const rows = await tx
    .select({ email: users.email, gov: governments })
    .from(users)
    .innerJoin(governments, eq(governments.code, users.governmentCode))
    .where(and(isNotNull(users.email), isNull(users.disabledAt)));
  const base = deps.config.publicUrl ?? `http://${deps.config.host}:${deps.config.port}`;
  const mails: Mail[] = rows
    .flatMap((r) => (r.email !== null && standingOn(r.gov, day) === "partner" ? [r.email] : []))
    .map((to) => ({
      to,
      subject: `${paperLabel(paper.number)} circulated`,
      text: `The Point of Contact has circulated ${paperLabel(paper.number)} (${PAPER_KIND_LABELS[paper.kind]}, from ${paper.governmentCode}).\n\nRead it at ${base}/papers/${paperRef(paper)}\n`,
    }));
  if (!deps.config.smtpUrl) {
    const now = deps.clock.now();
    await keepInOutbox(tx, mails, now, `paper:${paperRef(paper)}`);
    return [];
  }
  return mails;
}

/** Sends mail after the transaction that decided it has committed; a failure is logged, not thrown. */
export async function sendAfterCommit(deps: Deps, mails: Mail[]): Promise<void> {
  if (mails.length === 0 || !deps.config.smtpUrl) return;
  const sender = smtpSender(deps.config.smtpUrl, deps.config.mailFrom);
  try {
    for (const m of mails) {
      try {
        await sender.send(m);
      } catch (err) {
        deps.log.error({ err, to: m.to }, "circulation notice not sent");
      }
    }
  } finally {
    sender.close();
  }
}
