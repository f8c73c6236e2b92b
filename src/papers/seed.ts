import { eq, sql } from "drizzle-orm";
import { REGIME_LADDER, rankOf } from "../core/access/markings.js";
import { appendAudit, SYSTEM_ACTOR } from "../core/audit/append.js";
import type { Clock } from "../core/clock.js";
import type { Db } from "../core/db/index.js";
import { userByUsername } from "../directory/repo.js";
import { meetings } from "../meetings/schema.js";
import { REGIME_ID } from "./register.js";
import { dedupeKey, type PaperKind } from "./rules.js";
import { paperCalls, paperCounters, paperPortions, papers, paperVersions } from "./schema.js";

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

/** The scenario's papers, under their real numbers; the register continues from the highest. Idempotent. */
export async function seedPapers(db: Db, clock: Clock): Promise<number> {
  let added = 0;
  const poc = await userByUsername(db, "fr.poc");
  await db.transaction(async (tx) => {
    for (const p of PAPERS) {
      const [exists] = await tx.select({ id: papers.id }).from(papers).where(eq(papers.number, p.number));
      if (exists) continue;
      const [m] = p.meetingUid
        ? await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.uid, p.meetingUid))
        : [];
      const rr = rankOf(REGIME_LADDER, "RR")!;
      const portions = [
        { part: "title" as const, heading: null, body: p.title, rank: rr },
        { part: "summary" as const, heading: null, body: p.summary, rank: rr },
        ...p.sections.map((s) => ({
          part: "section" as const,
          heading: s.heading,
          body: s.text,
          rank: rankOf(REGIME_LADDER, s.marking)!,
        })),
      ];
      const at = new Date(`${p.circulatedOn}T09:00:00Z`);
      const [row] = await tx
        .insert(papers)
        .values({
          number: p.number,
          kind: p.kind,
          governmentCode: p.government,
          countryOfOrigin: p.countryOfOrigin,
          meetingId: m?.id ?? null,
          status: "circulated",
          banner: Math.max(...portions.map((x) => x.rank)),
          titleRank: rr,
          dedupeKey: dedupeKey({
            government: p.government,
            kind: p.kind,
            meetingId: m?.id ?? null,
            title: p.title,
          }),
          version: 1,
          createdBy: poc?.id ?? null,
          createdAt: at,
          submittedAt: at,
          circulatedAt: at,
          circulatedBy: poc?.id ?? null,
          statusChangedBy: poc?.id ?? null,
          statusChangedAt: at,
        })
        .returning();
      await tx.insert(paperPortions).values(
        portions.map((x, i) => ({
          paperId: row!.id,
          part: x.part,
          ordinal: i,
          heading: x.heading,
          body: x.body,
          rank: x.rank,
          search: sql`to_tsvector('english', ${`${x.heading ?? ""} ${x.body}`})`,
        })),
      );
      await tx.insert(paperVersions).values({
        paperId: row!.id,
        version: 1,
        portions: JSON.stringify(portions),
        createdBy: poc?.id ?? null,
        createdAt: at,
      });
      if (p.kind === "call_for_papers" && m) {
        await tx.insert(paperCalls).values({
          paperId: row!.id,
          meetingId: m.id,
          closesAt: new Date("2008-10-05T13:00:00Z"),
          openedBy: poc?.id ?? null,
        });
      }
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
      await appendAudit(tx, clock.now(), SYSTEM_ACTOR, {
        action: "paper.seed",
        targetKind: "paper",
        space: "regime",
        details: { numbers: PAPERS.map((p) => p.number) },
      });
    }
  });
  return added;
}
