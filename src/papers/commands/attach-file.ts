import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Queryable, Tx } from "../../core/db/index.js";
import { conflict, invalid, one } from "../../core/errors.js";
import { extractText } from "../extract.js";
import { type FileType, fileProblem, MEDIA_TYPES, sniffType } from "../files.js";
import { mayAttach } from "../policy.js";
import { type PaperRow, paperFor } from "../queries.js";
import { auditSpace, marksAbove, type PaperRef, paperLabel, paperTarget } from "../rules.js";
import { paperFiles, paperPortions, papers, paperVersions } from "../schema.js";
import { markingCode, markingRank, versionPortions } from "./portions.js";

/** A file checked and read, ready to attach: its text joins the paper's searchable portions at the file's marking. */
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
  const rank = markingRank("marking", file.marking);
  const type = sniffType(file.bytes);
  if (!type) throw invalid("file", `${file.name}: attach PDF, DOCX, XLSX or PPTX files`);
  const text = await extractText(type, file.bytes);
  const above = marksAbove(text, rank);
  if (above.length > 0) {
    throw invalid(
      "marking",
      `${file.name} holds portions marked ${above.join(", ")}, above ${markingCode(rank)}: choose ${above[0]?.slice(1, -1)} or higher, or attach a file without them`,
    );
  }
  return { name: file.name, bytes: file.bytes, type, rank, text };
}

/** A paper the one acting may attach files to: one they see, of their government, not withdrawn. */
export async function attachablePaper(
  tx: Queryable,
  who: Acting,
  ref: number | PaperRef,
  opts: { forUpdate?: boolean } = {},
): Promise<PaperRow> {
  const paper = await paperFor(tx, who, ref, opts);
  authorize(who, mayAttach, paper);
  if (paper.status === "withdrawn")
    throw conflict("paper.withdrawn", `${paperLabel(paper.number)} is withdrawn.`);
  return paper;
}

/** Attaches a checked file as a new version of the paper. */
export async function attachFile(
  tx: Tx,
  who: Acting,
  ref: number | PaperRef,
  file: CheckedFile,
): Promise<{ id: number; version: number }> {
  const paper = await attachablePaper(tx, who, ref, { forUpdate: true });
  const { rank, text } = file;
  const createdBy = who.kind === "reader" ? who.reader.userId : null;
  const version = paper.version + 1;
  await tx.insert(paperVersions).values({
    paperId: paper.id,
    version,
    note: `attached ${file.name}`,
    portions: (await versionPortions(tx, paper.id, paper.version)) ?? "[]",
    createdBy,
    createdAt: who.now,
  });
  const row = one(
    await tx
      .insert(paperFiles)
      .values({
        paperId: paper.id,
        version,
        filename: file.name.slice(-200),
        mediaType: MEDIA_TYPES[file.type],
        size: file.bytes.length,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        rank,
        content: Buffer.from(file.bytes),
        createdAt: who.now,
      })
      .returning({ id: paperFiles.id }),
  );
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
  await appendAudit(tx, who.now, who.actor, {
    action: "paper.attach",
    targetKind: "paper",
    targetId: paperTarget(paper),
    space: auditSpace(paper),
    marking: markingCode(banner),
    details: { file: file.name, size: file.bytes.length, version },
  });
  return { id: row.id, version };
}
