import { bannerWords, type Ladder, levelAt } from "../core/access/markings.js";
import type { GuidanceRow } from "./queries.js";
import { renderGuidance } from "./telegram.js";
import { withheldContent } from "./views.js";

/**
 * The telegram a reader may see of a guidance: as released (or, for a draft, as it would go), with
 * every portion above their clearance replaced by the withheld marker naming its marking.
 */
export function telegramFor(row: GuidanceRow, ladder: Ladder, clearance: number): string {
  if (row.telegramText && clearance >= row.banner) return row.telegramText;
  const content = clearance >= row.banner ? row.content : withheldContent(ladder, row.content, clearance);
  const releaseOf =
    row.state === "released" && row.releasedAt && row.serial !== null
      ? { sentAt: row.releasedAt.toISOString(), year: row.releasedAt.getUTCFullYear(), serial: row.serial }
      : null;
  return renderGuidance(content, ladder, row.approval ?? null, releaseOf);
}

/**
 * The Word version for the post's library: the banner in words at the top and foot of every page,
 * then the telegram line by line in a fixed-width face, as the reader may see it.
 */
export async function guidanceToDocx(row: GuidanceRow, ladder: Ladder, clearance: number): Promise<Buffer> {
  const { AlignmentType, Document, Footer, Header, Packer, Paragraph, TextRun } = await import("docx");
  const code = levelAt(ladder, row.banner).code;
  const words = bannerWords(ladder, code);
  const banner = () =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: words, bold: true })] });
  const lines = telegramFor(row, ladder, clearance).split("\n");
  const children = lines.map(
    (line) =>
      new Paragraph({
        spacing: { after: 0 },
        children: [new TextRun({ text: line, font: "Courier New", size: 20 })],
      }),
  );
  const doc = new Document({
    creator: "Plenary",
    title: clearance >= row.subjectRank ? row.content.subject.text : "Guidance",
    sections: [
      {
        headers: { default: new Header({ children: [banner()] }) },
        footers: { default: new Footer({ children: [banner()] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
