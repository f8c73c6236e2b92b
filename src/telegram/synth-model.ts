// Synthetic telegram models: realistic headers, markings, tags, references and paragraph trees,
// drawn from a seeded generator so every run gives the same telegrams.

import { parseClassifiedBy } from "./classified-by.js";
import { formatDtg } from "./dtg.js";
import { parseExecutiveOrder } from "./eo.js";
import { marking } from "./marking.js";
import type {
  Addressee,
  Block,
  BodyNode,
  ClassificationLevel,
  MarkingLevel,
  PrecedenceName,
  Telegram,
} from "./model.js";
import { emptyTelegram } from "./model.js";
import { parseReference } from "./references.js";
import { tagKind } from "./tags.js";

/** mulberry32: small, fast, and good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const POSTS = [
  ["AMEMBASSY PARIS", "PARIS", "FR"],
  ["AMEMBASSY BERLIN", "BERLIN", "GM"],
  ["AMEMBASSY TOKYO", "TOKYO", "JA"],
  ["AMEMBASSY CANBERRA", "CANBERRA", "AS"],
  ["AMEMBASSY MOSCOW", "MOSCOW", "RS"],
  ["AMEMBASSY NEW DELHI", "NEW DELHI", "IN"],
  ["AMCONSUL RIO DE JANEIRO", "RIO DE JANEIRO", "BR"],
  ["USMISSION USNATO", "USNATO", "NATO"],
  ["AMEMBASSY SEOUL", "SEOUL", "KS"],
  ["AMEMBASSY OTTAWA", "OTTAWA", "CA"],
] as const;
const COLLECTIVES = [
  "MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE",
  "EU MEMBER STATES COLLECTIVE",
  "NATO EU COLLECTIVE",
];
const SUBJECT_TAGS = [
  "PARM",
  "PREL",
  "MNUC",
  "ETTC",
  "TSPA",
  "PGOV",
  "ECON",
  "MARR",
  "PINR",
  "KNNP",
  "KSCA",
  "MTCRE",
  "OVIP (SMITH, JOHN)",
];
const SENTENCES = [
  "The Partners agreed to continue the discussion at the next Plenary.",
  "Embassy officers delivered the points to the Foreign Ministry on Tuesday.",
  "The host government has not yet decided how it will vote on the proposal.",
  "Washington appreciates the close cooperation of the Point of Contact in preparing the meeting.",
  "Officials said the licensing review would be completed within the coming weeks.",
  "The delegation will report on the outcome of the technical experts meeting.",
  "Our interlocutor stressed that national export controls had been amended to reflect the Annex.",
  "Several Partners asked that papers be circulated at least four weeks in advance.",
  "The Chair intends to raise the issue of outreach to non-Partners at the plenary session.",
  "Post will continue to follow the matter closely and report any developments.",
  "The Ministry noted that the new regulations entered into force earlier this year.",
  "Representatives from industry attended the seminar and asked detailed questions about enforcement.",
];
const HEADINGS = [
  "PLENARY PREPARATIONS",
  "TECHNICAL EXPERTS MEETING",
  "INFORMATION EXCHANGE",
  "OUTREACH",
  "MEMBERSHIP",
  "LICENSING AND ENFORCEMENT",
];
const INSTRUCTIONS = [
  "EMBASSY REP SHOULD:",
  "AS APPROPRIATE, EMBASSY REP SHOULD:",
  "IF RAISED, EMBASSY REP SHOULD:",
  "AS NECESSARY AND APPROPRIATE, EMBASSY REP SHOULD:",
];
const POINTS = [
  "Thank the host for its leadership in organizing a successful meeting.",
  "Urge Partners to submit new proposals at least eight weeks in advance.",
  "Note that the United States looks forward to a productive Plenary.",
  "Encourage Partners to circulate their papers through the Point of Contact.",
  "Advise Partners that the United States supports the proposed dates.",
  "Refer any specific proposals to Washington for guidance.",
];
const PEOPLE = [
  ["ISN/MTR Director", "Pam Durham"],
  ["Ambassador", "Craig R. Stapleton"],
  ["Political Counselor", "Kathleen M. Allen"],
  ["DCM", "Mark Pekala"],
];
const LEVELS: readonly MarkingLevel[] = ["U", "SBU", "C", "S"];

function sentences(r: Rng, lo: number, hi: number): string {
  const n = int(r, lo, hi);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(r, SENTENCES));
  return out.join(" ");
}

function addressee(name: string, r: Rng, prec: PrecedenceName | null): Addressee {
  return {
    routing: r() < 0.2 ? pick(r, ["RUEHFR", "RUEHRL", "RUEHKO"]) : null,
    name,
    precedence: prec,
    serial: r() < 0.3 ? String(int(r, 1000, 9999)) : null,
    collective: name.endsWith("COLLECTIVE"),
    exclusions: name.endsWith("COLLECTIVE") && r() < 0.3 ? ["AMEMBASSY PARIS"] : [],
  };
}

export function synthModel(r: Rng): Telegram {
  const t = emptyTelegram();
  const ms = Date.UTC(1998, 0, 1) + Math.floor(r() * (Date.UTC(2010, 0, 1) - Date.UTC(1998, 0, 1)));
  const instant = `${new Date(Math.floor(ms / 60000) * 60000).toISOString().slice(0, 16)}:00Z`;
  const dtgText = formatDtg(instant);
  const [post, station, geo] = pick(r, POSTS);
  const fromState = r() < 0.4;
  const actionP = pick(r, ["IMMEDIATE", "PRIORITY", "ROUTINE"] as const);
  const infoP = r() < 0.5 ? "ROUTINE" : null;
  const letters: Record<string, string> = { IMMEDIATE: "O", PRIORITY: "P", ROUTINE: "R" };
  t.heading = {
    formatLines:
      r() < 0.4
        ? [
            "VZCZCXYZ0005",
            "OO RUEHWEB",
            `DE RUEHC #${int(r, 1000, 9999)} ${int(r, 1000000, 3659999)}`,
            "ZNY CCCCC ZZH",
          ]
        : [],
    precedence: {
      text: infoP ? `${letters[actionP]} ${letters[infoP]}` : (letters[actionP] as string),
      action: actionP,
      info: infoP,
    },
    dtg: { text: dtgText, instant },
    from: fromState ? "SECSTATE WASHDC" : post,
    to: [addressee(fromState ? post : "SECSTATE WASHDC", r, r() < 0.6 ? actionP : null)],
    info: r() < 0.6 ? [addressee(pick(r, COLLECTIVES), r, null)] : [],
  };
  const level: ClassificationLevel = pick(r, [
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "CONFIDENTIAL",
    "SECRET",
  ] as const);
  const top: MarkingLevel = level === "UNCLASSIFIED" ? "SBU" : level === "CONFIDENTIAL" ? "C" : "S";
  const spaced = r() < 0.3 && level !== "UNCLASSIFIED";
  t.classification = {
    level,
    text: level === "UNCLASSIFIED" ? "UNCLAS" : spaced ? level.split("").join(" ") : level,
    letterSpaced: spaced,
    section: r() < 0.2 ? { index: 1, of: int(r, 2, 4) } : null,
  };
  const st = fromState ? "STATE" : station;
  const serial = String(int(r, 100, 199999)).padStart(6, "0");
  const yy = instant.slice(2, 4);
  t.reference = {
    year: yy,
    station: st,
    serial,
    id: `${yy}${st.replace(/\s+/g, "")}${Number(serial)}`,
    display: `${st} ${serial}`,
  };
  if (r() < 0.7) t.captions.push("SIPDIS");
  if (level === "UNCLASSIFIED") t.captions.push("SENSITIVE");
  if (r() < 0.3) t.passing.push("DEPARTMENT FOR ISN/MTR");
  const declYear = Number(instant.slice(0, 4)) + int(r, 10, 25);
  const eoText =
    level === "UNCLASSIFIED" ? "N/A" : `DECL: ${instant.slice(5, 7)}/${instant.slice(8, 10)}/${declYear}`;
  t.executiveOrder = parseExecutiveOrder(`E.O. 12958: ${eoText}`);
  const tags = [pick(r, SUBJECT_TAGS), pick(r, SUBJECT_TAGS), geo];
  t.tags = [...new Set(tags)].map((x) => ({ text: x, kind: tagKind(x) }));
  const lv = (): MarkingLevel => LEVELS[int(r, 0, LEVELS.indexOf(top))] as MarkingLevel;
  t.subject = {
    text: `${pick(r, HEADINGS)}: ${pick(r, HEADINGS)}`,
    marking: marking(top === "SBU" ? "SBU" : lv(), "trail"),
  };
  const nRefs = int(r, 0, 4);
  for (let i = 0; i < nRefs; i++) {
    const text = pick(r, [
      `STATE ${int(r, 100, 199999)}`,
      `${station} ${int(r, 10, 9999)}`,
      `0${int(r, 5, 8)} STATE ${int(r, 100, 9999)}`,
      "SMITH-JONES E-MAIL OF 03/04/08",
      `STATE ${int(r, 100, 9999)} (NOTAL)`,
    ]);
    t.references.push(parseReference(nRefs > 1 ? String.fromCharCode(65 + i) : null, text));
  }
  if (level !== "UNCLASSIFIED") {
    const [title, name] = pick(r, PEOPLE);
    t.classifiedBy = parseClassifiedBy(`${title} ${name}. Reasons: 1.4 (b) and (d).`);
  }
  const body = synthBody(r, lv, t.blocks);
  t.body = body.nodes;
  t.actionRequest = body.action;
  t.signature = pick(r, ["RICE", "STAPLETON", "PEKALA", "CLINTON", null]);
  t.end =
    r() < 0.5 ? { lines: ["BT", `#${int(r, 1000, 9999)}`, "NNNN"], markers: [] } : { lines: [], markers: [] };
  return t;
}

function synthBody(
  r: Rng,
  lv: () => MarkingLevel,
  blocks: Block[],
): { nodes: BodyNode[]; action: Telegram["actionRequest"] } {
  const n = int(r, 2, 12);
  const nodes: BodyNode[] = [];
  let action: Telegram["actionRequest"] = null;
  for (let i = 1; i <= n; i++) {
    const path = [nodes.length];
    let text = sentences(r, 1, 4);
    if (i === 1 && r() < 0.4) {
      const target = int(r, 2, n);
      text = `This is an action request. Please see paragraph ${target}.`;
      action = { paragraph: 1, pointsTo: target };
    }
    const p: BodyNode & { kind: "paragraph" } = {
      kind: "paragraph",
      number: i,
      text,
      marking: marking(lv()),
      line: 0,
      children: [],
    };
    if (r() < 0.4) {
      for (let k = int(r, 1, 4); k > 0; k--) p.children.push(point(r, lv));
    }
    if (r() < 0.35) {
      const subs = int(r, 1, 5);
      for (let s = 0; s < subs; s++) {
        const sub: BodyNode & { kind: "subparagraph" } = {
          kind: "subparagraph",
          letter: String.fromCharCode(65 + s),
          text: pick(r, HEADINGS),
          headingMissing: false,
          marking: marking(lv()),
          line: 0,
          children: [],
        };
        const subPath = [...path, p.children.length];
        sub.children.push({
          kind: "text",
          text: `(BACKGROUND: ${sentences(r, 1, 3)} END BACKGROUND.)`,
          marking: marking(lv(), "trail"),
          line: 0,
        });
        blocks.push({
          kind: "BACKGROUND",
          openPath: [...subPath, 0],
          closePath: [...subPath, 0],
          openLine: 0,
          closeLine: 0,
        });
        sub.children.push({ kind: "text", text: pick(r, INSTRUCTIONS), marking: null, line: 0 });
        for (let k = int(r, 1, 4); k > 0; k--) sub.children.push(point(r, lv));
        p.children.push(sub);
      }
    }
    nodes.push(p);
  }
  return { nodes, action };
}

function point(r: Rng, lv: () => MarkingLevel): BodyNode {
  return {
    kind: "point",
    bullet: "--",
    text: pick(r, POINTS),
    marking: r() < 0.8 ? marking(lv(), "trail") : null,
    line: 0,
  };
}
