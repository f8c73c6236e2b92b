import { sql } from "drizzle-orm";
import type { Tx } from "../../core/db/index.js";
import { kindOf, parentNumber, parseNumber, sortKey } from "../numbering.js";
import { annexEntries } from "../schema.js";
import type { AnnexNode } from "../tree.js";

/** How many rows one insert carries: well under PostgreSQL's 65,535 parameters. */
const BATCH = 500;

/** Writes a version's nodes, in batches. */
export async function insertNodes(tx: Tx, versionId: number, nodes: readonly AnnexNode[]): Promise<void> {
  for (let i = 0; i < nodes.length; i += BATCH) {
    await tx.insert(annexEntries).values(
      nodes.slice(i, i + BATCH).map((n) => {
        const parsed = parseNumber(n.number);
        const words = [n.number, n.text, ...n.notes, ...n.technicalNotes].join(" ");
        return {
          versionId,
          number: n.number,
          sortKey: sortKey(n.number),
          parentNumber: parentNumber(n.number),
          kind: kindOf(parsed),
          text: n.text,
          notes: [...n.notes],
          technicalNotes: [...n.technicalNotes],
          search: sql`to_tsvector('english', ${words})`,
        };
      }),
    );
  }
}
