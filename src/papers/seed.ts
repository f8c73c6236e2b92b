import { eq, sql } from "drizzle-orm";
import { actingAsSystem } from "../core/acting.js";
import { appendAudit } from "../core/audit/append.js";
import { requirePort, type Site } from "../core/capability.js";
import type { Clock } from "../core/clock.js";
import type { Db, Tx } from "../core/db/index.js";
import { one } from "../core/errors.js";
import { userByUsername } from "../directory/index.js";
import { visibleMeetings } from "../meetings/index.js";
import { attachFile, checkFile } from "./commands/attach-file.js";
import { markingRank, type PortionDraft } from "./commands/portions.js";
import { dedupeKey, type PaperKind, REGIME_ID } from "./rules.js";
import { paperCounters, paperFiles, paperPortions, papers, paperVersions } from "./schema.js";

interface SeedPaper {
  number: number;
  kind: PaperKind;
  government: string;
  countryOfOrigin: string | null;
  meetingUid: string | null;
  circulatedOn: string;
  title: string;
  summary: string;
  sections: { heading: string; text: string; marking: string }[];
}

/**
 * The papers the seed telegram names. Their titles and summaries paraphrase what the telegram
 * says of them; their dates of circulation are illustrative (before 2 July 2008).
 */
const PAPERS: SeedPaper[] = [
  {
    number: 39,
    kind: "matrix",
    government: "FR",
    countryOfOrigin: "France (Point of Contact)",
    meetingUid: "mtcr-2008-canberra-plenary@plenary",
    circulatedOn: "2008-04-15",
    title: "Matrix of Partner implementation of changes to the MTCR Annex",
    summary:
      "Kept by the Point of Contact since the 2003 Buenos Aires Plenary, where Partners agreed to report on a voluntary basis on national enactment of changes to MTCR controls.\nPartners are urged to send their updates by June 2008 so that a completed matrix can be circulated in Canberra.",
    sections: [
      {
        heading: "Athens 2007 Annex changes",
        text: "The changes to the Annex agreed at the November 2007 Athens Plenary, with each Partner's national enactment as reported to the Point of Contact.",
        marking: "RR",
      },
    ],
  },
  {
    number: 66,
    kind: "draft_agenda",
    government: "FR",
    countryOfOrigin: null,
    meetingUid: "mtcr-2008-canberra-ie@plenary",
    circulatedOn: "2008-04-18",
    title: "Draft agenda of the Canberra Information Exchange",
    summary:
      "Draft agenda established by the Partners at the April 2008 Reinforced POC meeting.\nPartners are encouraged to circulate their IE papers at least four weeks before the Canberra Plenary, with the country of origin on the title page and a 10-line summary.",
    sections: [
      { heading: "1. Country and regional issues", text: "Briefings by Partners.", marking: "RR" },
      {
        heading: "2. Proliferator procurement activities and strategies",
        text: "Briefings by Partners.",
        marking: "RC",
      },
      { heading: "3. Lessons learned from interdictions", text: "Briefings by Partners.", marking: "RC" },
    ],
  },
  {
    number: 89,
    kind: "call_for_papers",
    government: "FR",
    countryOfOrigin: null,
    meetingUid: "mtcr-2008-canberra-leem@plenary",
    circulatedOn: "2008-06-10",
    title: "Call for papers for the Canberra LEEM",
    summary:
      "The LEEM Permanent Co-Chair invites Partners to propose presentations for the Licensing and Enforcement Experts Meeting held in conjunction with the Canberra Plenary, and to circulate them as far in advance of the Plenary as possible.",
    sections: [],
  },
  {
    number: 90,
    kind: "draft_agenda",
    government: "FR",
    countryOfOrigin: null,
    meetingUid: "mtcr-2008-canberra-leem@plenary",
    circulatedOn: "2008-06-10",
    title: "Draft agenda of the Canberra LEEM",
    summary: "Draft agenda circulated by the LEEM Permanent Co-Chair with the call for papers (POC DOC 89).",
    sections: [
      { heading: "1. Licensing practice", text: "Presentations by Partners.", marking: "RR" },
      { heading: "2. Enforcement and interdiction cases", text: "Presentations by Partners.", marking: "RR" },
    ],
  },
];

/** The meetings the scenario's papers are for, by uid, as the Point of Contact sees them. */
async function meetingIds(db: Db, site: Site, now: Date, pocId: number | null): Promise<Map<string, number>> {
  const reader = pocId === null ? null : await requirePort(site, "loadReader")(db, pocId, now);
  const rows = reader ? await visibleMeetings(db, reader) : [];
  return new Map(rows.map((m) => [m.uid, m.id]));
}

async function insertPaper(tx: Tx, p: SeedPaper, meetingId: number | null, by: number | null): Promise<void> {
  const rr = markingRank("title.marking", "RR");
  const portions: PortionDraft[] = [
    { part: "title", heading: null, body: p.title, rank: rr },
    { part: "summary", heading: null, body: p.summary, rank: rr },
    ...p.sections.map((s, i) => ({
      part: "section" as const,
      heading: s.heading,
      body: s.text,
      rank: markingRank(`sections.${i}.marking`, s.marking),
    })),
  ];
  const at = new Date(`${p.circulatedOn}T09:00:00Z`);
  const row = one(
    await tx
      .insert(papers)
      .values({
        number: p.number,
        kind: p.kind,
        governmentCode: p.government,
        countryOfOrigin: p.countryOfOrigin,
        meetingId,
        status: "circulated",
        banner: Math.max(...portions.map((x) => x.rank)),
        titleRank: rr,
        dedupeKey: dedupeKey({ government: p.government, kind: p.kind, meetingId, title: p.title }),
        version: 1,
        createdBy: by,
        createdAt: at,
        submittedAt: at,
        circulatedAt: at,
        circulatedBy: by,
        statusChangedBy: by,
        statusChangedAt: at,
      })
      .returning(),
  );
  await tx.insert(paperPortions).values(
    portions.map((x, i) => ({
      paperId: row.id,
      part: x.part,
      ordinal: i,
      heading: x.heading,
      body: x.body,
      rank: x.rank,
      search: sql`to_tsvector('english', ${`${x.heading ?? ""} ${x.body}`})`,
    })),
  );
  await tx.insert(paperVersions).values({
    paperId: row.id,
    version: 1,
    portions: JSON.stringify(portions),
    createdBy: by,
    createdAt: at,
  });
}

/** The matrix as the Point of Contact keeps it: a Word file attached to POC DOC 39, REGIME RESTRICTED. */
async function matrixFile(): Promise<Buffer> {
  const { Document, HeadingLevel, Packer, Paragraph } = await import("docx");
  const doc = new Document({
    creator: "Plenary",
    title: "POC DOC 39",
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: "Matrix of Partner implementation" }),
          new Paragraph("Athens 2007 Annex changes: national enactment as reported to the Point of Contact."),
          new Paragraph("United States: Commerce Control List amended, effective 16 June 2008."),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export const MATRIX_FILE = "POC-DOC-39-matrix.docx";

/**
 * The scenario's papers, under their real numbers, and the matrix's file; the register continues
 * from the highest number. Idempotent.
 */
export async function seedPapers(db: Db, clock: Clock, site: Site): Promise<number> {
  let added = 0;
  const poc = (await userByUsername(db, "fr.poc"))?.id ?? null;
  const meetingOf = await meetingIds(db, site, clock.now(), poc);
  const matrix = await checkFile({ name: MATRIX_FILE, bytes: await matrixFile(), marking: "RR" });
  await db.transaction(async (tx) => {
    for (const p of PAPERS) {
      const [exists] = await tx.select({ id: papers.id }).from(papers).where(eq(papers.number, p.number));
      if (exists) continue;
      await insertPaper(tx, p, p.meetingUid ? (meetingOf.get(p.meetingUid) ?? null) : null, poc);
      added++;
    }
    const [max] = await tx.select({ n: sql<number>`coalesce(max(${papers.number}), 0)::int` }).from(papers);
    await tx
      .insert(paperCounters)
      .values({ regime: REGIME_ID, last: max?.n ?? 0 })
      .onConflictDoUpdate({
        target: paperCounters.regime,
        set: { last: sql`greatest(${paperCounters.last}, ${max?.n ?? 0})` },
      });
    if (added > 0) {
      await appendAudit(tx, clock.now(), actingAsSystem(clock.now()).actor, {
        action: "paper.seed",
        targetKind: "paper",
        space: "regime",
        details: { numbers: PAPERS.map((p) => p.number) },
      });
    }
    const [matrixPaper] = await tx.select({ id: papers.id }).from(papers).where(eq(papers.number, 39));
    const [attached] = matrixPaper
      ? await tx.select({ id: paperFiles.id }).from(paperFiles).where(eq(paperFiles.paperId, matrixPaper.id))
      : [];
    if (matrixPaper && !attached) await attachFile(tx, actingAsSystem(clock.now()), 39, matrix);
  });
  return added;
}
