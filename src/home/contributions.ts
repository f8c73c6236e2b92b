import type { Reader } from "../core/access/reader.js";
import type { Deps } from "../core/http/env.js";

/** One line of the home page's agenda: a meeting or a deadline the reader may see. */
export interface AgendaItem {
  kind: "meeting" | "deadline";
  title: string;
  /** ISO date or instant the item starts or falls due. */
  when: string;
  href: string | null;
  note?: string;
}

export type AgendaSource = (deps: Deps, reader: Reader, now: Date) => Promise<AgendaItem[]>;

const sources: AgendaSource[] = [];

/** Capabilities add what they put on the home page's agenda here. */
export function addAgendaSource(source: AgendaSource): void {
  sources.push(source);
}

export async function upcoming(deps: Deps, reader: Reader, now: Date): Promise<AgendaItem[]> {
  const lists = await Promise.all(sources.map((s) => s(deps, reader, now)));
  return lists.flat().sort((a, b) => a.when.localeCompare(b.when));
}
