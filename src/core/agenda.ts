import { type Reader, spacesOf } from "./access/reader.js";
import type { AgendaItem, AgendaSource } from "./capability.js";
import type { Deps } from "./http/env.js";

/** The home page's agenda: what each capability's agenda sources (their manifests) put on it. */

/**
 * Meetings and deadlines are read by space alone, so the agenda is the same for every reader in
 * the same spaces within the hour; the home page is the most visited page, so it is kept for a
 * few seconds, per database, and dropped at once when a meeting or a deadline changes in this process.
 */
const TTL_MS = 5_000;
const cache = new WeakMap<object, Map<string, { at: number; items: AgendaItem[] }>>();

/**
 * Called inside the transaction that changes a meeting or a deadline: a request before its commit
 * still reads the old agenda, so none is kept for TTL_MS.
 */
export function invalidateAgenda(): void {
  generation++;
  uncachedUntil = performance.now() + TTL_MS;
}
let generation = 0;
let uncachedUntil = 0;

export async function upcoming(
  deps: Deps,
  sources: readonly AgendaSource[],
  reader: Reader,
  now: Date,
): Promise<AgendaItem[]> {
  const key = `${generation}|${spacesOf(reader).join(",")}|${now.toISOString().slice(0, 13)}`;
  let byKey = cache.get(deps.db);
  if (!byKey) {
    byKey = new Map();
    cache.set(deps.db, byKey);
  }
  const hit = byKey.get(key);
  if (hit && performance.now() - hit.at < TTL_MS) return hit.items;
  const lists = await Promise.all(sources.map((s) => s(deps, reader, now)));
  const items = lists.flat().sort((a, b) => a.when.localeCompare(b.when));
  if (performance.now() < uncachedUntil) return items;
  if (byKey.size > 1000) byKey.clear();
  byKey.set(key, { at: performance.now(), items });
  return items;
}
