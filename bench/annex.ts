// The Annex and the enactment matrix at size, on the embedded database: the difference between
// two versions of a 3,000-entry Annex (pure, and read from the database as the API answers it);
// the matrix page for 35 Partners × 20 amendment sets (p95 over repeated requests); its .xlsx.
// Run: npm run bench:annex
import { performance } from "node:perf_hooks";
import { type AmendmentChange, applyAmendments } from "../src/annex/amend.js";
import { applyAmendmentSet } from "../src/annex/commands/apply-amendment-set.js";
import { createAmendmentSet } from "../src/annex/commands/create-amendment-set.js";
import { createVersion } from "../src/annex/commands/create-version.js";
import { diffVersions } from "../src/annex/diff.js";
import { shownDiff } from "../src/annex/present.js";
import { amendmentSets } from "../src/annex/schema.js";
import type { AnnexNode } from "../src/annex/tree.js";
import { createApp } from "../src/app.js";
import { actingAsSystem } from "../src/core/acting.js";
import { createSession } from "../src/core/auth/sessions.js";
import { fixedClock } from "../src/core/clock.js";
import { loadConfig } from "../src/core/config.js";
import { openInMemory } from "../src/core/db/index.js";
import { silentLogger } from "../src/core/log.js";
import { listGovernments, loadReader, userByUsername } from "../src/directory/repo.js";
import { workbookFor } from "../src/enactment/api/routes.js";
import { reportEnactmentOf } from "../src/enactment/commands/report-enactment.js";
import { REPORT_STATUSES } from "../src/enactment/matrix.js";
import { partnerFrom } from "../src/enactment/queries.js";
import { seedScenario } from "../src/scenario/seed.js";

const NOW = new Date("2017-01-10T09:00:00Z");
const clock = fixedClock(NOW);
const database = await openInMemory();
await database.migrate();
const db = database.db;
await seedScenario(db, clock);
const system = actingAsSystem(NOW, "bench");

// A 3,000-entry Annex: 20 items, their five sub-groups, entries and sub-entries, with realistic text.
const WORDS =
  "rocket motor stage guidance set thrust vector control payload range km kg specially designed production equipment software technology usable systems specified".split(
    " ",
  );
let seed = 7;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const sentence = (n: number) =>
  Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");
const nodes: AnnexNode[] = [];
const add = (number: string, words: number) =>
  nodes.push({ number, text: sentence(words), notes: [], technicalNotes: [] });
for (let item = 1; item <= 20; item++) {
  add(String(item), 4);
  for (const t of ["A", "B", "C", "D", "E"]) {
    add(`${item}.${t}`, 3);
    for (let e = 1; e <= 5; e++) {
      add(`${item}.${t}.${e}`, 40);
      for (const s of "abcde") add(`${item}.${t}.${e}.${s}`, 30);
    }
  }
}
const entries = nodes.slice(0, 3000);
console.log(`Annex of ${entries.length} nodes`);
// A set touching one entry in ten: changed words, some added, some deleted.
const changes: AmendmentChange[] = [];
for (const [i, n] of entries.entries()) {
  if (i % 10 !== 5 || !n.number.includes(".A.") || n.number.split(".").length !== 4) continue;
  changes.push({
    op: "change",
    number: n.number,
    before: null,
    after: { text: `${n.text.slice(0, 80)} ${sentence(6)}`, notes: [], technicalNotes: [] },
  });
}
for (let i = 1; i <= 19; i++)
  changes.push({
    op: "add",
    number: `${i}.A.5.z`,
    before: null,
    after: { text: sentence(20), notes: [], technicalNotes: [] },
  });
const applied = applyAmendments(entries, changes);
if (!applied.ok) throw new Error(applied.problems[0]?.message);

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}
const pure: number[] = [];
for (let i = 0; i < 20; i++) pure.push(time(() => diffVersions(entries, applied.nodes)).ms);

const [base, set] = await db.transaction(async (tx) => {
  const v = await createVersion(tx, system, { label: "Bench 3000", asOf: "2016-01-01", nodes: entries });
  const s = await createAmendmentSet(tx, system, {
    title: "Bench set",
    meetingId: null,
    adoptedOn: "2016-02-01",
    updatesMeetingId: null,
    note: null,
    changes,
  });
  return [v, s] as const;
});
const next = await db.transaction((tx) =>
  applyAmendmentSet(tx, system, set.id, { versionId: base.id, label: "Bench 3000 next", asOf: "2016-02-01" }),
);
const poc = await userByUsername(db, "fr.poc");
const reader = poc ? await loadReader(db, poc.id, NOW) : null;
if (!poc || !reader) throw new Error("no fr.poc");
const fromDb: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  await shownDiff(db, reader, base.id, next.id);
  fromDb.push(performance.now() - t0);
}

// 20 amendment sets in all (Athens 2007 and 19 more, to 2016), reported by most Partners.
const govs = (await listGovernments(db)).filter((g) => partnerFrom(g) !== null);
for (let k = 1; k <= 18; k++) {
  const year = 2007 + Math.ceil(k / 2);
  const adoptedOn = `${Math.min(year, 2016)}-${k % 2 ? "04" : "11"}-1${k % 9}`;
  await db.transaction(async (tx) => {
    const s = await createAmendmentSet(tx, system, {
      title: `Set ${k}`,
      meetingId: null,
      adoptedOn,
      updatesMeetingId: null,
      note: null,
      changes: [{ op: "delete", number: "3.B.1", before: null, after: null }],
    });
    for (const [i, g] of govs.entries()) {
      const from = partnerFrom(g);
      if (!from || from > adoptedOn || (i + k) % 4 === 0) continue;
      const status = REPORT_STATUSES[(i + k) % 3] ?? "enacted";
      await reportEnactmentOf(
        tx,
        { ...system, now: new Date(`${adoptedOn}T12:00:00Z`) },
        {
          setId: s.id,
          governmentCode: g.code,
          status,
          instrument: status === "enacted" ? "National control list" : null,
          effectiveOn: status === "enacted" ? adoptedOn : null,
          sourceKind: null,
          sourceRef: null,
          note: null,
        },
      );
    }
  });
}
const setCount = (await db.select().from(amendmentSets)).length;
const deps = {
  database,
  db,
  clock,
  config: { ...loadConfig({ PLENARY_NOW: NOW.toISOString() }), clock },
  log: silentLogger,
};
const app = createApp(deps);
const { cookie } = await createSession(db, poc.id, clock, deps.config.session, {
  address: "127.0.0.1",
  userAgent: "bench",
});
const page = async () => {
  const res = await app.request(
    "/enactment",
    { headers: { cookie: `plenary_session=${cookie}`, accept: "text/html" } },
    { incoming: { socket: { remoteAddress: "127.0.0.1" } } },
  );
  if (res.status !== 200) throw new Error(`matrix page: ${res.status}`);
  return res.text();
};
const html = await page();
const rows = (html.match(/id="partner-/g) ?? []).length;
const pages: number[] = [];
for (let i = 0; i < 60; i++) {
  const t0 = performance.now();
  await page();
  pages.push(performance.now() - t0);
}
const xlsx: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  await workbookFor(db, reader, NOW);
  xlsx.push(performance.now() - t0);
}
await database.close();

const p = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ?? 0;
const line = (what: string, xs: number[], limit: number, q = 0.5) => {
  const v = p(xs, q);
  console.log(
    `${what.padEnd(58)} ${v.toFixed(1).padStart(8)} ms  (limit ${limit} ms) ${v <= limit ? "ok" : "OVER"}`,
  );
  return v <= limit;
};
console.log(`${changes.length} changes; matrix of ${rows} Partners × ${setCount} sets`);
const ok = [
  line("difference of two 3,000-entry versions, pure (median)", pure, 100),
  line("difference of two 3,000-entry versions, from the database (median)", fromDb, 100),
  line("matrix page, 35 Partners × 20 sets (p95)", pages, 50, 0.95),
  line(".xlsx of the matrix (median)", xlsx, 1000),
];
if (ok.includes(false)) process.exitCode = 1;
