/**
 * Reads of the register, with the reader's access in their `where`: a paper the reader may not
 * see answers as one that does not exist. The reads that show a marked paper or a file to a
 * person are audited here, where they are read, in the reading transaction.
 */
import { and, asc, count, desc, eq, gte, isNotNull, lte, type SQL, sql } from "drizzle-orm";
import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import { REGIME_SPACE, type Reader } from "../core/access/reader.js";
import type { Acting, ReaderActing } from "../core/acting.js";
import { appendAudit } from "../core/audit/append.js";
import type { Queryable, Tx } from "../core/db/index.js";
import { forbidden, notFound } from "../core/errors.js";
import type { PaperQueryInput } from "./contract.js";
import { auditSpace, type PaperRef, paperTarget } from "./rules.js";
import { paperFiles, paperPortions, papers } from "./schema.js";
import { visiblePapers } from "./visibility.js";

export type PaperRow = typeof papers.$inferSelect;
export type PortionRow = typeof paperPortions.$inferSelect;
export type FileRow = typeof paperFiles.$inferSelect;
/** A file as a paper lists it: everything but its bytes. */
export type FileEntry = Omit<FileRow, "content" | "paperId" | "sha256" | "createdAt">;

/** A paper with its current portions and its files: what a paper's page and answer show. */
export interface PaperDetail {
  paper: PaperRow;
  portions: PortionRow[];
  files: FileEntry[];
}

const code = (rank: number) => levelAt(REGIME_LADDER, rank).code;

/**
 * A paper the reader may see. Writers lock its row (`forUpdate`) before they touch its portions,
 * so that changes to one paper, and the copies its portions keep of it, happen one at a time.
 */
export async function paperByNumber(
  tx: Queryable,
  reader: Reader,
  ref: number | PaperRef,
  opts: { forUpdate?: boolean } = {},
): Promise<PaperRow> {
  const query = tx
    .select()
    .from(papers)
    .where(and(refCondition(ref), visiblePapers(reader)));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("paper");
  return row;
}

/** The `where` that names one paper: by its number, or by its id (a draft's address). */
function refCondition(ref: number | PaperRef): SQL {
  if (typeof ref === "number") return eq(papers.number, ref);
  return "id" in ref ? eq(papers.id, ref.id) : eq(papers.number, ref.number);
}

/** The paper for whoever acts: as the reader may see it, or any paper for the system (the seed). */
export async function paperFor(
  tx: Queryable,
  who: Acting,
  ref: number | PaperRef,
  opts: { forUpdate?: boolean } = {},
): Promise<PaperRow> {
  if (who.kind === "reader") return paperByNumber(tx, who.reader, ref, opts);
  const query = tx.select().from(papers).where(refCondition(ref));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("paper");
  return row;
}

/** The number of the paper with this id, when the reader may see it (else null). */
export async function visiblePaperNumber(tx: Queryable, reader: Reader, id: number): Promise<number | null> {
  const [row] = await tx
    .select({ number: papers.number })
    .from(papers)
    .where(and(eq(papers.id, id), visiblePapers(reader)));
  return row?.number ?? null;
}

async function detailOf(tx: Queryable, paper: PaperRow): Promise<PaperDetail> {
  const portions = await tx
    .select()
    .from(paperPortions)
    .where(eq(paperPortions.paperId, paper.id))
    .orderBy(asc(paperPortions.ordinal));
  const files = await tx
    .select({
      id: paperFiles.id,
      version: paperFiles.version,
      filename: paperFiles.filename,
      mediaType: paperFiles.mediaType,
      size: paperFiles.size,
      rank: paperFiles.rank,
    })
    .from(paperFiles)
    .where(eq(paperFiles.paperId, paper.id))
    .orderBy(asc(paperFiles.id));
  return { paper, portions, files };
}

/** A paper as the reader may see it, read for them: reading a marked paper is audited in the same transaction. */
export async function readPaper(tx: Tx, who: ReaderActing, ref: number | PaperRef): Promise<PaperDetail> {
  const paper = await paperByNumber(tx, who.reader, ref);
  const detail = await detailOf(tx, paper);
  if (paper.banner > 0) {
    await appendAudit(tx, who.now, who.actor, {
      action: "paper.read",
      targetKind: "paper",
      targetId: paperTarget(paper),
      space: auditSpace(paper),
      marking: code(paper.banner),
    });
  }
  return detail;
}

/** The register as the reader may see it, newest number first, each paper with its title portion. */
type PaperFilter = Omit<PaperQueryInput, "meeting"> & { meetingId?: number | undefined };

function paperConditions(reader: Reader, f: PaperFilter): SQL[] {
  const conds: SQL[] = [visiblePapers(reader)];
  if (f.kind) conds.push(eq(papers.kind, f.kind));
  if (f.status) conds.push(eq(papers.status, f.status));
  if (f.meetingId) conds.push(eq(papers.meetingId, f.meetingId));
  if (f.government) conds.push(eq(papers.governmentCode, f.government.toUpperCase()));
  if (f.from) conds.push(gte(papers.createdAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conds.push(lte(papers.createdAt, new Date(`${f.to}T23:59:59.999Z`)));
  return conds;
}

/** The papers the reader may see, newest number first; `page` reads one page of them in SQL. */
export async function listPapers(
  tx: Queryable,
  reader: Reader,
  f: PaperFilter = {},
  page?: { limit: number; offset: number },
) {
  const query = tx
    .select({ paper: papers, title: paperPortions.body })
    .from(papers)
    .leftJoin(paperPortions, and(eq(paperPortions.paperId, papers.id), eq(paperPortions.part, "title")))
    .where(and(...paperConditions(reader, f)))
    .orderBy(sql`${papers.number} desc nulls first`, desc(papers.id));
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

/** How many papers the reader may see: the same `where` as the list. */
export async function countPapers(tx: Queryable, reader: Reader, f: PaperFilter = {}): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(papers)
    .where(and(...paperConditions(reader, f)));
  return row?.n ?? 0;
}

export type PaperListRow = Awaited<ReturnType<typeof listPapers>>[number];

/** A file's bytes, read for a reader cleared to its marking; audited. */
export async function readFile(
  tx: Tx,
  who: ReaderActing,
  ref: number | PaperRef,
  fileId: number,
): Promise<FileRow> {
  const paper = await paperByNumber(tx, who.reader, ref);
  const [file] = await tx
    .select()
    .from(paperFiles)
    .where(and(eq(paperFiles.id, fileId), eq(paperFiles.paperId, paper.id)));
  if (!file) throw notFound("file");
  if (file.rank > who.reader.regimeClearance) {
    throw forbidden(`This file is marked ${code(file.rank)}, above your regime clearance.`);
  }
  await appendAudit(tx, who.now, who.actor, {
    action: "paper.file_read",
    targetKind: "paper_file",
    targetId: file.id,
    space: auditSpace(paper),
    marking: code(file.rank),
  });
  return file;
}

/**
 * The numbered papers of a meeting a reader may see, by number, each with its title — null when the title
 * is marked above the reader (for what stands beside a meeting elsewhere: guidance, say).
 */
export async function meetingPaperTitles(
  db: Queryable,
  reader: Reader,
  meetingId: number,
): Promise<{ number: number; title: string | null }[]> {
  const rows = await db
    .select({
      number: papers.number,
      title: paperPortions.body,
      rank: paperPortions.rank,
      space: papers.space,
    })
    .from(papers)
    .leftJoin(paperPortions, and(eq(paperPortions.paperId, papers.id), eq(paperPortions.part, "title")))
    .where(and(eq(papers.meetingId, meetingId), isNotNull(papers.number), visiblePapers(reader)))
    .orderBy(asc(papers.number));
  return rows.flatMap((p) =>
    p.number === null
      ? []
      : [
          {
            number: p.number,
            title:
              p.title !== null &&
              (p.rank ?? 0) <= (p.space === REGIME_SPACE ? reader.regimeClearance : reader.nationalClearance)
                ? p.title
                : null,
          },
        ],
  );
}
