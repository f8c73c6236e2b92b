/**
 * Reminders before each deadline, to the delegates of every Partner that has neither submitted
 * nor been waived. Each (deadline, user, lead time) is claimed by inserting its row before the
 * mail leaves, so a restart or a crash never sends it twice (a crash mid-send leaves the row
 * `sending`: at most once). Outbox mail is written in the claiming transaction itself.
 */
import { and, eq, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import { REGIME_SPACE } from "../core/access/reader.js";
import { appendAudit, SYSTEM_ACTOR } from "../core/audit/append.js";
import type { Db } from "../core/db/index.js";
import type { Deps } from "../core/http/env.js";
import { type Mail, type SmtpSender, smtpSender } from "../core/mail/mail.js";
import { keepInOutbox } from "../core/mail/outbox.js";
import { startPeriodic } from "../core/periodic.js";
import { dayOf, governments, standingOn, users } from "../directory/index.js";
import { DOCUMENT_LABELS } from "./profile.js";
import { computeDeadlines, type Deadline } from "./queries.js";
import { leadText, planReminder } from "./schedule.js";
import { deadlineRules, deadlineSubmissions, deadlineWaivers, meetings, reminders } from "./schema.js";
import { governmentTimeZone, instantText } from "./zones.js";

export const MAX_ATTEMPTS = 3;

export interface ReminderReport {
  sent: number;
  outboxed: number;
  skipped: number;
  failed: number;
}

interface Recipient {
  userId: number;
  email: string;
  displayName: string;
  governmentCode: string;
  governmentName: string;
}

export function reminderMail(d: Deadline, r: Recipient, leadMinutes: number, baseUrl: string): Mail {
  const zone = governmentTimeZone(r.governmentCode);
  const what = DOCUMENT_LABELS[d.rule.documentKind];
  const text = [
    `Dear ${r.displayName},`,
    "",
    `${what} for the ${d.meeting.title} are due in ${leadText(leadMinutes)}.`,
    "",
    d.rule.wording,
    "",
    `Due: ${instantText(d.dueAt, d.meeting.timeZone)} ${d.meeting.city} time (${d.meeting.timeZone})`,
    `     ${instantText(d.dueAt, zone)} your time (${zone})`,
    `     ${d.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `This deadline is ${d.rule.firm ? "firm" : "advisory"}; a late submission is accepted and marked late.`,
    "",
    `${baseUrl}/meetings/${d.meeting.id}#deadlines`,
    "",
    `You receive this as a member of the ${r.governmentName} delegation in Plenary.`,
  ].join("\n");
  return {
    to: r.email,
    subject: `Reminder: ${what} due ${d.dueDay} (${d.meeting.title})`,
    text,
  };
}

/** Deadlines whose reminders may be due: not passed, not of cancelled meetings. */
async function openDeadlines(db: Db, now: Date, longestLead: number): Promise<Deadline[]> {
  const rules = await db.select().from(deadlineRules).where(eq(deadlineRules.space, REGIME_SPACE));
  const rows = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.space, REGIME_SPACE), ne(meetings.status, "cancelled")));
  return computeDeadlines(rules, rows).filter(
    (d) => d.dueAt.getTime() > now.getTime() && d.dueAt.getTime() - longestLead * 60_000 <= now.getTime(),
  );
}

/** The delegates of Partners (on the day) with an address, less those whose government is done or waived. */
async function recipientsOf(db: Db, d: Deadline, now: Date): Promise<Recipient[]> {
  const rows = await db
    .select({ user: users, government: governments })
    .from(users)
    .innerJoin(governments, eq(governments.code, users.governmentCode))
    .where(and(isNull(users.disabledAt), isNotNull(users.email), sql`'delegate' = any(${users.roles})`));
  const done = new Set<string>();
  for (const w of await db
    .select({ g: deadlineWaivers.governmentCode })
    .from(deadlineWaivers)
    .where(and(eq(deadlineWaivers.ruleId, d.rule.id), eq(deadlineWaivers.meetingId, d.meeting.id))))
    done.add(w.g);
  for (const s of await db
    .select({ g: deadlineSubmissions.governmentCode })
    .from(deadlineSubmissions)
    .where(and(eq(deadlineSubmissions.ruleId, d.rule.id), eq(deadlineSubmissions.meetingId, d.meeting.id))))
    done.add(s.g);
  const day = dayOf(now);
  return rows.flatMap((r) =>
    // The query asked for users with an address; the check tells the compiler so.
    r.user.email !== null && standingOn(r.government, day) === "partner" && !done.has(r.government.code)
      ? [
          {
            userId: r.user.id,
            email: r.user.email,
            displayName: r.user.displayName,
            governmentCode: r.government.code,
            governmentName: r.government.name,
          },
        ]
      : [],
  );
}

/**
 * Claims one reminder: a new row, or a failed one with attempts left. Returns its id, or null
 * when another pass (or process) has it already.
 */
async function claim(
  db: Db,
  d: Deadline,
  userId: number,
  lead: number,
  now: Date,
  outbox: Mail | null,
): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [made] = await tx
      .insert(reminders)
      .values({
        ruleId: d.rule.id,
        meetingId: d.meeting.id,
        userId,
        leadMinutes: lead,
        dueAt: d.dueAt,
        status: outbox ? "sent" : "sending",
        transport: outbox ? "outbox" : "smtp",
        attempts: 1,
        claimedAt: now,
        sentAt: outbox ? now : null,
      })
      .onConflictDoNothing()
      .returning({ id: reminders.id });
    let id = made?.id ?? null;
    if (id === null && !outbox) {
      const [retry] = await tx
        .update(reminders)
        .set({ status: "sending", attempts: sql`${reminders.attempts} + 1`, claimedAt: now, error: null })
        .where(
          and(
            eq(reminders.ruleId, d.rule.id),
            eq(reminders.meetingId, d.meeting.id),
            eq(reminders.userId, userId),
            eq(reminders.leadMinutes, lead),
            eq(reminders.dueAt, d.dueAt),
            eq(reminders.status, "failed"),
            lt(reminders.attempts, MAX_ATTEMPTS),
          ),
        )
        .returning({ id: reminders.id });
      id = retry?.id ?? null;
    }
    if (id !== null && outbox) {
      await keepInOutbox(tx, [outbox], now, `reminder:${id}`);
    }
    if (id !== null)
      await appendAudit(tx, now, SYSTEM_ACTOR, {
        action: "reminder.claim",
        targetKind: "deadline",
        targetId: `${d.rule.id}-${d.meeting.id}`,
        space: REGIME_SPACE,
        details: { user: userId, leadMinutes: lead, transport: outbox ? "outbox" : "smtp" },
      });
    return id;
  });
}

async function skip(db: Db, d: Deadline, userId: number, lead: number, now: Date): Promise<boolean> {
  const rows = await db
    .insert(reminders)
    .values({
      ruleId: d.rule.id,
      meetingId: d.meeting.id,
      userId,
      leadMinutes: lead,
      dueAt: d.dueAt,
      status: "skipped",
      claimedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: reminders.id });
  return rows.length > 0;
}

/** One pass: sends what is due now. Safe to run from several processes at once. */
export async function runReminders(
  deps: Pick<Deps, "db" | "clock" | "config" | "log">,
  opts: { sender?: SmtpSender | null; baseUrl?: string } = {},
): Promise<ReminderReport> {
  const { db, clock, config, log } = deps;
  const now = clock.now();
  const leads = config.reminders.leadMinutes;
  const report: ReminderReport = { sent: 0, outboxed: 0, skipped: 0, failed: 0 };
  const deadlines = await openDeadlines(db, now, Math.max(...leads));
  if (deadlines.length === 0) return report;
  const ownSender =
    opts.sender === undefined && config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : null;
  const sender = opts.sender === undefined ? ownSender : opts.sender;
  const baseUrl = opts.baseUrl ?? config.publicUrl ?? `http://${config.host}:${config.port}`;
  try {
    for (const d of deadlines) {
      const plan = planReminder(d.dueAt, leads, now);
      if (plan.send === null) continue;
      for (const r of await recipientsOf(db, d, now)) {
        for (const lead of plan.skip) if (await skip(db, d, r.userId, lead, now)) report.skipped++;
        const mail = reminderMail(d, r, plan.send, baseUrl);
        const id = await claim(db, d, r.userId, plan.send, now, sender ? null : mail);
        if (id === null) continue;
        if (!sender) {
          report.outboxed++;
          continue;
        }
        try {
          await sender.send(mail);
          await db.update(reminders).set({ status: "sent", sentAt: clock.now() }).where(eq(reminders.id, id));
          report.sent++;
        } catch (e) {
          const message = (e as Error).message.slice(0, 500);
          await db.update(reminders).set({ status: "failed", error: message }).where(eq(reminders.id, id));
          log.warn({ err: e, reminder: id }, "reminder not sent");
          report.failed++;
        }
      }
    }
  } finally {
    ownSender?.close();
  }
  return report;
}

/**
 * Runs a pass now and then every `intervalSeconds`, one pass at a time, until stopped. Started by
 * `plenary serve`; `plenary reminders run` runs a single pass.
 */
export function startReminderJob(deps: Deps): { stop(): Promise<void> } {
  return startPeriodic(deps.log, "reminder", deps.config.reminders.intervalSeconds, async () => {
    const r = await runReminders(deps);
    if (r.sent + r.outboxed + r.failed > 0) deps.log.info(r, "reminders");
  });
}
