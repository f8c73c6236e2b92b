/** Rows of the register → the shapes the API answers with and the pages show. Presenting reads and writes nothing. */
import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import { redactPortion, withheldText } from "../core/access/redaction.js";
import { lateText } from "../meetings/index.js";
import type { PaperListItem, PaperOutput } from "./contract.js";
import type { PaperDetail, PaperListRow, PaperRow, PortionRow } from "./queries.js";
import { paperLabel, paperRef } from "./rules.js";

const code = (rank: number) => levelAt(REGIME_LADDER, rank).code;

/** How late the paper's submission was against the deadline it answered; null when on time or none. */
export function lateOf(row: Pick<PaperRow, "lateSeconds">): { seconds: number; text: string } | null {
  return row.lateSeconds && row.lateSeconds > 0
    ? { seconds: row.lateSeconds, text: lateText(row.lateSeconds) }
    : null;
}

function portionOut(reader: Reader, p: PortionRow) {
  const r = redactPortion(REGIME_LADDER, reader.regimeClearance, { marking: p.rank, content: p.body });
  return {
    withheld: r.withheld,
    marking: r.marking,
    heading: r.withheld ? null : p.heading,
    text: r.content,
  };
}

/** A paper as the reader may see it: each portion and file above their clearance withheld. */
export function presentPaper(reader: Reader, { paper, portions, files }: PaperDetail): PaperOutput {
  const title = portions.find((p) => p.part === "title");
  const summary = portions.find((p) => p.part === "summary");
  return {
    number: paper.number,
    ref: paperRef(paper),
    label: paperLabel(paper.number),
    kind: paper.kind,
    status: paper.status,
    marking: code(paper.banner),
    government: paper.governmentCode,
    countryOfOrigin: paper.countryOfOrigin,
    meetingId: paper.meetingId,
    agendaItem: paper.agendaItem,
    version: paper.version,
    title: title
      ? portionOut(reader, title)
      : { withheld: false, marking: "PUBLIC", heading: null, text: "" },
    summary: summary ? portionOut(reader, summary) : null,
    sections: portions.filter((p) => p.part === "section").map((p) => portionOut(reader, p)),
    files: files.map((f) => {
      const withheld = f.rank > reader.regimeClearance;
      return {
        id: f.id,
        filename: withheld ? withheldText(code(f.rank)) : f.filename,
        // A withheld file's type and size say something of it too: neither is shown.
        mediaType: withheld ? null : f.mediaType,
        size: withheld ? null : f.size,
        marking: code(f.rank),
        withheld,
        version: f.version,
      };
    }),
    submittedAt: paper.submittedAt?.toISOString() ?? null,
    circulatedAt: paper.circulatedAt?.toISOString() ?? null,
    withdrawnAt: paper.withdrawnAt?.toISOString() ?? null,
    dueAt: paper.dueAt?.toISOString() ?? null,
    late: lateOf(paper),
  };
}

/** A line of the register: the title withheld above the reader's clearance. */
export function presentListItem(reader: Reader, { paper, title }: PaperListRow): PaperListItem {
  const withheld = paper.titleRank > reader.regimeClearance;
  return {
    number: paper.number,
    ref: paperRef(paper),
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
    late: lateOf(paper),
  };
}
