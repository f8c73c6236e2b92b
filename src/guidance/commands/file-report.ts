/**
 * A representative's report on a meeting: what was said and the outcome, item by item of the
 * guidance, and requests for guidance on what it did not cover. Filed as a telegram from the post
 * (FM the post TO the capital), REF A the guidance telegram, slugged for the office the guidance
 * named, numbered from the post's counter and filed in the government's archive.
 */
import { eq } from "drizzle-orm";
import { allowedMarkings, levelAt, rankOf } from "../../core/access/markings.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, type FieldProblem, invalidFields, notFound, one } from "../../core/errors.js";
import { users } from "../../directory/index.js";
import { meetingFor } from "../../meetings/index.js";
import { checkTelegram, fileTelegrams, prepareTelegram, readTelegram } from "../../telegram/index.js";
import type { Portion } from "../content.js";
import type { NewReportInput } from "../contract.js";
import { fileReport } from "../policy.js";
import { guidanceFor } from "../queries.js";
import { passingName, renderReport } from "../report-telegram.js";
import { classificationOf } from "../rules.js";
import { guidanceReports, guidanceRequests, type ReportItem } from "../schema.js";
import { itemLetter } from "../telegram.js";
import { clearanceOf, ladderOf } from "./check.js";
import { nextSerial } from "./workflow.js";

export async function fileMeetingReport(tx: Tx, who: Acting, input: NewReportInput) {
  authorize(who, fileReport);
  const g = await guidanceFor(tx, who, input.guidanceId, { lock: true });
  if (!g) throw notFound("guidance");
  if (g.state !== "released" || g.serial === null)
    throw conflict(
      "guidance.wrong_state",
      "This guidance has not been released: a report answers released guidance.",
    );
  const ladder = await ladderOf(tx, g.space);
  const clearance = clearanceOf(who, ladder);
  const problems: FieldProblem[] = [];
  const markOf = (field: string, p: Portion): number => {
    const code = p.marking.trim();
    const r = code ? rankOf(ladder, code) : null;
    if (!code)
      problems.push({
        field: `${field}.marking`,
        message: `mark it: give one of ${allowedMarkings(ladder)}`,
      });
    else if (r === null)
      problems.push({
        field: `${field}.marking`,
        message: `${code} is not a marking on the ${ladder.name} ladder: give one of ${allowedMarkings(ladder)}`,
      });
    else if (r > clearance)
      problems.push({
        field: `${field}.marking`,
        message: `${code} is above your clearance ${levelAt(ladder, clearance).code}`,
      });
    return r ?? 0;
  };
  markOf("summary", input.summary);
  const seen = new Set<number>();
  input.items.forEach((it, i) => {
    if (!g.content.items[it.index])
      problems.push({
        field: `items.${i}.index`,
        message: `the guidance has no item ${it.index} (it has ${g.content.items.length}: 0 to ${g.content.items.length - 1})`,
      });
    if (seen.has(it.index))
      problems.push({ field: `items.${i}.index`, message: `item ${itemLetter(it.index)} is reported twice` });
    seen.add(it.index);
    markOf(`items.${i}.said`, it.said);
    markOf(`items.${i}.outcome`, it.outcome);
  });
  const ranks = input.requests.map((q, i) => {
    if (q.index !== null && !g.content.items[q.index])
      problems.push({ field: `requests.${i}.index`, message: `the guidance has no item ${q.index}` });
    if (q.neededBy.getTime() <= who.now.getTime())
      problems.push({
        field: `requests.${i}.neededBy`,
        message: `${q.neededBy.toISOString()} has passed: give the time the guidance is needed by, after now`,
      });
    return markOf(`requests.${i}.question`, q.question);
  });
  if (input.items.length === 0 && input.requests.length === 0 && !input.summary.text.trim())
    problems.push({ field: "items", message: "report on at least one item" });
  if (problems.length) throw invalidFields(problems);

  const meeting = await meetingFor(tx, who, g.meetingId);
  const items: ReportItem[] = input.items.map((it) => ({
    index: it.index,
    agendaItemId: g.content.items[it.index]?.agendaItemId ?? null,
    said: it.said,
    outcome: it.outcome,
  }));
  const post = g.content.to.name;
  const station = passingName(post).split(/\s+/)[0] ?? "POST";
  const year = who.now.getUTCFullYear();
  const serial = await nextSerial(tx, g.space, station, year);
  const sentAt = new Date(Math.floor(who.now.getTime() / 60_000) * 60_000);
  const [filer] =
    who.actor.userId !== null
      ? await tx
          .select({ name: users.displayName, title: users.title })
          .from(users)
          .where(eq(users.id, who.actor.userId))
      : [];
  const subject: Portion = {
    text: `${(meeting?.title ?? "the meeting").toUpperCase()}: REPORT`,
    marking: levelAt(ladder, 0).code,
  };
  const reportInput = {
    precedence: { action: g.content.to.precedence, info: null },
    from: post,
    station,
    to: g.content.from,
    info: [],
    tags: g.content.tags,
    subject,
    guidanceRef: `${g.content.station} ${g.serial}`,
    references: [],
    slug: g.content.slug,
    summary: input.summary,
    items: items.map((it) => ({
      letter: itemLetter(it.index),
      heading: g.content.items[it.index]?.heading ?? { text: "", marking: "" },
      said: it.said,
      outcome: it.outcome,
    })),
    requests: input.requests.map((q) => ({ text: q.question, neededBy: q.neededBy.toISOString() })),
    classifiedBy: g.approval
      ? {
          name: filer?.name ?? who.actor.label,
          title: filer?.title?.split(",")[0] ?? "Delegate",
          reasons: g.approval.reasons,
        }
      : null,
    declassifyOn: g.approval?.declassifyOn ?? null,
    release: { sentAt: sentAt.toISOString(), year, serial },
  };
  const all = [
    subject,
    input.summary,
    ...reportInput.items.flatMap((i) => [i.heading, i.said, i.outcome]),
    ...input.requests.map((q) => q.question),
  ];
  if (classificationOf(ladder, all) === "UNCLASSIFIED") reportInput.classifiedBy = null;
  const text = renderReport(reportInput, ladder);
  const errors = checkTelegram(readTelegram(text).model).filter((f) => f.severity === "error");
  if (errors.length) throw invalidFields(errors.map((f) => ({ field: "telegram", message: f.message })));
  const prepared = prepareTelegram(
    `${station}-${year}-${serial}.txt`,
    Buffer.from(text, "utf8"),
    g.space,
    ladder,
    who.actor.label,
    who.now,
  );
  if ("skipped" in prepared) throw invalidFields([{ field: "telegram", message: prepared.skipped }]);
  const [outcome] = await fileTelegrams(tx, [prepared], g.space, who.actor, {
    now: () => who.now,
    description: "report",
  });
  const banner = Math.max(0, ...all.map((p) => rankOf(ladder, p.marking) ?? 0));
  const row = one(
    await tx
      .insert(guidanceReports)
      .values({
        space: g.space,
        guidanceId: g.id,
        summary: input.summary,
        items,
        banner,
        slug: g.content.slug,
        telegramId: outcome?.status === "imported" ? outcome.id : null,
        messageRef: prepared.row.messageRef ?? null,
        filedBy: who.actor.userId,
        filedAt: sentAt,
      })
      .returning(),
  );
  if (input.requests.length)
    await tx.insert(guidanceRequests).values(
      input.requests.map((q, i) => ({
        space: g.space,
        guidanceId: g.id,
        reportId: row.id,
        agendaItemId: q.index !== null ? (g.content.items[q.index]?.agendaItemId ?? null) : null,
        question: q.question.text,
        rank: ranks[i] ?? 0,
        neededBy: q.neededBy,
        slug: g.content.slug,
        askedBy: who.actor.userId,
        askedAt: sentAt,
      })),
    );
  await appendAudit(tx, who.now, who.actor, {
    action: "guidance.report",
    targetKind: "guidance_report",
    targetId: String(row.id),
    space: g.space,
    details: { guidanceId: g.id, messageRef: row.messageRef, requests: input.requests.length },
  });
  return row;
}
