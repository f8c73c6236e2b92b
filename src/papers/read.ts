import { and, asc, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import { redactPortion } from "../core/access/redaction.js";
import { appendAudit } from "../core/audit/append.js";
import type { Clock } from "../core/clock.js";
import type { Queryable, Tx } from "../core/db/index.js";
import { forbidden, notFound } from "../core/errors.js";
import { actorOfReader, auditSpace, type PaperRow, paperByNumber, visiblePapers } from "./register.js";
import { type PaperKind, type PaperStatus, paperLabel } from "./rules.js";
import { paperFiles, paperPortions, papers } from "./schema.js";

export function lateText(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} day${days === 1 ? "" : "s"}${hours ? ` ${hours} h` : ""} late`;
  if (hours > 0) return `${hours} h${minutes ? ` ${minutes} min` : ""} late`;
  return `${Math.max(1, minutes)} min late`;
}

function late(row: PaperRow) {
  return row.lateSeconds && row.lateSeconds > 0
    ? { seconds: row.lateSeconds, text: lateText(row.lateSeconds) }
    : null;
}

const code = (rank: number) => levelAt(REGIME_LADDER, rank).code;

/** A paper as the reader may see it; reading a marked paper is audited in the same transaction. */
export async function readPaper(tx: Tx, reader: Reader, number: number, clock: Clock) {
  const row = await paperByNumber(tx, reader, number);
  const portions = await tx
    .select()
    .from(paperPortions)
    .where(eq(paperPortions.paperId, row.id))
    .orderBy(asc(paperPortions.ordinal));
  const files = await tx
    .select({
      id: paperFiles.id,
      filename: paperFiles.filename,
      mediaType: paperFiles.mediaType,
      size: paperFiles.size,
      rank: paperFiles.rank,
      version: paperFiles.version,
    })
    .from(paperFiles)
    .where(eq(paperFiles.paperId, row.id))
    .orderBy(asc(paperFiles.id));
  const show = (p: (typeof portions)[number]) => {
    const r = redactPortion(REGIME_LADDER, reader.regimeClearance, { marking: p.rank, content: p.body });
    return {
      withheld: r.withheld,
      marking: r.marking,
      heading: r.withheld ? null : p.heading,
      text: r.content,
    };
  };
  const title = portions.find((p) => p.part === "title");
  const summary = portions.find((p) => p.part === "summary");
  if (row.banner > 0) {
    await appendAudit(tx, clock.now(), actorOfReader(reader), {
      action: "paper.read",
      targetKind: "paper",
      targetId: number,
      space: auditSpace(row),
      marking: code(row.banner),
    });
  }
  return {
    number: row.number,
    label: paperLabel(row.number),
    kind: row.kind,
    status: row.status,
    marking: code(row.banner),
    government: row.governmentCode,
    countryOfOrigin: row.countryOfOrigin,
    meetingId: row.meetingId,
    agendaItem: row.agendaItem,
    version: row.version,
    title: title ? show(title) : { withheld: false, marking: "PUBLIC", heading: null, text: "" },
    summary: summary ? show(summary) : null,
    sections: portions.filter((p) => p.part === "section").map(show),
    files: files.map((f) => ({
      id: f.id,
      filename: f.rank > reader.regimeClearance ? `[withheld: (${code(f.rank)})]` : f.filename,
      mediaType: f.mediaType,
      size: f.size,
      marking: code(f.rank),
      withheld: f.rank > reader.regimeClearance,
      version: f.version,
    })),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    circulatedAt: row.circulatedAt?.toISOString() ?? null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    dueAt: row.dueAt?.toISOString() ?? null,
    late: late(row),
  };
}

export type PaperView = Awaited<ReturnType<typeof readPaper>>;

export interface PaperFilter {
  kind?: PaperKind | undefined;
  status?: PaperStatus | undefined;
  meetingId?: number | undefined;
  government?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The register as the reader may see it: titles above the reader's clearance are withheld. */
export async function listPapers(tx: Queryable, reader: Reader, f: PaperFilter) {
  const conds: SQL[] = [visiblePapers(reader)];
  if (f.kind) conds.push(eq(papers.kind, f.kind));
  if (f.status) conds.push(eq(papers.status, f.status));
  if (f.meetingId) conds.push(eq(papers.meetingId, f.meetingId));
  if (f.government) conds.push(eq(papers.governmentCode, f.government.toUpperCase()));
  if (f.from) conds.push(gte(papers.createdAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conds.push(lte(papers.createdAt, new Date(`${f.to}T23:59:59.999Z`)));
  const rows = await tx
    .select({ paper: papers, title: paperPortions.body })
    .from(papers)
    .leftJoin(paperPortions, and(eq(paperPortions.paperId, papers.id), eq(paperPortions.part, "title")))
    .where(and(...conds))
    .orderBy(desc(papers.number));
  return rows.map(({ paper, title }) => {
    const withheld = paper.titleRank > reader.regimeClearance;
    return {
      number: paper.number,
      label: paperLabel(paper.number),
      kind: paper.kind,
      status: paper.status,
      marking: code(paper.banner),
      government: paper.governmentCode,
      countryOfOrigin: paper.countryOfOrigin,
      meetingId: paper.meetingId,
      title: withheld ? null : (title ?? ""),
      titleWithheld: withheld,
      titleMarking: code(paper.titleRank),
      submittedAt: paper.submittedAt?.toISOString() ?? null,
      circulatedAt: paper.circulatedAt?.toISOString() ?? null,
      late: late(paper),
    };
  });
}

export type PaperListItem = Awaited<ReturnType<typeof listPapers>>[number];

/** A file's bytes for a reader cleared to its marking; audited. */
export async function fileContent(tx: Tx, reader: Reader, number: number, fileId: number, clock: Clock) {
  const paper = await paperByNumber(tx, reader, number);
  const [file] = await tx
    .select()
    .from(paperFiles)
    .where(and(eq(paperFiles.id, fileId), eq(paperFiles.paperId, paper.id)));
  if (!file) throw notFound("file");
  if (file.rank > reader.regimeClearance) {
    throw forbidden(`This file is marked ${code(file.rank)}, above your regime clearance.`);
  }
  await appendAudit(tx, clock.now(), actorOfReader(reader), {
    action: "paper.file_read",
    targetKind: "paper_file",
    targetId: file.id,
    space: auditSpace(paper),
    marking: code(file.rank),
  });
  return file;
}
