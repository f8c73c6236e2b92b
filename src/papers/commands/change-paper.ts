import { eq } from "drizzle-orm";
import { authorize } from "../../core/access/rules.js";
import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { AppError, conflict, invalid, one } from "../../core/errors.js";
import type { PaperChangeInput } from "../contract.js";
import { mayChange, mayWithdraw } from "../policy.js";
import { type PaperRow, paperByNumber } from "../queries.js";
import {
  auditSpace,
  countryOfOriginProblem,
  dedupeKey,
  type PaperRef,
  paperLabel,
  paperTarget,
  transitionProblem,
} from "../rules.js";
import { papers, paperVersions } from "../schema.js";
import { answerDeadline } from "./answer-deadline.js";
import { checkMeeting } from "./create-paper.js";
import {
  currentBanner,
  markingCode,
  nextNumber,
  type PortionDraft,
  portionsOf,
  versionPortions,
  writePortions,
} from "./portions.js";

type PaperSet = Partial<typeof papers.$inferInsert>;

/** The new version's portions: what the change gives, the current version's for the rest. */
async function changedPortions(tx: Tx, paper: PaperRow, change: PaperChangeInput) {
  const current = JSON.parse((await versionPortions(tx, paper.id, paper.version)) ?? "[]") as PortionDraft[];
  const toInput = (p: PortionDraft | undefined) => ({
    text: p?.body ?? "",
    marking: markingCode(p?.rank ?? 0),
  });
  return portionsOf({
    title: change.title ?? toInput(current.find((p) => p.part === "title")),
    summary: change.summary ?? toInput(current.find((p) => p.part === "summary")),
    sections:
      change.sections ??
      current.filter((p) => p.part === "section").map((p) => ({ heading: p.heading, ...toInput(p) })),
  });
}

/**
 * A change to a paper: its content as a new version, its country of origin, meeting or agenda
 * item, or its status (a draft submitted, a paper withdrawn). Only its own government changes
 * it; the Point of Contact may withdraw it.
 */
export async function changePaper(
  tx: Tx,
  who: ReaderActing,
  ref: number | PaperRef,
  change: PaperChangeInput,
): Promise<PaperRow> {
  const { reader, now } = who;
  const paper = await paperByNumber(tx, reader, ref, { forUpdate: true });
  const label = paperLabel(paper.number);
  authorize(who, change.status === "withdrawn" ? mayWithdraw : mayChange, paper);
  if (paper.status === "withdrawn")
    throw conflict("paper.withdrawn", `${label} is withdrawn and cannot change.`);
  const set: PaperSet = {};
  if (change.title !== undefined || change.summary !== undefined || change.sections !== undefined) {
    const portions = await changedPortions(tx, paper, change);
    await writePortions(tx, paper.id, portions);
    set.version = paper.version + 1;
    set.titleRank = portions[0].rank;
    set.dedupeKey = dedupeKey({
      government: paper.governmentCode,
      kind: paper.kind,
      meetingId: change.meetingId === undefined ? paper.meetingId : change.meetingId,
      title: portions[0].body,
    });
    await tx.insert(paperVersions).values({
      paperId: paper.id,
      version: paper.version + 1,
      note: change.note ?? null,
      portions: JSON.stringify(portions),
      createdBy: reader.userId,
      createdAt: now,
    });
  }
  if (change.countryOfOrigin !== undefined) {
    const country = countryOfOriginProblem(paper.kind, change.countryOfOrigin);
    if (country) throw invalid("countryOfOrigin", country);
    set.countryOfOrigin = change.countryOfOrigin;
  }
  if (change.meetingId !== undefined) {
    if (change.meetingId !== null) await checkMeeting(tx, who, change.meetingId);
    set.meetingId = change.meetingId;
  }
  if (change.agendaItem !== undefined) set.agendaItem = change.agendaItem;
  if (change.status) {
    const problem = transitionProblem(paper.status, change.status);
    if (problem) throw new AppError("paper.status", 409, `${label}: ${problem}.`);
    set.status = change.status;
    set.statusChangedAt = now;
    set.statusChangedBy = reader.userId;
    if (change.status === "withdrawn") {
      set.withdrawnAt = now;
      set.withdrawnReason = change.reason ?? null;
    }
    if (change.status === "submitted") {
      // The Point of Contact receives it: a draft takes the register's next number now.
      if (paper.number === null) set.number = await nextNumber(tx);
      set.submittedAt = now;
      Object.assign(set, await answerDeadline(tx, who, { ...paper, ...set }));
    }
  }
  if (Object.keys(set).length === 0) return paper;
  await tx.update(papers).set(set).where(eq(papers.id, paper.id));
  const banner = await currentBanner(tx, paper.id);
  const row = one(await tx.update(papers).set({ banner }).where(eq(papers.id, paper.id)).returning());
  await appendAudit(tx, now, who.actor, {
    action:
      change.status === "withdrawn"
        ? "paper.withdraw"
        : change.status === "submitted"
          ? "paper.submit"
          : "paper.update",
    targetKind: "paper",
    targetId: paperTarget(row),
    space: auditSpace(row),
    marking: markingCode(banner),
    details: { version: row.version, ...(change.reason ? { reason: change.reason } : {}) },
  });
  return row;
}
