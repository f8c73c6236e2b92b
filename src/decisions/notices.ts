/**
 * Every Partner's people are told when a proposal is put to a decision and when it closes, each
 * once. A notice is claimed by setting its column in the transaction that reads it (rows locked,
 * others skipped), so two runners or a restart never tell twice. Without SMTP the mail goes into
 * the outbox in that transaction; with SMTP it is sent after it commits (at most once). The mail
 * names the proposal but not its title, which may be marked.
 */
import { and, eq, isNotNull, isNull, or } from "drizzle-orm";
import type { Deps } from "../core/http/env.js";
import type { Mail } from "../core/mail/mail.js";
import { keepInOutbox } from "../core/mail/outbox.js";
import { governments, standingOn, users } from "../directory/index.js";
import { instantText, PROFILE } from "../meetings/index.js";
import { sendAfterCommit } from "../papers/index.js";
import type { ProposalRow } from "./queries.js";
import { STATE_LABELS } from "./rules.js";
import { proposals } from "./schema.js";

export function noticeText(
  row: ProposalRow,
  kind: "open" | "close",
  base: string,
): { subject: string; text: string } {
  const zone = PROFILE.pointOfContactTimeZone;
  const link = `${base}/decisions/${row.id}`;
  if (kind === "open") {
    if (row.procedure === "silence" && row.silenceDeadline)
      return {
        subject: `Silence procedure: proposal ${row.id}, until ${row.silenceDeadline.toISOString().slice(0, 10)}`,
        text: `A proposal by ${row.proposer} is under silence procedure until ${instantText(row.silenceDeadline, zone)} Paris time (${row.silenceDeadline.toISOString().slice(0, 16).replace("T", " ")} UTC).\n\nIt is adopted then unless a Partner breaks silence. Your delegation states your government's position at\n${link}\n`,
      };
    return {
      subject: `Proposal ${row.id} put to a decision`,
      text: `A proposal by ${row.proposer} is put to a decision at a meeting.\n\nYour delegation states your government's position at\n${link}\n`,
    };
  }
  const record = row.recordPaper
    ? `\nThe record of decision is POC DOC ${row.recordPaper}: ${base}/papers/${row.recordPaper}\n`
    : "";
  return {
    subject: `Proposal ${row.id}: ${STATE_LABELS[row.state].toLowerCase()}`,
    text: `The proposal by ${row.proposer} is ${STATE_LABELS[row.state].toLowerCase()}${row.closedAt ? ` (${instantText(row.closedAt, zone)} Paris time)` : ""}.\n${record}\nRead it at ${link}\n`,
  };
}

/** Delivers the notices due; returns how many mails were written or sent. */
export async function deliverDecisionNotices(deps: Deps): Promise<number> {
  const base = deps.config.publicUrl ?? `http://${deps.config.host}:${deps.config.port}`;
  const now = deps.clock.now();
  const day = now.toISOString().slice(0, 10);
  const mails = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(proposals)
      .where(
        or(
          and(isNotNull(proposals.openedAt), isNull(proposals.openNoticeAt)),
          and(isNotNull(proposals.closedAt), isNull(proposals.closeNoticeAt)),
        ),
      )
      .orderBy(proposals.id)
      .limit(50)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const people = await tx
      .select({ email: users.email, gov: governments })
      .from(users)
      .innerJoin(governments, eq(governments.code, users.governmentCode))
      .where(and(isNotNull(users.email), isNull(users.disabledAt)));
    const to = people.flatMap((r) =>
      r.email !== null && standingOn(r.gov, day) === "partner" ? [r.email] : [],
    );
    const out: Mail[] = [];
    for (const row of due) {
      const kinds: ("open" | "close")[] = [];
      if (row.openedAt && !row.openNoticeAt) kinds.push("open");
      if (row.closedAt && !row.closeNoticeAt) kinds.push("close");
      const written = kinds.flatMap((k) =>
        to.map((address) => ({ to: address, ...noticeText(row, k, base) })),
      );
      await tx
        .update(proposals)
        .set({
          openNoticeAt: row.openNoticeAt ?? (kinds.includes("open") ? now : null),
          closeNoticeAt: row.closeNoticeAt ?? (kinds.includes("close") ? now : null),
        })
        .where(eq(proposals.id, row.id));
      if (!deps.config.smtpUrl) await keepInOutbox(tx, written, now, `decision:${row.id}`);
      else out.push(...written);
    }
    return out;
  });
  await sendAfterCommit(deps, mails);
  return mails.length;
}
