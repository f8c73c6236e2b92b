// Search over 250,000 generated papers on PostgreSQL: the same full-text query with the reader's
// access in it (as `search()` runs it, snippets and facets included) and without, in one run.
// Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/search.ts [count]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { defaultSite } from "../src/app.js";
import { DEMO_START, fixedClock } from "../src/core/clock.js";
import { openPostgres, rowsOf } from "../src/core/db/index.js";
import { loadReader, userByUsername } from "../src/directory/repo.js";
import { seedScenario } from "../src/scenario/seed.js";
import { search } from "../src/search/search.js";

const SOURCES = defaultSite().search;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const COUNT = Number(process.argv[2] ?? 250_000);
const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!server) {
  console.error(
    "Set BENCH_DATABASE_URL to a PostgreSQL server (its user must be allowed to create databases).",
  );
  process.exit(2);
}
// BENCH_REUSE names a database an earlier run kept (BENCH_KEEP=1): only the queries run again,
// for instance after changing the server's settings.
const reuse = process.env.BENCH_REUSE;
const name = reuse ?? `plenary_bench_search_${process.pid}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const database = await openPostgres(url.toString());
const db = database.db;
const clock = fixedClock(DEMO_START);

// A vocabulary of 20,000 words (the seed telegram's, then made-up ones), drawn by Zipf's law as
// words are in real text: the word of rank r with weight 1/r, so the commonest is in most papers
// and the rarest in a few hundred of them.
const REAL =
  fs
    .readFileSync(path.join(ROOT, "src/scenario/data/STATE-08-070895.txt"), "utf8")
    .toLowerCase()
    .match(/[a-z]{4,}/g) ?? [].filter((w, i, a) => a.indexOf(w) === i);
let seed = 2008;
const rand = () => {
  // mulberry32: 32-bit arithmetic throughout, so the sequence does not lose precision.
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ren",
  "tor",
  "sa",
  "vel",
  "qui",
  "dan",
  "pe",
  "nor",
  "zu",
  "bri",
  "ost",
  "lam",
  "ter",
];
const VOCAB = [...REAL];
const seen = new Set(VOCAB);
while (VOCAB.length < 20_000) {
  const w = Array.from(
    { length: 2 + Math.floor(rand() * 3) },
    () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)],
  ).join("");
  if (!seen.has(w)) {
    seen.add(w);
    VOCAB.push(w);
  }
}
const n = VOCAB.length;
const cumulative: number[] = [];
let sum = 0;
for (let r = 1; r <= n; r++) {
  sum += 1 / r;
  cumulative.push(sum);
}
const word = () => {
  const x = rand() * sum;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo] ?? "";
};
const words = (k: number) => Array.from({ length: k }, word).join(" ");

async function build() {
  await database.migrate();
  await seedScenario(db, clock);
  // Papers from every Partner, mostly circulated, with portions marked across the regime ladder.
  await db.execute(sql`
    insert into paper_counters (regime, last) values ('mtcr', 0) on conflict (regime) do nothing`);
  await db.execute(
    sql.raw(`
    insert into papers (number, kind, space, government_code, country_of_origin, status, banner, title_rank, dedupe_key, version,
                        created_at, submitted_at, circulated_at, status_changed_at)
    select 1000 + g, (array['proposal','ie_paper','presentation','report','matrix'])[1 + g % 5], 'regime',
           (array['US','GB','DE','FR','AU','JP','IT','CA','NL','ES'])[1 + g % 10], 'Somewhere',
           case when g % 10 < 8 then 'circulated' else 'submitted' end, g % 3, g % 2, 'bench-' || g, 1,
           timestamp '2000-01-01' + (g || ' minutes')::interval, timestamp '2000-01-01' + (g || ' minutes')::interval,
           case when g % 10 < 8 then timestamp '2000-01-02' + (g || ' minutes')::interval end,
           timestamp '2000-01-01' + (g || ' minutes')::interval
    from generate_series(1, ${COUNT}) g`),
  );
  await db.execute(sql.raw("update paper_counters set last = (select max(number) from papers)"));
  // Portions written in JSON batches; the server computes their search vectors.
  const ids = await rowsOf<{ id: number; title_rank: number }>(
    db,
    sql`select id, title_rank from papers where dedupe_key like 'bench-%' order by id`,
  );
  for (let i = 0; i < ids.length; i += 2000) {
    const batch = ids.slice(i, i + 2000).flatMap((p) => [
      { paper_id: p.id, part: "title", body: words(8), rank: p.title_rank },
      { paper_id: p.id, part: "summary", body: words(40), rank: p.id % 3 },
      { paper_id: p.id, part: "section", body: words(120), rank: p.id % 3 },
    ]);
    await db.execute(sql`
      insert into paper_portions (paper_id, space, part, ordinal, heading, body, rank, search)
      select x.paper_id, 'regime', x.part, 0, null, x.body, x.rank, to_tsvector('english', x.body)
      from json_to_recordset(${JSON.stringify(batch)}::json) as x(paper_id int, part text, body text, rank int)`);
  }
  await db.execute(sql.raw("analyze"));
}

const started = performance.now();
try {
  if (!reuse) await build();
  const built = (performance.now() - started) / 1000;

  const [{ n: papersN } = { n: 0 }] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from papers`,
  );
  const [{ n: portionsN } = { n: 0 }] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from paper_portions`,
  );
  const gb = await userByUsername(db, "gb.delegate");
  const reader = gb ? await loadReader(db, gb.id, clock.now()) : null;
  if (!reader) throw new Error("the scenario has no gb.delegate");
  // One-word queries from across the vocabulary, skipping the 200 commonest words (a search for
  // "the" ranks everything); two-word queries as people type them, of words that occur together:
  // two of the less common words of the summary of a paper spread across the register.
  const single = Array.from({ length: 60 }, (_, i) => VOCAB[200 + Math.floor((i / 60) * (n - 200))] ?? "");
  const rankOf = new Map(VOCAB.map((w, i) => [w, i]));
  const summaries = await rowsOf<{ body: string }>(
    db,
    sql`select pp.body from paper_portions pp join papers p on p.id = pp.paper_id
        where p.dedupe_key like 'bench-%' and pp.part = 'summary' and p.id % ${Math.max(1, Math.floor(COUNT / 60))} = 0
        order by p.id limit 60`,
  );
  const pairs = summaries.flatMap(({ body }) => {
    const uncommon = [...new Set(body.split(" ").filter((w) => (rankOf.get(w) ?? 0) >= 200))];
    return uncommon.length >= 2 ? [`${uncommon[0]} ${uncommon[1]}`] : [];
  });
  const terms = [...single, ...pairs];
  const time = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  for (const q of terms.slice(0, 5)) await search(db, reader, SOURCES, { q, limit: 20, offset: 0 });
  const withAccess: number[] = [];
  const without: number[] = [];
  const matched: number[] = [];
  const kinds: ("one" | "two")[] = [];
  for (const q of terms) {
    kinds.push(q.includes(" ") ? "two" : "one");
    withAccess.push(
      await time(async () => {
        matched.push((await search(db, reader, SOURCES, { q, limit: 20, offset: 0 })).total);
      }),
    );
    without.push(
      await time(() =>
        rowsOf(
          db,
          sql`select p.id, max(ts_rank_cd(pp.search, websearch_to_tsquery('english', ${q}))) as score
              from papers p join paper_portions pp on pp.paper_id = p.id
              where pp.search @@ websearch_to_tsquery('english', ${q})
              group by p.id order by score desc limit 20`,
        ),
      ),
    );
  }
  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return Number((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0).toFixed(2));
  };
  const pick = (xs: number[], k: "one" | "two") => xs.filter((_, i) => kinds[i] === k);
  const report = {
    date: new Date().toISOString(),
    server: (await rowsOf<{ v: string }>(db, sql`select version() as v`))[0]?.v,
    papers: papersN,
    portions: portionsN,
    buildSeconds: Number(built.toFixed(1)),
    queries: terms.length,
    withAccess: { p50Ms: pct(withAccess, 50), p95Ms: pct(withAccess, 95) },
    withoutAccess: { p50Ms: pct(without, 50), p95Ms: pct(without, 95) },
    serverSettings: Object.fromEntries(
      (
        await rowsOf<{ name: string; setting: string; unit: string | null }>(
          db,
          sql`select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem', 'random_page_cost', 'jit', 'effective_cache_size')`,
        )
      ).map((r) => [r.name, r.unit ? `${r.setting} × ${r.unit}` : r.setting]),
    ),
    oneWord: {
      medianMatches: pct(pick(matched, "one"), 50),
      withAccess: { p50Ms: pct(pick(withAccess, "one"), 50), p95Ms: pct(pick(withAccess, "one"), 95) },
      withoutAccess: { p50Ms: pct(pick(without, "one"), 50), p95Ms: pct(pick(without, "one"), 95) },
    },
    twoWords: {
      medianMatches: pct(pick(matched, "two"), 50),
      withAccess: { p50Ms: pct(pick(withAccess, "two"), 50), p95Ms: pct(pick(withAccess, "two"), 95) },
      withoutAccess: { p50Ms: pct(pick(without, "two"), 50), p95Ms: pct(pick(without, "two"), 95) },
    },
    targets: { p50Ms: 10, p95Ms: 50 },
  };
  console.log(
    `\n${papersN} papers, ${portionsN} portions, built in ${report.buildSeconds} s; ${terms.length} queries`,
  );
  console.log(`${"".padEnd(34)}${"p50".padStart(10)}${"p95".padStart(10)}`);
  const rows: [string, { p50Ms: number; p95Ms: number }][] = [
    ["one word, with the access", report.oneWord.withAccess],
    ["one word, no access filter", report.oneWord.withoutAccess],
    ["two words, with the access", report.twoWords.withAccess],
    ["two words, no access filter", report.twoWords.withoutAccess],
    ["all, with the access", report.withAccess],
    ["all, no access filter", report.withoutAccess],
  ];
  for (const [label, r] of rows) {
    console.log(`${label.padEnd(34)}${`${r.p50Ms} ms`.padStart(10)}${`${r.p95Ms} ms`.padStart(10)}`);
  }
  console.log(
    `records matched, median: one word ${report.oneWord.medianMatches}, two words ${report.twoWords.medianMatches}`,
  );
  console.log("targets: p50 ≤ 10 ms, p95 ≤ 50 ms (with access)");
  const out = path.join(ROOT, "bench/results/search.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
} finally {
  await database.close();
  if (!process.env.BENCH_KEEP) await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  else console.log(`kept database ${name}`);
  await admin.end();
}
