import { and, desc, eq } from "drizzle-orm";
import type { Ladder } from "../../core/access/markings.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, invalid, invalidFields, notFound, one } from "../../core/errors.js";
import { agendaItemsFor, meetingFor } from "../../meetings/index.js";
import { archivedTelegrams, rawTelegramBytes, readTelegram } from "../../telegram/index.js";
import type { GuidanceContent } from "../content.js";
import type { ContentInput, GuidanceUpdateInput, NewGuidanceInput } from "../contract.js";
import { guidanceFromTelegram, type Unplaced } from "../from-telegram.js";
import { linkAgenda } from "../link-agenda.js";
import { draftGuidance } from "../policy.js";
import { type GuidanceRow, guidanceFor, requestFor } from "../queries.js";
import { bannerRank, rankOfPortion } from "../rules.js";
import { guidance, guidanceVersions } from "../schema.js";
import { agendaProblems, checkReferences, clearanceOf, draftMarkingProblems, ladderOf } from "./check.js";

/** The space a new guidance belongs to: the government of the one drafting it. */
const spaceOf = (who: Acting, fallback: string | undefined): string => {
  if (who.kind === "reader") return who.reader.government.code;
  if (!fallback) throw new Error("the system drafts guidance only for a named government");
  return fallback;
};

/** A starting point: the addressing of the government's last guidance, with no items. */
export function blankContent(last: GuidanceContent | null): GuidanceContent {
  const p = (text: string) => ({ text, marking: "" });
  return {
    precedence: last?.precedence ?? { action: "PRIORITY", info: "ROUTINE" },
    from: last?.from ?? "SECSTATE WASHDC",
    station: last?.station ?? "STATE",
    to: last?.to ?? { name: "AMEMBASSY PARIS", precedence: "PRIORITY" },
    info: last?.info ?? [],
    attention: last?.attention ?? null,
    tags: last?.tags ?? [],
    subject: p("GUIDANCE FOR THE MEETING"),
    references: [],
    actionRequest: p("This is an action request. Please see paragraph 3."),
    purpose: p("Guidance for the meeting is provided in paragraph 3."),
    openingNote: null,
    representative: last?.representative ?? "EMBASSY REP",
    items: [],
    slug: last?.slug ?? "",
    closing: last?.closing ?? p("Please slug reporting for the office."),
  };
}

/** Checks a content to be saved as a draft, naming every problem at once. */
async function checkDraft(
  tx: Tx,
  who: Acting,
  space: string,
  meetingId: number,
  content: ContentInput,
  ladder: Ladder,
): Promise<void> {
  const problems = [
    ...draftMarkingProblems(ladder, content, clearanceOf(who, ladder)),
    ...(await agendaProblems(tx, meetingId, content)),
    ...(await checkReferences(tx, who, space, content, who.now.getUTCFullYear())).problems,
  ];
  // The fields are named as the request names them: inside `content`.
  if (problems.length) throw invalidFields(problems.map((p) => ({ ...p, field: `content.${p.field}` })));
}

const subjectRankOf = (ladder: Ladder, c: GuidanceContent) =>
  rankOfPortion(ladder, c.subject) ?? bannerRank(ladder, c);

/** A new draft, version 1, in the drafter's government's space. */
export async function createGuidance(
  tx: Tx,
  who: Acting,
  input: NewGuidanceInput,
  opts: { space?: string; content?: GuidanceContent } = {},
): Promise<GuidanceRow> {
  if (who.kind === "reader") authorize(who, draftGuidance);
  const space = spaceOf(who, opts.space);
  const meeting = await meetingFor(tx, who, input.meetingId);
  if (!meeting) throw invalid("meetingId", `no meeting has the id ${input.meetingId}`);
  if (input.answersRequestId && !(await requestFor(tx, who, input.answersRequestId)))
    throw invalid("answersRequestId", `no request for guidance has the id ${input.answersRequestId}`);
  const ladder = await ladderOf(tx, space);
  let content = opts.content ?? input.content ?? null;
  let unplaced: Unplaced[] = [];
  if (!content && input.fromTelegramId) {
    const [tg] = await tx
      .select()
      .from(archivedTelegrams)
      .where(and(eq(archivedTelegrams.id, input.fromTelegramId), eq(archivedTelegrams.space, space)));
    if (!tg) throw invalid("fromTelegramId", `no telegram ${input.fromTelegramId} is in your archive`);
    const ladder = await ladderOf(tx, space);
    if (tg.banner > clearanceOf(who, ladder))
      throw invalid(
        "fromTelegramId",
        `the telegram is marked ${tg.classification}, above your clearance: start from one you may read in full`,
      );
    const read = guidanceFromTelegram(readTelegram(rawTelegramBytes(tg)).model);
    content = linkAgenda(read.content, await agendaItemsFor(tx, who, meeting.id));
    unplaced = read.unplaced;
  }
  if (!content) {
    const [last] = await tx
      .select({ content: guidance.content })
      .from(guidance)
      .where(and(eq(guidance.space, space), eq(guidance.state, "released")))
      .orderBy(desc(guidance.releasedAt))
      .limit(1);
    content = blankContent(last?.content ?? null);
  }
  await checkDraft(tx, who, space, meeting.id, content, ladder);
  const now = who.now;
  const row = one(
    await tx
      .insert(guidance)
      .values({
        space,
        meetingId: meeting.id,
        state: "draft",
        content,
        banner: bannerRank(ladder, content),
        subjectRank: subjectRankOf(ladder, content),
        version: 1,
        answersRequestId: input.answersRequestId ?? null,
        unplaced,
        createdBy: who.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  await tx.insert(guidanceVersions).values({
    guidanceId: row.id,
    version: 1,
    content,
    banner: row.banner,
    savedBy: who.actor.userId,
    savedAt: now,
  });
  await appendAudit(tx, now, who.actor, {
    action: "guidance.create",
    targetKind: "guidance",
    targetId: String(row.id),
    space,
    details: {
      meetingId: meeting.id,
      version: 1,
      fromTelegramId: input.fromTelegramId ?? null,
      unplaced: unplaced.length,
    },
  });
  return row;
}

/**
 * Saves a new version. Only a draft or an approved guidance is edited; editing an approved one
 * takes its approval away (it must be approved again). A save over a newer version is refused.
 */
export async function updateGuidance(
  tx: Tx,
  who: Acting,
  id: number,
  input: GuidanceUpdateInput,
): Promise<GuidanceRow> {
  const row = await guidanceFor(tx, who, id, { lock: true });
  if (!row) throw notFound("guidance");
  if (who.kind === "reader") authorize(who, draftGuidance);
  if (row.state === "released")
    throw conflict(
      "guidance.wrong_state",
      "This guidance was released and is never edited: start a new guidance that follows it.",
    );
  if (input.version !== row.version)
    throw conflict(
      "guidance.stale_version",
      `You edited version ${input.version}, but version ${row.version} has been saved since: open it again and redo your change.`,
    );
  const ladder = await ladderOf(tx, row.space);
  await checkDraft(tx, who, row.space, row.meetingId, input.content, ladder);
  const version = row.version + 1;
  const now = who.now;
  const updated = one(
    await tx
      .update(guidance)
      .set({
        content: input.content,
        banner: bannerRank(ladder, input.content),
        subjectRank: subjectRankOf(ladder, input.content),
        version,
        state: "draft",
        approval: null,
        unplaced: [],
        updatedAt: now,
      })
      .where(eq(guidance.id, row.id))
      .returning(),
  );
  await tx.insert(guidanceVersions).values({
    guidanceId: row.id,
    version,
    content: input.content,
    banner: updated.banner,
    savedBy: who.actor.userId,
    savedAt: now,
  });
  await appendAudit(tx, now, who.actor, {
    action: "guidance.update",
    targetKind: "guidance",
    targetId: String(row.id),
    space: row.space,
    details: { version, approvalWithdrawn: row.state === "approved" },
  });
  return updated;
}
