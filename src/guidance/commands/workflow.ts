/**
 * The workflow of guidance after drafting: offices asked to clear it and their clearances, the
 * approval that gives the Classified By line and the declassification date, and the release that
 * numbers it from the station's counter, renders it as a telegram and files it in the archive.
 */
import { and, eq, sql } from "drizzle-orm";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, type FieldProblem, invalidFields, notFound, one } from "../../core/errors.js";
import {
  archivedTelegrams,
  checkTelegram,
  fileTelegrams,
  prepareTelegram,
  readTelegram,
} from "../../telegram/index.js";
import type { ApproveInput } from "../contract.js";
import { approveGuidance, draftGuidance, releaseGuidance } from "../policy.js";
import { type GuidanceRow, guidanceFor } from "../queries.js";
import { declassificationProblem, declassifyOn, markingProblems, orderOn, parseReasons } from "../rules.js";
import {
  guidance,
  guidanceClearances,
  guidanceRequests,
  messageCounters,
  type StoredApproval,
} from "../schema.js";
import { renderGuidance, serialText } from "../telegram.js";
import { agendaProblems, checkReferences, ladderOf } from "./check.js";

async function lockedGuidance(tx: Tx, who: Acting, id: number): Promise<GuidanceRow> {
  const row = await guidanceFor(tx, who, id, { lock: true });
  if (!row) throw notFound("guidance");
  return row;
}

const reference = (row: GuidanceRow) =>
  row.serial !== null ? `${row.content.station} ${serialText(row.serial)}` : "";

function mustBeDraft(row: GuidanceRow, doing: string): void {
  if (row.state === "released")
    throw conflict(
      "guidance.wrong_state",
      `This guidance was released as ${reference(row)}: it cannot be ${doing}.`,
    );
  if (row.state === "approved" && doing === "approved")
    throw conflict(
      "guidance.wrong_state",
      "This guidance is approved already: release it, or edit it to change it.",
    );
}

/** Asks an office to clear the draft (once per office). */
export async function requestClearance(
  tx: Tx,
  who: Acting,
  id: number,
  office: string,
): Promise<GuidanceRow> {
  const row = await lockedGuidance(tx, who, id);
  authorize(who, draftGuidance);
  mustBeDraft(row, "sent for clearance");
  const inserted = await tx
    .insert(guidanceClearances)
    .values({ guidanceId: row.id, office, requestedBy: who.actor.userId, requestedAt: who.now })
    .onConflictDoNothing()
    .returning({ id: guidanceClearances.id });
  if (inserted.length === 0)
    throw invalidFields([
      { field: "office", message: `${office} has been asked to clear this guidance already` },
    ]);
  await appendAudit(tx, who.now, who.actor, {
    action: "guidance.clearance_requested",
    targetKind: "guidance",
    targetId: String(row.id),
    space: row.space,
    details: { office },
  });
  return row;
}

/** Records an office's clearance of the current version (asked for or not). */
export async function recordClearance(
  tx: Tx,
  who: Acting,
  id: number,
  office: string,
  note: string | undefined,
): Promise<GuidanceRow> {
  const row = await lockedGuidance(tx, who, id);
  authorize(who, draftGuidance);
  mustBeDraft(row, "cleared");
  await tx
    .insert(guidanceClearances)
    .values({
      guidanceId: row.id,
      office,
      requestedBy: who.actor.userId,
      requestedAt: who.now,
      clearedBy: who.actor.userId,
      clearedAt: who.now,
      clearedVersion: row.version,
      note: note ?? null,
    })
    .onConflictDoUpdate({
      target: [guidanceClearances.guidanceId, guidanceClearances.office],
      set: {
        clearedBy: who.actor.userId,
        clearedAt: who.now,
        clearedVersion: row.version,
        note: note ?? null,
      },
    });
  await appendAudit(tx, who.now, who.actor, {
    action: "guidance.cleared",
    targetKind: "guidance",
    targetId: String(row.id),
    space: row.space,
    details: { office, version: row.version },
  });
  return row;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Approves the current version. Refused, naming each problem, when a portion is unmarked or above
 * the approver's clearance, an office asked to clear has not cleared this version, an item links
 * to another meeting's agenda item, a reference does not check, the reasons or the
 * declassification date are not what the order allows, or the rendered telegram has an error.
 */
export async function approve(tx: Tx, who: Acting, id: number, input: ApproveInput): Promise<GuidanceRow> {
  const row = await lockedGuidance(tx, who, id);
  authorize(who, approveGuidance);
  mustBeDraft(row, "approved");
  const ladder = await ladderOf(tx, row.space);
  const clearance = who.kind === "reader" ? who.reader.nationalClearance : null;
  const c = row.content;
  const problems: FieldProblem[] = [
    ...markingProblems(ladder, c, clearance),
    ...(await agendaProblems(tx, row.meetingId, c)),
    ...(await checkReferences(tx, who, row.space, c, who.now.getUTCFullYear())).problems,
  ];
  for (const cl of await tx
    .select()
    .from(guidanceClearances)
    .where(eq(guidanceClearances.guidanceId, row.id)))
    if (cl.clearedVersion !== row.version)
      problems.push({
        field: "clearances",
        message: cl.clearedAt
          ? `${cl.office} cleared version ${cl.clearedVersion}, not this version ${row.version}: ask it to clear again`
          : `${cl.office} has not cleared this guidance yet`,
      });
  c.items.forEach((item, i) => {
    item.blocks.forEach((b, j) => {
      if (b.points.length === 0)
        problems.push({
          field: `items.${i}.blocks.${j}.points`,
          message: `block ${j + 1} of item ${i + 1} has no points: write one, or remove the block`,
        });
    });
  });
  const reasons = parseReasons(input.reasons);
  if (!reasons)
    problems.push({
      field: "reasons",
      message: `"${input.reasons}" is not a reason the order gives: write the section and letters, e.g. "1.4 (B), (D)"`,
    });
  const approvedOn = dayOf(who.now);
  const order = orderOn(approvedOn);
  const decl = declassifyOn({ years: input.years, from: input.from });
  const declProblem = declassificationProblem(order, approvedOn, decl);
  if (declProblem) problems.push({ field: "years", message: declProblem.message });
  const name = who.kind === "reader" ? who.reader.displayName : who.actor.label;
  const approval: StoredApproval = {
    name,
    title: input.title,
    reasons: reasons ?? { section: "1.4", letters: [] },
    order,
    declassifyOn: decl,
    userId: who.actor.userId ?? 0,
    at: who.now.toISOString(),
    rule: { years: input.years, from: input.from },
  };
  if (problems.length === 0) {
    const text = renderGuidance(c, ladder, approval, {
      sentAt: who.now.toISOString(),
      year: who.now.getUTCFullYear(),
      serial: 1,
    });
    for (const f of checkTelegram(readTelegram(text).model))
      if (f.severity === "error") problems.push({ field: "telegram", message: f.message });
  }
  if (problems.length)
    throw invalidFields(
      problems,
      `The guidance cannot be approved: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`,
    );
  const updated = one(
    await tx
      .update(guidance)
      .set({ state: "approved", approval, updatedAt: who.now })
      .where(eq(guidance.id, row.id))
      .returning(),
  );
  await appendAudit(tx, who.now, who.actor, {
    action: "guidance.approve",
    targetKind: "guidance",
    targetId: String(row.id),
    space: row.space,
    details: { version: row.version, declassifyOn: decl, order },
  });
  return updated;
}

/** The next number of a station's counter for a year, the row locked until the transaction ends. */
export async function nextSerial(tx: Tx, space: string, station: string, year: number): Promise<number> {
  const rows = await tx
    .insert(messageCounters)
    .values({ space, station, year, last: 1 })
    .onConflictDoUpdate({
      target: [messageCounters.space, messageCounters.station, messageCounters.year],
      set: { last: sql`${messageCounters.last} + 1` },
    })
    .returning({ last: messageCounters.last });
  return one(rows, "counter").last;
}

/**
 * Releases approved guidance, once: the station's next number, the date-time group from the
 * clock, the telegram rendered, checked and filed in the government's archive. A telegram the
 * archive already holds under the same message reference (a copy filed before) is not filed twice.
 */
export async function release(tx: Tx, who: Acting, id: number): Promise<GuidanceRow> {
  const row = await lockedGuidance(tx, who, id);
  authorize(who, releaseGuidance);
  if (row.state === "released")
    throw conflict(
      "guidance.wrong_state",
      `This guidance was released already, as ${reference(row)}: it is released once.`,
    );
  if (row.state !== "approved" || !row.approval)
    throw conflict(
      "guidance.wrong_state",
      "This guidance is a draft: it must be approved before it is released.",
    );
  const ladder = await ladderOf(tx, row.space);
  const year = who.now.getUTCFullYear();
  const serial = await nextSerial(tx, row.space, row.content.station, year);
  const sentAt = new Date(Math.floor(who.now.getTime() / 60_000) * 60_000);
  const text = renderGuidance(row.content, ladder, row.approval, {
    sentAt: sentAt.toISOString(),
    year,
    serial,
  });
  const errors = checkTelegram(readTelegram(text).model).filter((f) => f.severity === "error");
  if (errors.length) throw invalidFields(errors.map((f) => ({ field: "telegram", message: f.message })));
  const messageRef = `${String(year % 100).padStart(2, "0")}${row.content.station}${serial}`;
  const [held] = await tx
    .select({ id: archivedTelegrams.id })
    .from(archivedTelegrams)
    .where(and(eq(archivedTelegrams.space, row.space), eq(archivedTelegrams.messageRef, messageRef)));
  let telegramId = held?.id ?? null;
  if (telegramId === null) {
    const prepared = prepareTelegram(
      `${row.content.station}-${year}-${serialText(serial)}.txt`,
      Buffer.from(text, "utf8"),
      row.space,
      ladder,
      who.actor.label,
      who.now,
    );
    if ("skipped" in prepared) throw invalidFields([{ field: "telegram", message: prepared.skipped }]);
    const [outcome] = await fileTelegrams(tx, [prepared], row.space, who.actor, {
      now: () => who.now,
      description: "release",
    });
    if (outcome?.status === "imported") telegramId = outcome.id;
  }
  const updated = one(
    await tx
      .update(guidance)
      .set({
        state: "released",
        releasedAt: sentAt,
        releasedBy: who.actor.userId,
        serial,
        messageRef,
        telegramId,
        telegramText: text,
        updatedAt: who.now,
      })
      .where(eq(guidance.id, row.id))
      .returning(),
  );
  if (row.answersRequestId)
    await tx
      .update(guidanceRequests)
      .set({ answerGuidanceId: row.id, answeredAt: sentAt })
      .where(and(eq(guidanceRequests.id, row.answersRequestId), eq(guidanceRequests.space, row.space)));
  await appendAudit(tx, who.now, who.actor, {
    action: "guidance.release",
    targetKind: "guidance",
    targetId: String(row.id),
    space: row.space,
    details: { messageRef, serial, telegramId, filed: held === undefined },
  });
  return updated;
}
