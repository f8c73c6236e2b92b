/**
 * The world as built, and who may see what in it — computed from the world's own facts, written
 * out here apart from the access module (`src/core/access`), so the property can catch it wrong.
 */

export interface WorldGovernment {
  code: string;
  /** Its standing today: a government admitted later is not yet a Partner. */
  partner: boolean;
  pointOfContact: boolean;
  /** How many markings its ladder has. */
  ladderSize: number;
}

export interface WorldReader {
  username: string;
  government: string;
  roles: string[];
  regime: number;
  national: number;
}

/** A portion of a record: its marking's rank on its space's ladder, and the words only it holds. */
export interface WorldPortion {
  rank: number;
  /** A token nothing else holds, e.g. CANARY-RC-007. */
  canary: string;
  /** A search word nothing else holds. */
  term: string;
}

export interface WorldPaper {
  /** Its id: how the oracle names it (a draft has no POC DOC number). */
  id: number;
  number: number | null;
  /** Its address: the number, or "draft-" and the id. */
  ref: string;
  government: string;
  stage: "draft" | "submitted" | "circulated";
  meetingId: number | null;
  portions: WorldPortion[];
}

export interface WorldTelegram {
  id: number;
  messageRef: string;
  /** Its space: the government it belongs to. */
  government: string;
  portions: WorldPortion[];
}

export interface World {
  governments: WorldGovernment[];
  readers: WorldReader[];
  papers: WorldPaper[];
  telegrams: WorldTelegram[];
  /** The meetings the world's pages name (those its papers are for, and the Canberra experts meeting). */
  meetings: number[];
  /** Ids no record has, whose answers a hidden record's must equal. */
  missing: { paper: number; telegram: number; meeting: number };
  /** The search words each reader looks for. */
  terms: string[];
}

export type Kind = "paper" | "telegram" | "meeting";

function governmentOf(world: World, code: string): WorldGovernment {
  const g = world.governments.find((x) => x.code === code);
  if (!g) throw new Error(`the world has no government ${code}`);
  return g;
}

export function isPartner(world: World, reader: WorldReader): boolean {
  return governmentOf(world, reader.government).partner;
}

/**
 * A paper is in the regime's space: a Partner's reader sees their own government's at every
 * stage, every circulated one, and — the Point of Contact's secretariat — every submitted one.
 */
export function seesPaper(world: World, reader: WorldReader, paper: WorldPaper): boolean {
  if (!isPartner(world, reader)) return false;
  if (paper.government === reader.government || paper.stage === "circulated") return true;
  const poc = governmentOf(world, reader.government).pointOfContact && reader.roles.includes("secretariat");
  return poc && paper.stage !== "draft";
}

/** A telegram is in its government's national space: that government's people, and no one else. */
export function seesTelegram(_world: World, reader: WorldReader, telegram: WorldTelegram): boolean {
  return telegram.government === reader.government;
}

/** Meetings are the regime's records: every Partner's people. */
export function seesMeeting(world: World, reader: WorldReader): boolean {
  return isPartner(world, reader);
}

/** Every portion of the world, with whether the reader may read it. */
export function portionsFor(
  world: World,
  reader: WorldReader,
): { portion: WorldPortion; kind: "paper" | "telegram"; ref: number; visible: boolean }[] {
  return [
    ...world.papers.flatMap((p) =>
      p.portions.map((portion) => ({
        portion,
        kind: "paper" as const,
        ref: p.id,
        visible: seesPaper(world, reader, p) && portion.rank <= reader.regime,
      })),
    ),
    ...world.telegrams.flatMap((t) =>
      t.portions.map((portion) => ({
        portion,
        kind: "telegram" as const,
        ref: t.id,
        visible: seesTelegram(world, reader, t) && portion.rank <= reader.national,
      })),
    ),
  ];
}

/** The records of a kind the reader may see; with a term, those holding it in a portion they may read. */
export function expectedRecords(
  world: World,
  reader: WorldReader,
  kind: "paper" | "telegram",
  term?: string,
): number[] {
  const found = portionsFor(world, reader).filter(
    (p) => p.kind === kind && (term === undefined ? true : p.portion.term === term && p.visible),
  );
  const ids = new Set(found.map((p) => p.ref));
  if (term !== undefined) return [...ids].sort((a, b) => a - b);
  const visible =
    kind === "paper"
      ? world.papers.filter((p) => seesPaper(world, reader, p)).map((p) => p.id)
      : world.telegrams.filter((t) => seesTelegram(world, reader, t)).map((t) => t.id);
  return visible.sort((a, b) => a - b);
}

/** The ways an output names a paper or a telegram, as patterns that match nothing else. */
export function referencePatterns(
  world: World,
): { kind: "paper" | "telegram"; ref: number; pattern: RegExp }[] {
  const n = (s: string | number) => `${s}(?![0-9])`;
  return [
    ...world.papers.map((p) => {
      const draft = `draft-${n(p.id)}`;
      const numbered =
        p.number === null
          ? []
          : [
              `POC DOC ${n(p.number)}`,
              `/papers/${n(p.number)}`,
              `"number":${n(p.number)}`,
              `paper:${n(p.number)}`,
            ];
      return {
        kind: "paper" as const,
        ref: p.id,
        pattern: new RegExp(
          [...numbered, `/papers/${draft}`, `paper:${draft}`, `"ref":"${draft}"`].join("|"),
          "i",
        ),
      };
    }),
    ...world.telegrams.map((t) => ({
      kind: "telegram" as const,
      ref: t.id,
      pattern: new RegExp(`${t.messageRef}|/telegrams/${n(t.id)}|telegram:${n(t.id)}`, "i"),
    })),
  ];
}
