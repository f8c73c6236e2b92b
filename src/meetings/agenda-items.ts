/**
 * A meeting's agenda as records: what a change of the agenda does to the items it has. Pure: no
 * I/O. Items keep their ids across changes — an entry naming an id, or else one with the same
 * title, is that item (moved, renamed or re-marked); the rest are new; items no entry names are
 * taken off the agenda (their rows and ids stay, for what links to them).
 */
import { allowedMarkings, type Ladder, REGIME_LADDER, rankOf } from "../core/access/markings.js";
import type { FieldProblem } from "./rules.js";

/** An item as a change names it: a title (with an optional marking), or an existing item by id. */
export interface AgendaEntry {
  id?: number | undefined;
  title: string;
  marking?: string | undefined;
}

export interface CurrentItem {
  id: number;
  title: string;
  rank: number;
}

export interface PlannedItem {
  /** The existing item this entry is; null for a new one. */
  id: number | null;
  position: number;
  title: string;
  rank: number;
}

export interface AgendaPlan {
  items: PlannedItem[];
  removed: number[];
}

const MARKED_LINE = /^\(\s*([A-Za-z][A-Za-z -]{0,39}?)\s*\)\s*(.+)$/;

/**
 * One line of an agenda as a person types it: "(RC) Membership" is the item "Membership" marked
 * RC; a line without a leading marking in brackets is its title alone. A bracketed start that is
 * not a marking on the ladder ("(IE) papers") stays part of the title.
 */
export function parseAgendaLine(line: string, ladder: Ladder = REGIME_LADDER): AgendaEntry {
  const text = line.trim();
  const m = MARKED_LINE.exec(text);
  if (m?.[1] && m[2] && rankOf(ladder, m[1]) !== null) return { title: m[2].trim(), marking: m[1].trim() };
  return { title: text };
}

/** The line that parses back to the item: its title, led by its marking when above the bottom. */
export function agendaLine(title: string, rank: number, ladder: Ladder = REGIME_LADDER): string {
  const level = ladder.levels[rank];
  return rank > 0 && level ? `(${level.code}) ${title}` : title;
}

const key = (title: string) => title.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The agenda after a change: `wanted` in order (strings are typed lines), matched to `current`.
 * Problems name the entry (`agenda.2.marking`) and say what is allowed.
 */
export function planAgenda(
  current: readonly CurrentItem[],
  wanted: readonly (string | AgendaEntry)[],
  ladder: Ladder = REGIME_LADDER,
): { ok: true; plan: AgendaPlan } | { ok: false; problems: FieldProblem[] } {
  const entries = wanted.map((w) => (typeof w === "string" ? parseAgendaLine(w, ladder) : w));
  const problems: FieldProblem[] = [];
  const byId = new Map(current.map((c) => [c.id, c]));
  const claimed = new Set<number>();
  entries.forEach((e, i) => {
    if (e.id === undefined) return;
    if (!byId.has(e.id))
      problems.push({ field: `agenda.${i}.id`, message: `item ${e.id} is not on this meeting's agenda` });
    else if (claimed.has(e.id))
      problems.push({ field: `agenda.${i}.id`, message: `item ${e.id} is named twice: name each item once` });
    else claimed.add(e.id);
  });
  const items: PlannedItem[] = entries.map((e, i) => {
    let match = e.id !== undefined ? byId.get(e.id) : undefined;
    if (e.id === undefined) {
      match = current.find((c) => !claimed.has(c.id) && key(c.title) === key(e.title));
      if (match) claimed.add(match.id);
    }
    let rank = match?.rank ?? 0;
    if (e.marking !== undefined) {
      const r = rankOf(ladder, e.marking);
      if (r === null)
        problems.push({
          field: `agenda.${i}.marking`,
          message: `${e.marking} is not a marking on the ${ladder.name.toLowerCase()} ladder: give ${allowedMarkings(ladder)}`,
        });
      else rank = r;
    }
    const title = e.title.trim();
    if (!title) problems.push({ field: `agenda.${i}.title`, message: "give the item's title" });
    return { id: match?.id ?? null, position: i + 1, title, rank };
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, plan: { items, removed: current.filter((c) => !claimed.has(c.id)).map((c) => c.id) } };
}
