/**
 * The reference scenario's outreach: three visits by the Chair of 2007–2008 to non-Partners, shaped
 * like the real ones (inform, encourage, learn). Their places are real; the people, the authorities'
 * wording, the talking points and the reports are fictitious, for the demonstration, and say so.
 * The Astana visit's report is issued as a paper; the Beijing visit is held with its report still
 * to file; the Islamabad visit lies ahead of the demo clock (2 July 2008). Idempotent.
 */
import { actingAsSystem } from "../core/acting.js";
import type { Clock } from "../core/clock.js";
import type { Db } from "../core/db/index.js";
import { fileReport } from "./commands/file-report.js";
import { recordVisit } from "./commands/record-visit.js";
import { outreachVisits } from "./schema.js";

const FICTITIOUS = "(fictitious details, for the demonstration)";

export async function seedOutreach(db: Db, _clock: Clock): Promise<void> {
  await db.transaction(async (tx) => {
    const [had] = await tx.select({ id: outreachVisits.id }).from(outreachVisits).limit(1);
    if (had) return;
    const at = (iso: string) => actingAsSystem(new Date(iso), "the Chair");
    const astana = await recordVisit(tx, at("2007-11-26T09:00:00Z"), {
      governmentCode: "KZ",
      format: "chair",
      city: "Astana",
      firstDay: "2007-12-10",
      lastDay: "2007-12-11",
      authorities: [
        `Ministry of Foreign Affairs, Department of International Security ${FICTITIOUS}`,
        "Committee for export control of the Ministry of Industry and Trade",
      ],
      delegation: ["The MTCR Chair (name withheld: fictitious)", "J. Doe, Chair's office (fictitious)"],
      aims: [
        { aim: "inform", text: "To brief Kazakhstan on the regime's outcome at the Athens Plenary." },
        { aim: "encourage" },
        { aim: "learn" },
      ],
      points: [
        {
          text: "The Athens Plenary reaffirmed the Partners' commitment to the Guidelines.",
          marking: "PUBLIC",
        },
        { text: "Kazakhstan's candidacy is examined case by case; no decision is implied.", marking: "RR" },
        { text: `Questions on transit and trans-shipment controls ${FICTITIOUS}.`, marking: "RR" },
      ],
    });
    await fileReport(tx, at("2007-12-20T10:00:00Z"), astana.id, {
      paragraphs: [
        {
          text: `The host authorities described their export control list and licensing practice ${FICTITIOUS}.`,
          marking: "RR",
        },
        {
          text: "The host asked for further briefings on the Annex's Category II items.",
          marking: "RR",
        },
      ],
    });
    await recordVisit(tx, at("2008-03-10T09:00:00Z"), {
      governmentCode: "CN",
      format: "troika",
      city: "Beijing",
      firstDay: "2008-03-26",
      lastDay: "2008-03-27",
      authorities: [
        `Ministry of Foreign Affairs, Department of Arms Control ${FICTITIOUS}`,
        "Ministry of Commerce, Bureau of Industry Security, Import and Export Control",
      ],
      delegation: [
        "The MTCR Chair (name withheld: fictitious)",
        "The past Chair's representative (fictitious)",
        "The incoming Chair's representative (fictitious)",
      ],
      aims: [{ aim: "inform" }, { aim: "encourage" }, { aim: "learn" }],
      points: [
        {
          text: "The regime's Guidelines and Annex are public and open to any government.",
          marking: "PUBLIC",
        },
        { text: "Partners welcome China's 2002 missile export control regulations and list.", marking: "RR" },
        { text: `Catch-all controls and their enforcement ${FICTITIOUS}.`, marking: "RC" },
      ],
    });
    await recordVisit(tx, at("2008-06-20T09:00:00Z"), {
      governmentCode: "PK",
      format: "chair",
      city: "Islamabad",
      firstDay: "2008-09-15",
      lastDay: "2008-09-16",
      authorities: [`Ministry of Foreign Affairs, Disarmament Division ${FICTITIOUS}`],
      delegation: ["The MTCR Chair (name withheld: fictitious)"],
      aims: [
        { aim: "inform" },
        { aim: "learn", text: "To learn about Pakistan's 2004 export control act in practice." },
      ],
      points: [{ text: "The regime's purpose and its Guidelines.", marking: "PUBLIC" }],
    });
  });
}
