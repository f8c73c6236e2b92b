import type { PaperOutput } from "./contract.js";

/** The Word file's name: POC-DOC-39.docx, or draft-12.docx for a draft, which has no number yet. */
export function wordFileName(p: { id: number; number: number | null }, ext = "docx"): string {
  return p.number === null ? `draft-${p.id}.${ext}` : `POC-DOC-${p.number}.${ext}`;
}

/**
 * A paper as a Word document: its marking at the top and bottom of every page, a title page with
 * the POC DOC number and the country of origin, then each portion with its own marking. Withheld
 * portions stay withheld.
 */
export async function paperToDocx(p: PaperOutput, meetingTitle: string | null): Promise<Buffer> {
  // Loaded on first use: the library is large and most processes never write a document.
  const { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, Paragraph, TextRun } = await import(
    "docx"
  );
  const marked = (text: string | null, withheld: boolean, marking: string) =>
    withheld ? `[withheld: (${marking})]` : `(${marking}) ${text ?? ""}`;
  const banner = (text: string) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true })] });
  const children: InstanceType<typeof Paragraph>[] = [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: p.label, bold: true })] }),
    ...(p.countryOfOrigin
      ? [new Paragraph({ alignment: AlignmentType.RIGHT, text: `Country of origin: ${p.countryOfOrigin}` })]
      : []),
    ...(meetingTitle ? [new Paragraph({ alignment: AlignmentType.RIGHT, text: meetingTitle })] : []),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      text: marked(p.title.text, p.title.withheld, p.title.marking),
    }),
  ];
  if (p.summary) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: "Summary" }));
    children.push(new Paragraph({ text: marked(p.summary.text, p.summary.withheld, p.summary.marking) }));
  }
  for (const s of p.sections) {
    if (s.heading) children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: s.heading }));
    children.push(new Paragraph({ text: marked(s.text, s.withheld, s.marking) }));
  }
  const doc = new Document({
    creator: "Plenary",
    title: `${p.label}${p.title.withheld ? "" : `: ${p.title.text}`}`,
    sections: [
      {
        headers: { default: new Header({ children: [banner(p.marking)] }) },
        footers: { default: new Footer({ children: [banner(p.marking)] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
