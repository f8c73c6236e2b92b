import { createHash } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import { allowedMarkings, bannerRank, levelAt, REGIME_LADDER, rankOf } from "../core/access/markings.js";
import { hasRole, type Reader } from "../core/access/reader.js";
import { actingAs } from "../core/acting.js";
import { type AuditActor, appendAudit } from "../core/audit/append.js";
import type { Clock } from "../core/clock.js";
import type { Queryable, Tx } from "../core/db/index.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../core/errors.js";
import { submitAgainstDeadline } from "../meetings/index.js";
import type { NewPaperInput, PaperChangeInput } from "./contract.js";
import { paperDeadline } from "./deadlines.js";
import { extractText } from "./extract.js";
import { type FileType, fileProblem, MEDIA_TYPES, sniffType } from "./files.js";
import {
  dedupeKey,
  needsCountryOfOrigin,
  type PaperStatus,
  paperLabel,
  summaryProblem,
  transitionProblem,
} from "./rules.js";
import { paperCounters, paperFiles, paperPortions, papers, paperVersions } from "./schema.js";
import { visiblePapers } from "./visibility.js";

export { visiblePaperPortions, visiblePapers } from "./visibility.js";

export const REGIME_ID = "mtcr";

export type PaperRow = typeof papers.$inferSelect;

export interface PortionDraft {
  part: "title" | "summary" | "section" | "file";
  heading: string | null;
  body: string;
  rank: number;
}

function marking(field: string, code: string): number {
  const r = rankOf(REGIME_LADDER, code);
  if (r === null)
    throw invalid(field, `${code} is not a regime marking; use one of ${allowedMarkings(REGIME_LADDER)}`);
  return r;
}

/** The register's next number: the counter row is locked until the transaction ends. */
export async function nextNumber(tx: Tx): Promise<number> {
  const [row] = await tx
    .insert(paperCounters)
    .values({ regime: REGIME_ID, last: 1 })
    .onConflictDoUpdate({ target: paperCounters.regime, set: { last: sql`${paperCounters.last} + 1` } })
    .returning({ last: paperCounters.last });
  return row!.last;
}

export function portionsOf(input: {
  title: { text: string; marking: string };
  summary: { text: string; marking: string };
  sections: { heading?: string | null; text: string; marking: string }[];
}): PortionDraft[] {
  const problem = summaryProblem(input.summary.text);
  if (problem) throw invalid("summary.text", problem);
  return [
    {
      part: "title",
      heading: null,
      body: input.title.text,
      rank: marking("title.marking", input.title.marking),
    },
    {
      part: "summary",
      heading: null,
      body: input.summary.text,
      rank: marking("summary.marking", input.summary.marking),
    },
    ...input.sections.map((s, i) => ({
      part: "section" as const,
      heading: s.heading ?? null,
      body: s.text,
      rank: marking(`sections.${i}.marking`, s.marking),
    })),
  ];
}

async function writePortions(tx: Tx, paperId: number, portions: PortionDraft[]): Promise<void> {
  await tx
    .delete(paperPortions)
    .where(and(eq(paperPortions.paperId, paperId), ne(paperPortions.part, "file")));
  if (portions.length === 0) return;
  await tx.insert(paperPortions).values(
    portions.map((p, i) => ({
      paperId,
      part: p.part,
      ordinal: i,
      heading: p.heading,
      body: p.body,
      rank: p.rank,
      search: sql`to_tsvector('english', ${`${p.heading ?? ""} ${p.body}`})`,
    })),
  );
}

async function currentBanner(tx: Tx, paperId: number): Promise<number> {
  const [row] = await tx
    .select({ r: sql<number>`coalesce(max(${paperPortions.rank}), 0)::int` })
    .from(paperPortions)
    .where(eq(paperPortions.paperId, paperId));
  return row?.r ?? 0;
}

/**
 * A submission is accepted whenever it comes, and marked late by how much against the deadline
 * it answers (none when waived for its government); the meeting's deadline lists it too.
 */
async function lateness(tx: Tx, reader: Reader, paper: PaperRow, at: Date) {
  if (paper.meetingId === null) return { dueAt: null, lateSeconds: null };
  const due = await paperDeadline(tx, reader, {
    kind: paper.kind,
    meetingId: paper.meetingId,
    governmentCode: paper.governmentCode,
  });
  if (!due) return { dueAt: null, lateSeconds: null };
  const s = await submitAgainstDeadline(tx, actingAs(reader, at), {
    meetingId: due.meetingId,
    ruleId: due.ruleId,
    title: paperLabel(paper.number),
    source: "paper",
  });
  return { dueAt: due.dueAt, lateSeconds: s.seconds, deadlineSubmissionId: s.id };
}

/**
 * The space an audit entry about a paper belongs to: the regime's once the paper is circulated;
 * until then its government's, so that an entry about a draft or a submission does not reveal the
 * paper to other Partners' administrators browsing the log.
 */
export function auditSpace(paper: { circulatedAt: Date | null; governmentCode: string }): string {
  return paper.circulatedAt ? "regime" : paper.governmentCode;
}

export function actorOfReader(r: Reader): AuditActor {
  return { userId: r.userId, label: r.username };
}

/**
 * A paper the reader may see. Writers lock its row (`forUpdate`) before they touch its portions,
 * so that changes to one paper, and the copies its portions keep of it, happen one at a time.
 */
export async function paperByNumber(
  tx: Queryable,
  reader: Reader,
  number: number,
  opts: { forUpdate?: boolean } = {},
): Promise<PaperRow> {
  const query = tx
    .select()
    .from(papers)
    .where(and(eq(papers.number, number), visiblePapers(reader)));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("paper");
  return row;
}

function requirePartner(reader: Reader): void {
  if (reader.government.standing !== "partner") throw notFound("paper");
}

/** The people who write papers: a Partner's delegates and desk officers, the Chair, the Point of Contact. */
export function writesPapers(reader: Reader): boolean {
  return ["delegate", "desk_officer", "chair", "secretariat"].some((r) => hasRole(reader, r as never));
}

/** A paper the reader may attach files to: visible, their government's, not withdrawn. */
export async function attachablePaper(
  tx: Queryable,
  reader: Reader,
  number: number,
  opts: { forUpdate?: boolean } = {},
): Promise<PaperRow> {
  requirePartner(reader);
  const paper = await paperByNumber(tx, reader, number, opts);
  if (paper.governmentCode !== reader.government.code || !writesPapers(reader)) {
    throw forbidden("Only the government that submitted a paper attaches files to it.");
  }
  if (paper.status === "withdrawn") throw conflict("paper.withdrawn", `${paperLabel(number)} is withdrawn.`);
  return paper;
}

export async function createPaper(
  tx: Tx,
  reader: Reader,
  input: NewPaperInput,
  clock: Clock,
  opts: { meetingExists: (tx: Tx, id: number) => Promise<boolean> },
): Promise<PaperRow> {
  if (reader.government.standing !== "partner") throw forbidden("Only a Partner's people submit papers.");
  if (!writesPapers(reader)) {
    throw forbidden(
      "Papers are submitted by a Partner's delegates and desk officers, the Chair and the Point of Contact.",
    );
  }
  if (needsCountryOfOrigin(input.kind) && !input.countryOfOrigin) {
    throw invalid(
      "countryOfOrigin",
      "an IE paper, presentation or proposal names its country of origin on its title page",
    );
  }
  const portions = portionsOf(input);
  if (input.meetingId && !(await opts.meetingExists(tx, input.meetingId))) {
    throw invalid("meetingId", `no meeting has the id ${input.meetingId}; see GET /api/v1/meetings`);
  }
  const key = dedupeKey({
    government: reader.government.code,
    kind: input.kind,
    meetingId: input.meetingId ?? null,
    title: input.title.text,
  });
  const [dup] = await tx
    .select({ number: papers.number })
    .from(papers)
    .where(and(eq(papers.dedupeKey, key), ne(papers.status, "withdrawn")));
  if (dup) {
    throw conflict(
      "paper.duplicate",
      `This paper is already in the register as ${paperLabel(dup.number)}: change that paper, or withdraw it first.`,
    );
  }
  const now = clock.now();
  const number = await nextNumber(tx);
  const status: PaperStatus = input.submit ? "submitted" : "draft";
  const [row] = await tx
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
      titleRank: portions[0]!.rank,
      dedupeKey: key,
      version: 1,
      createdBy: reader.userId,
      createdAt: now,
      submittedAt: input.submit ? now : null,
      statusChangedBy: reader.userId,
      statusChangedAt: now,
    })
    .returning();
  let paper = row!;
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
    const late = await lateness(tx, reader, paper, now);
    if (late.dueAt) {
      [paper] = (await tx.update(papers).set(late).where(eq(papers.id, paper.id)).returning()) as [PaperRow];
    }
  }
  await appendAudit(tx, now, actorOfReader(reader), {
    action: input.submit ? "paper.submit" : "paper.create",
    targetKind: "paper",
    targetId: number,
    space: auditSpace(paper),
    marking: levelAt(REGIME_LADDER, paper.banner).code,
    details: { kind: input.kind, lateSeconds: paper.lateSeconds },
  });
  return paper;
}

export async function changePaper(
  tx: Tx,
  reader: Reader,
  number: number,
  change: PaperChangeInput,
  clock: Clock,
  opts: { meetingExists: (tx: Tx, id: number) => Promise<boolean> },
): Promise<PaperRow> {
  requirePartner(reader);
  const paper = await paperByNumber(tx, reader, number, { forUpdate: true });
  const own = paper.governmentCode === reader.government.code && writesPapers(reader);
  const atPoc = reader.government.pointOfContact && hasRole(reader, "secretariat");
  if (!own && !(atPoc && change.status === "withdrawn")) {
    throw forbidden(
      "Only the government that submitted a paper changes it; the Point of Contact may withdraw it.",
    );
  }
  if (paper.status === "withdrawn")
    throw conflict("paper.withdrawn", `${paperLabel(number)} is withdrawn and cannot change.`);
  const now = clock.now();
  const set: Partial<typeof papers.$inferInsert> = {};
  const contentChanged =
    change.title !== undefined || change.summary !== undefined || change.sections !== undefined;
  if (contentChanged) {
    const current = JSON.parse(
      (
        await tx
          .select({ portions: paperVersions.portions })
          .from(paperVersions)
          .where(and(eq(paperVersions.paperId, paper.id), eq(paperVersions.version, paper.version)))
      )[0]!.portions,
    ) as PortionDraft[];
    const of = (part: string) => current.find((p) => p.part === part)!;
    const toInput = (p: PortionDraft) => ({ text: p.body, marking: levelAt(REGIME_LADDER, p.rank).code });
    const portions = portionsOf({
      title: change.title ?? toInput(of("title")),
      summary: change.summary ?? toInput(of("summary")),
      sections:
        change.sections ??
        current.filter((p) => p.part === "section").map((p) => ({ heading: p.heading, ...toInput(p) })),
    });
    await writePortions(tx, paper.id, portions);
    set.version = paper.version + 1;
    set.titleRank = portions[0]!.rank;
    set.dedupeKey = dedupeKey({
      government: paper.governmentCode,
      kind: paper.kind,
      meetingId: change.meetingId === undefined ? paper.meetingId : change.meetingId,
      title: portions[0]!.body,
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
  if (change.countryOfOrigin !== undefined) set.countryOfOrigin = change.countryOfOrigin;
  if (needsCountryOfOrigin(paper.kind) && set.countryOfOrigin === null) {
    throw invalid(
      "countryOfOrigin",
      "an IE paper, presentation or proposal names its country of origin on its title page",
    );
  }
  if (change.meetingId !== undefined) {
    if (change.meetingId !== null && !(await opts.meetingExists(tx, change.meetingId))) {
      throw invalid("meetingId", `no meeting has the id ${change.meetingId}; see GET /api/v1/meetings`);
    }
    set.meetingId = change.meetingId;
  }
  if (change.agendaItem !== undefined) set.agendaItem = change.agendaItem;
  if (change.status) {
    const problem = transitionProblem(paper.status, change.status);
    if (problem) throw new AppError("paper.status", 409, `${paperLabel(number)}: ${problem}.`);
    set.status = change.status;
    set.statusChangedAt = now;
    set.statusChangedBy = reader.userId;
    if (change.status === "withdrawn") {
      set.withdrawnAt = now;
      set.withdrawnReason = change.reason ?? null;
    }
    if (change.status === "submitted") {
      set.submittedAt = now;
      Object.assign(set, await lateness(tx, reader, { ...paper, ...set } as PaperRow, now));
    }
  }
  if (Object.keys(set).length === 0) return paper;
  await tx.update(papers).set(set).where(eq(papers.id, paper.id));
  const banner = await currentBanner(tx, paper.id);
  const [row] = await tx.update(papers).set({ banner }).where(eq(papers.id, paper.id)).returning();
  await appendAudit(tx, now, actorOfReader(reader), {
    action:
      change.status === "withdrawn"
        ? "paper.withdraw"
        : change.status === "submitted"
          ? "paper.submit"
          : "paper.update",
    targetKind: "paper",
    targetId: number,
    space: auditSpace(row!),
    marking: levelAt(REGIME_LADDER, banner).code,
    details: { version: row!.version, ...(change.reason ? { reason: change.reason } : {}) },
  });
  return row!;
}

/** Circulation by the Point of Contact: recorded once, never undone. */
export async function circulatePaper(
  tx: Tx,
  reader: Reader,
  number: number,
  clock: Clock,
): Promise<PaperRow> {
  requirePartner(reader);
  const paper = await paperByNumber(tx, reader, number, { forUpdate: true });
  if (!(reader.government.pointOfContact && hasRole(reader, "secretariat"))) {
    throw forbidden("Only the Point of Contact circulates papers.");
  }
  if (paper.circulatedAt) {
    throw conflict(
      "paper.already_circulated",
      `${paperLabel(number)} was circulated on ${paper.circulatedAt.toISOString().slice(0, 10)}; circulate a new version by changing it.`,
    );
  }
  if (paper.status === "draft" && paper.governmentCode !== reader.government.code) {
    throw conflict("paper.not_submitted", `${paperLabel(number)} is still a draft of its government.`);
  }
  if (paper.status === "withdrawn") throw conflict("paper.withdrawn", `${paperLabel(number)} is withdrawn.`);
  const now = clock.now();
  const [row] = await tx
    .update(papers)
    .set({
      status: "circulated",
      circulatedAt: now,
      circulatedBy: reader.userId,
      statusChangedAt: now,
      statusChangedBy: reader.userId,
      submittedAt: paper.submittedAt ?? now,
    })
    .where(eq(papers.id, paper.id))
    .returning();
  await appendAudit(tx, now, actorOfReader(reader), {
    action: "paper.circulate",
    targetKind: "paper",
    targetId: number,
    space: "regime",
    marking: levelAt(REGIME_LADDER, paper.banner).code,
  });
  return row!;
}

/** Attaches a file as a new version of the paper; its text joins the paper's searchable portions at the file's marking. */
export interface CheckedFile {
  name: string;
  bytes: Uint8Array;
  type: FileType;
  rank: number;
  text: string;
}

/**
 * Checks a file and reads its text, before any transaction: parsing a large PDF must not hold the
 * database (the embedded one serves one transaction at a time).
 */
export async function checkFile(file: {
  name: string;
  bytes: Uint8Array;
  marking: string;
}): Promise<CheckedFile> {
  const problem = fileProblem(file.name, file.bytes);
  if (problem) throw invalid("file", problem);
  const rank = marking("marking", file.marking);
  const type = sniffType(file.bytes)!;
  return { name: file.name, bytes: file.bytes, type, rank, text: await extractText(type, file.bytes) };
}

export async function attachFile(
  tx: Tx,
  reader: Reader,
  number: number,
  file: CheckedFile,
  clock: Clock,
): Promise<{ id: number; version: number }> {
  const paper = await attachablePaper(tx, reader, number, { forUpdate: true });
  const { rank, type, text } = file;
  const now = clock.now();
  const version = paper.version + 1;
  const [current] = await tx
    .select({ portions: paperVersions.portions })
    .from(paperVersions)
    .where(and(eq(paperVersions.paperId, paper.id), eq(paperVersions.version, paper.version)));
  await tx.insert(paperVersions).values({
    paperId: paper.id,
    version,
    note: `attached ${file.name}`,
    portions: current?.portions ?? "[]",
    createdBy: reader.userId,
    createdAt: now,
  });
  const [row] = await tx
    .insert(paperFiles)
    .values({
      paperId: paper.id,
      version,
      filename: file.name.slice(-200),
      mediaType: MEDIA_TYPES[type],
      size: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      rank,
      content: Buffer.from(file.bytes),
      createdAt: now,
    })
    .returning({ id: paperFiles.id });
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(paperPortions)
    .where(eq(paperPortions.paperId, paper.id));
  await tx.insert(paperPortions).values({
    paperId: paper.id,
    part: "file",
    ordinal: 1000 + n,
    heading: file.name,
    body: text,
    rank,
    search: sql`to_tsvector('english', ${`${file.name} ${text}`})`,
  });
  const banner = Math.max(paper.banner, rank);
  await tx.update(papers).set({ version, banner }).where(eq(papers.id, paper.id));
  await appendAudit(tx, now, actorOfReader(reader), {
    action: "paper.attach",
    targetKind: "paper",
    targetId: number,
    space: auditSpace(paper),
    marking: levelAt(REGIME_LADDER, banner).code,
    details: { file: file.name, size: file.bytes.length, version },
  });
  return { id: row!.id, version };
}
