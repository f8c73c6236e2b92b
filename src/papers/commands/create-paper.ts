import { and, eq, ne } from "drizzle-orm";
import { bannerRank } from "../../core/access/markings.js";
import { authorize } from "../../core/access/rules.js";
import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, invalid, one } from "../../core/errors.js";
import { visibleMeeting } from "../../meetings/index.js";
import type { NewPaperInput } from "../contract.js";
import { mayWrite } from "../policy.js";
import type { PaperRow } from "../queries.js";
import {
  auditSpace,
  countryOfOriginProblem,
  dedupeKey,
  type PaperStatus,
  paperLabel,
  paperTarget,
} from "../rules.js";
import { papers, paperVersions } from "../schema.js";
import { answerDeadline } from "./answer-deadline.js";
import { markingCode, nextNumber, portionsOf, writePortions } from "./portions.js";

/** A meeting a paper may name: one the reader may see. */
export async function checkMeeting(tx: Tx, who: ReaderActing, meetingId: number): Promise<void> {
  if (!(await visibleMeeting(tx, who.reader, meetingId))) {
    throw invalid("meetingId", `no meeting has the id ${meetingId}; see GET /api/v1/meetings`);
  }
}

/**
 * A paper enters the register: submitted, under the next number; or as a draft of its government,
 * with no number until it is submitted (decision 0006).
 */
export async function createPaper(tx: Tx, who: ReaderActing, input: NewPaperInput): Promise<PaperRow> {
  authorize(who, mayWrite);
  const { reader, now } = who;
  const country = countryOfOriginProblem(input.kind, input.countryOfOrigin);
  if (country) throw invalid("countryOfOrigin", country);
  const portions = portionsOf(input);
  if (input.meetingId) await checkMeeting(tx, who, input.meetingId);
  const key = dedupeKey({
    government: reader.government.code,
    kind: input.kind,
    meetingId: input.meetingId ?? null,
    title: input.title.text,
  });
  const [dup] = await tx
    .select({ number: papers.number, government: papers.governmentCode })
    .from(papers)
    .where(and(eq(papers.dedupeKey, key), ne(papers.status, "withdrawn")));
  if (dup) {
    throw conflict(
      "paper.duplicate",
      dup.number === null
        ? "This paper is already one of your government's drafts: change that draft, or withdraw it first."
        : `This paper is already in the register as ${paperLabel(dup.number)}: change that paper, or withdraw it first.`,
    );
  }
  const number = input.submit ? await nextNumber(tx) : null;
  const status: PaperStatus = input.submit ? "submitted" : "draft";
  let paper = one(
    await tx
      .insert(papers)
      .values({
        number,
        kind: input.kind,
        governmentCode: reader.government.code,
        countryOfOrigin: input.countryOfOrigin ?? null,
        meetingId: input.meetingId ?? null,
        agendaItem: input.agendaItem ?? null,
        status,
        banner: bannerRank(portions.map((p) => p.rank)),
        titleRank: portions[0].rank,
        dedupeKey: key,
        version: 1,
        createdBy: reader.userId,
        createdAt: now,
        submittedAt: input.submit ? now : null,
        statusChangedBy: reader.userId,
        statusChangedAt: now,
      })
      .returning(),
  );
  await writePortions(tx, paper.id, portions);
  await tx.insert(paperVersions).values({
    paperId: paper.id,
    version: 1,
    note: null,
    portions: JSON.stringify(portions),
    createdBy: reader.userId,
    createdAt: now,
  });
  if (input.submit) {
    const late = await answerDeadline(tx, who, paper);
    if (late.dueAt) {
      paper = one(await tx.update(papers).set(late).where(eq(papers.id, paper.id)).returning());
    }
  }
  await appendAudit(tx, now, who.actor, {
    action: input.submit ? "paper.submit" : "paper.create",
    targetKind: "paper",
    targetId: paperTarget(paper),
    space: auditSpace(paper),
    marking: markingCode(paper.banner),
    details: { kind: input.kind, lateSeconds: paper.lateSeconds },
  });
  return paper;
}
