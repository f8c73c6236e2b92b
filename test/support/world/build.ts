/**
 * Makes a generated world real, through the capabilities' own commands: the directory's for
 * governments, ladders and users, the register's for papers, the archive's import for telegrams.
 * Their audit entries are the ones those commands write.
 */
import { actingAsSystem } from "../../../src/core/acting.js";
import { SYSTEM_ACTOR } from "../../../src/core/audit/append.js";
import { setGovernmentLadder } from "../../../src/directory/commands/set-ladder.js";
import { circulatePaper, createPaper, paperRef } from "../../../src/papers/index.js";
import { importTelegrams } from "../../../src/telegram/archive/import.js";
import type { TestContext } from "../context.js";
import { makeGovernment, makeUser } from "../factories/directory.js";
import { actingAsUser, meetingIdOf } from "../factories/papers.js";
import { governmentsOf, REGIME_CODES, TELEGRAM_CODES, type TelegramSpec, type WorldSpec } from "./model.js";
import type { World, WorldGovernment, WorldPaper, WorldPortion, WorldTelegram } from "./oracle.js";

const FRANCE_LADDER = ["NP", "DR", "S", "TS"];
const GENERIC_LADDER = ["U", "R", "C", "S", "TS"];
const TELEGRAM_LADDER = [
  { code: "U", label: "UNCLASSIFIED" },
  { code: "SBU", label: "SENSITIVE BUT UNCLASSIFIED" },
  { code: "C", label: "CONFIDENTIAL" },
  { code: "S", label: "SECRET" },
  { code: "TS", label: "TOP SECRET" },
];
const CANBERRA_TEM = "mtcr-2008-canberra-tem@plenary";

/** A word of letters only ("zqbdx"), so no stemmer shortens it and no other word contains it. */
function word(n: number): string {
  let s = "";
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  } while (k > 0);
  return `zq${s.padStart(3, "a")}x`;
}

function portionMaker() {
  let n = 0;
  return (rank: number, code: string): WorldPortion => {
    n++;
    return { rank, canary: `CANARY-${code}-${String(n).padStart(3, "0")}`, term: word(n) };
  };
}

const BANNERS = ["UNCLASSIFIED", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET"];

/** A telegram whose subject and every paragraph carry a marking and their own words. */
function telegramText(serial: number, subject: WorldPortion, paragraphs: WorldPortion[]): string {
  const top = Math.max(subject.rank, ...paragraphs.map((p) => p.rank));
  const mark = (p: WorldPortion) => `(${TELEGRAM_CODES[p.rank]})`;
  return [
    "P 151635Z JAN 09",
    "FM SECSTATE WASHDC",
    "TO AMEMBASSY MADRID PRIORITY 0000",
    "",
    `${BANNERS[top]} STATE 00${4000 + serial}`,
    "",
    "E.O. 12958: DECL: 01/15/2034",
    "TAGS: MTCRE PARM SP",
    `SUBJECT: ${subject.canary} ABOUT ${subject.term.toUpperCase()} ${mark(subject)}`,
    "",
    ...paragraphs.flatMap((p, i) => [`${i + 1}. ${mark(p)} The ${p.canary} paragraph about ${p.term}.`, ""]),
  ].join("\n");
}

export async function buildWorld(t: TestContext, spec: WorldSpec): Promise<World> {
  const db = t.deps.db;
  const system = actingAsSystem(t.clock.now());
  const portion = portionMaker();
  const governments: WorldGovernment[] = [
    { code: "FR", partner: true, pointOfContact: true, ladderSize: FRANCE_LADDER.length },
    { code: "US", partner: true, pointOfContact: false, ladderSize: TELEGRAM_CODES.length },
  ];
  const specs = governmentsOf(spec);
  for (const g of spec.governments) {
    const code = await makeGovernment(t, {
      status: g.standing === "candidate" ? "candidate" : "partner",
      admittedOn: g.standing === "partner" ? "2000-01-01" : g.standing === "later" ? "2009-06-01" : null,
    });
    if (g.telegrams) await db.transaction((tx) => setGovernmentLadder(tx, system, code, TELEGRAM_LADDER));
    governments.push({
      code,
      partner: g.standing === "partner",
      pointOfContact: false,
      ladderSize: GENERIC_LADDER.length,
    });
  }
  const ladderCodes = (i: number) =>
    i === 0 ? FRANCE_LADDER : specs[i]?.telegrams ? TELEGRAM_CODES : GENERIC_LADDER;

  const readers = [];
  for (const u of spec.users) {
    const i = u.government % governments.length;
    const g = governments[i] as WorldGovernment;
    const national = Math.min(u.national, g.ladderSize - 1);
    const username = await makeUser(t, {
      government: g.code,
      roles: u.roles,
      regimeClearance: REGIME_CODES[u.regime],
      nationalClearance: ladderCodes(i)[national],
    });
    readers.push({ username, government: g.code, roles: u.roles, regime: u.regime, national });
  }

  // Each Partner's papers are written by a delegate cleared for the regime's every marking: the
  // scenario's for France and the United States, one of its own for a government of the world.
  const partners = governments.filter((g) => g.partner);
  const writers = new Map<string, string>([
    ["FR", "fr.poc"],
    ["US", "us.delegate"],
  ]);
  const writerOf = async (code: string) => {
    const known = writers.get(code);
    if (known) return known;
    const made = await makeUser(t, { government: code, roles: ["delegate"], regimeClearance: "RC" });
    writers.set(code, made);
    return made;
  };
  const poc = await actingAsUser(t, "fr.poc");
  const papers: WorldPaper[] = [];
  const meetings = new Set<number>([await meetingIdOf(t, poc, CANBERRA_TEM)]);
  for (const p of spec.papers) {
    const g = partners[p.government % partners.length] as WorldGovernment;
    const who = await actingAsUser(t, await writerOf(g.code));
    const portions = [p.title, p.summary, ...p.sections].map((r) => portion(r, REGIME_CODES[r] ?? "?"));
    const text = (x: WorldPortion) => `The ${x.canary} words about ${x.term}`;
    const [title, summary, ...sections] = portions as [WorldPortion, WorldPortion, ...WorldPortion[]];
    const meetingId = p.forMeeting ? await meetingIdOf(t, who, CANBERRA_TEM) : null;
    const row = await db.transaction((tx) =>
      createPaper(tx, who, {
        kind: "ie_paper",
        title: { text: text(title), marking: REGIME_CODES[title.rank] ?? "RR" },
        summary: { text: text(summary), marking: REGIME_CODES[summary.rank] ?? "RR" },
        sections: sections.map((s) => ({
          heading: null,
          text: text(s),
          marking: REGIME_CODES[s.rank] ?? "RR",
        })),
        countryOfOrigin: "Testland",
        meetingId,
        agendaItem: null,
        submit: p.stage !== "draft",
      }),
    );
    const final =
      p.stage === "circulated" ? await db.transaction((tx) => circulatePaper(tx, poc, { id: row.id })) : row;
    if (meetingId) meetings.add(meetingId);
    papers.push({
      id: final.id,
      number: final.number,
      ref: paperRef(final),
      government: g.code,
      stage: p.stage,
      meetingId,
      portions,
    });
  }

  const holders = governments.filter((_, i) => i === 1 || specs[i]?.telegrams);
  const telegrams: WorldTelegram[] = [];
  for (const [serial, tg] of spec.telegrams.entries()) {
    telegrams.push(await importOne(t, holders, tg, serial, portion));
  }
  const terms = [...papers, ...telegrams].flatMap((r) => r.portions.map((p) => p.term));
  return {
    governments,
    readers,
    papers,
    telegrams,
    meetings: [...meetings],
    missing: { paper: 99999, telegram: 999999, meeting: 99999 },
    terms,
  };
}

async function importOne(
  t: TestContext,
  holders: WorldGovernment[],
  tg: TelegramSpec,
  serial: number,
  portion: ReturnType<typeof portionMaker>,
): Promise<WorldTelegram> {
  const g = holders[tg.government % holders.length] as WorldGovernment;
  const subject = portion(tg.subject, TELEGRAM_CODES[tg.subject] ?? "?");
  const paragraphs = tg.paragraphs.map((r) => portion(r, TELEGRAM_CODES[r] ?? "?"));
  const outcomes: { id: number; messageRef: string | null }[] = [];
  const summary = await importTelegrams(
    t.deps.db,
    [{ name: `world-${serial}.txt`, bytes: Buffer.from(telegramText(serial, subject, paragraphs)) }],
    {
      space: g.code,
      actor: SYSTEM_ACTOR,
      clock: t.clock,
      onOutcome: (o) => {
        if (o.status === "imported") outcomes.push(o);
      },
    },
  );
  const made = outcomes[0];
  if (!made?.messageRef)
    throw new Error(`the world's telegram ${serial} was not imported: ${JSON.stringify(summary)}`);
  return { id: made.id, messageRef: made.messageRef, government: g.code, portions: [subject, ...paragraphs] };
}
