/**
 * Reads every output the manifests list for every reader of a world, and says what each shows
 * that the reader may not see: a withheld portion's words, a record outside their spaces or stage,
 * a list or count that is not the records they may see, a hidden record answered unlike a missing one.
 */
import type { OutputCase } from "../../../src/core/authz.js";
import type { TestContext } from "../context.js";
import {
  expectedRecords,
  type Kind,
  portionsFor,
  referencePatterns,
  seesMeeting,
  seesPaper,
  seesTelegram,
  type World,
  type WorldReader,
} from "./oracle.js";
import { type Output, readOutput } from "./read.js";

export interface Stats {
  worlds: number;
  readers: number;
  outputs: number;
  /** The world's portions, each with its own token. */
  portions: number;
  /** Portions checked against outputs, and of those the withheld ones. */
  canaries: number;
  withheld: number;
}

interface Request {
  path: string;
  /** The record the path names, when it names one of the world's (or a missing one). */
  record?: { kind: Kind; id: number; visible: boolean; missing: boolean };
  term?: string;
}

const PLACEHOLDER = /\{(paper|telegram|meeting|term|calendar)\}/;

/** A reader's search words: those of portions they may read and of portions they may not, in turn. */
function termsFor(world: World, reader: WorldReader, count: number, offset: number): string[] {
  const all = portionsFor(world, reader);
  const seen = all.filter((p) => p.visible).map((p) => p.portion.term);
  const hidden = all.filter((p) => !p.visible).map((p) => p.portion.term);
  const out: string[] = [];
  for (let i = 0; out.length < count && i < all.length; i++) {
    const from = i % 2 === 0 ? seen : hidden;
    const term = from[(offset + Math.floor(i / 2)) % Math.max(from.length, 1)];
    if (term && !out.includes(term)) out.push(term);
  }
  return out;
}

function expand(
  world: World,
  reader: WorldReader,
  c: OutputCase,
  terms: string[],
  calendar: string,
): Request[] {
  const m = PLACEHOLDER.exec(c.path);
  if (!m) return [{ path: c.path }];
  const at = (v: string | number) => c.path.replace(m[0], String(v));
  switch (m[1]) {
    case "paper":
      return [
        ...world.papers.map((p) => ({
          path: at(p.ref),
          record: {
            kind: "paper" as const,
            id: p.id,
            visible: seesPaper(world, reader, p),
            missing: false,
          },
        })),
        {
          path: at(world.missing.paper),
          record: { kind: "paper", id: world.missing.paper, visible: false, missing: true },
        },
      ];
    case "telegram":
      return [
        ...world.telegrams.map((x) => ({
          path: at(x.id),
          record: {
            kind: "telegram" as const,
            id: x.id,
            visible: seesTelegram(world, reader, x),
            missing: false,
          },
        })),
        {
          path: at(world.missing.telegram),
          record: { kind: "telegram", id: world.missing.telegram, visible: false, missing: true },
        },
      ];
    case "meeting":
      return [
        ...world.meetings.map((id) => ({
          path: at(id),
          record: { kind: "meeting" as const, id, visible: seesMeeting(world, reader), missing: false },
        })),
        {
          path: at(world.missing.meeting),
          record: { kind: "meeting", id: world.missing.meeting, visible: false, missing: true },
        },
      ];
    case "term":
      return terms.map((term) => ({ path: at(encodeURIComponent(term)), term }));
    default:
      return [{ path: at(calendar) }];
  }
}

/** The answer with the path asked for taken out, to compare a hidden record's with a missing one's. */
const withoutPath = (o: Output, path: string) =>
  `${o.status} ${o.raw.toString("latin1").split(path).join("{path}")}`;

/**
 * What a log echoes of its own government's requests: the addresses and the search words the
 * world's readers of that government asked for. A log shows what its people asked (a refused
 * address, a query), which names records or words the log's reader may not see; what is checked
 * is that it shows nothing more — no withheld text, no record named by anyone else.
 */
function echoesOf(
  world: World,
  reader: WorldReader,
  outputs: readonly OutputCase[],
  searches: number,
): string[] {
  const echoes = new Set<string>();
  for (const [i, other] of world.readers.entries()) {
    if (other.government !== reader.government) continue;
    const terms = termsFor(world, other, searches, i);
    for (const term of terms) echoes.add(term);
    for (const c of outputs)
      for (const r of expand(world, other, c, terms, "calendar")) echoes.add(r.path.split("?")[0] as string);
  }
  return [...echoes].sort((a, b) => b.length - a.length);
}

const strip = (text: string, echoes: readonly string[]) =>
  echoes.reduce((s, e) => s.split(e).join(" "), text);

/** What one answer shows that the reader may not see. */
function problemsOf(
  world: World,
  reader: WorldReader,
  c: OutputCase,
  r: Request,
  given: Output,
  stats: Stats,
  echoes: readonly string[],
): string[] {
  const o = c.log ? { ...given, text: strip(given.text, echoes), plain: strip(given.plain, echoes) } : given;
  const where = `${r.path} as ${reader.username} (${reader.government} ${reader.roles.join("+")} regime ${reader.regime} national ${reader.national}) → ${o.status}`;
  const problems: string[] = [];
  const text = `${o.text}\n${o.plain}`.toLowerCase();
  for (const p of portionsFor(world, reader)) {
    stats.canaries++;
    if (p.visible) continue;
    stats.withheld++;
    if (text.includes(p.portion.canary.toLowerCase())) problems.push(`${where}: shows ${p.portion.canary}`);
    if (r.term !== p.portion.term && text.includes(p.portion.term))
      problems.push(`${where}: shows the word ${p.portion.term} of ${p.portion.canary}`);
  }
  const named = new Set<string>();
  for (const ref of referencePatterns(world)) {
    if (!ref.pattern.test(o.text) && !ref.pattern.test(o.plain)) continue;
    named.add(`${ref.kind}:${ref.ref}`);
    const record =
      ref.kind === "paper"
        ? world.papers.find((p) => p.id === ref.ref)
        : world.telegrams.find((x) => x.id === ref.ref);
    const visible =
      ref.kind === "paper"
        ? seesPaper(world, reader, record as World["papers"][number])
        : seesTelegram(world, reader, record as World["telegrams"][number]);
    if (!visible) problems.push(`${where}: names ${ref.kind} ${ref.ref}, which the reader may not see`);
  }
  if (c.lists && o.status === 200) {
    const got = [...named].filter((n) => n.startsWith(`${c.lists}:`)).map((n) => Number(n.split(":")[1]));
    const want = expectedRecords(world, reader, c.lists, r.term);
    if (got.sort((a, b) => a - b).join() !== want.join())
      problems.push(
        `${where}: lists the ${c.lists}s [${got.join(", ")}], the reader may see [${want.join(", ")}]`,
      );
  }
  if (c.total && r.term !== undefined && o.status === 200) {
    const total = c.total(JSON.parse(o.text));
    const kinds: ("paper" | "telegram")[] = c.lists ? [c.lists] : ["paper", "telegram"];
    const want = kinds.reduce((n, k) => n + expectedRecords(world, reader, k, r.term).length, 0);
    if (total !== want)
      problems.push(`${where}: counts ${total} holding ${r.term}, the reader may see ${want}`);
  }
  if (c.shows && r.record?.visible && o.status === 200) {
    for (const p of portionsFor(world, reader)) {
      if (!p.visible || p.kind !== r.record.kind || p.ref !== r.record.id) continue;
      if (!text.includes(p.portion.canary.toLowerCase()))
        problems.push(`${where}: does not show ${p.portion.canary}, which the reader may see`);
    }
  }
  return problems;
}

/** Every output for every reader of the world (those that show logs once more at the end). */
export async function checkWorld(
  t: TestContext,
  world: World,
  outputs: readonly OutputCase[],
  searches: number,
  stats: Stats,
): Promise<string[]> {
  const problems: string[] = [];
  const auth = new Map<string, { token: string; cookie: string; calendar: string }>();
  for (const reader of world.readers) {
    const token = await t.token(reader.username);
    const { cookie } = await t.session(reader.username);
    const feed = await t.request("/api/v1/me/calendar", { headers: { authorization: `Bearer ${token}` } });
    const url = ((await feed.json()) as { url: string }).url;
    auth.set(reader.username, { token, cookie, calendar: url.replace(/^.*\//, "").replace(/\.ics$/, "") });
  }
  const pass = async (cases: readonly OutputCase[]) => {
    for (const [i, reader] of world.readers.entries()) {
      const a = auth.get(reader.username) as { token: string; cookie: string; calendar: string };
      const terms = termsFor(world, reader, searches, i);
      const echoes = echoesOf(world, reader, outputs, searches);
      for (const c of cases) {
        const requests = expand(world, reader, c, terms, a.calendar);
        const missing = requests.find((r) => r.record?.missing);
        const missingOut = missing ? await readOutput(t, reader.username, missing.path, a) : null;
        for (const r of requests) {
          const o =
            r === missing && missingOut ? missingOut : await readOutput(t, reader.username, r.path, a);
          stats.outputs++;
          if (r.record && !r.record.visible && !r.record.missing && missing && missingOut) {
            if (withoutPath(o, r.path) !== withoutPath(missingOut, missing.path))
              problems.push(
                `${r.path} as ${reader.username}: a ${r.record.kind} the reader may not see answers ${o.status} unlike a missing one (${missingOut.status}): ${o.text.slice(0, 300)}`,
              );
            continue;
          }
          problems.push(...problemsOf(world, reader, c, r, o, stats, echoes));
        }
      }
    }
  };
  await pass(outputs);
  await pass(outputs.filter((c) => c.log));
  stats.worlds++;
  stats.portions += [...world.papers, ...world.telegrams].reduce((n, r) => n + r.portions.length, 0);
  stats.readers += world.readers.length;
  return problems;
}
