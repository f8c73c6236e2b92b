import { and, desc, eq, isNotNull } from "drizzle-orm";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import { attachFile, type CheckedFile, papers, visiblePapers } from "../../papers/index.js";
import { issueMatrix } from "../policy.js";

/** The register's paper that holds the matrix (POC DOC 39 in the scenario): the latest of kind "matrix". */
export async function matrixPaperNumber(tx: Tx, who: Acting): Promise<number> {
  const [row] = await tx
    .select({ number: papers.number })
    .from(papers)
    .where(
      and(
        eq(papers.kind, "matrix"),
        isNotNull(papers.number),
        who.kind === "reader" ? visiblePapers(who.reader) : undefined,
      ),
    )
    .orderBy(desc(papers.number))
    .limit(1);
  if (!row?.number) throw notFound("matrix paper");
  return row.number;
}

/**
 * Issues the matrix: the workbook, built and checked before the transaction, becomes a new version
 * of the matrix paper with the file attached, and the issue is audited.
 */
export async function issueMatrixPaper(
  tx: Tx,
  who: Acting,
  file: CheckedFile,
): Promise<{ paper: number; version: number; file: string }> {
  authorize(who, issueMatrix);
  const number = await matrixPaperNumber(tx, who);
  const attached = await attachFile(tx, who, number, file);
  await appendAudit(tx, who.now, who.actor, {
    action: "enactment.matrix.issue",
    targetKind: "paper",
    targetId: number,
    space: "regime",
    details: { file: file.name, version: attached.version },
  });
  return { paper: number, version: attached.version, file: file.name };
}
