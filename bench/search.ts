// Search over 250,000 generated papers on PostgreSQL: the same full-text query with the reader's
// access in it (as `search()` runs it, snippets and facets included) and without, in one run.
// Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/search.ts [count]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { DEMO_START, fixedClock } from "../src/core/clock.js";
import { openPostgres, rowsOf } from "../src/core/db/index.js";
import { loadReader, userByUsername } from "../src/directory/repo.js";
import { seedScenario } from "../src/scenario/seed.js";
import { search } from "../src/search/search.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const COUNT = Number(process.argv[2] ?? 250_000);
const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!server) {
  console.error(
    "Set BENCH_DATABASE_URL to a PostgreSQL server (its user must be allowed to create databases).",
  );
  process.exit(2);
}
const name = `plenary_bench_search_${process.pid}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const database = await openPostgres(url.toString());
const db = database.db;
const clock = fixedClock(DEMO_START);

// A vocabulary whose words are drawn with a Zipf-like skew, as words are in real text.
const VOCAB = fs
  .readFileSync(path.join(ROOT, "src/scenario/data/STATE-08-070895.txt"), "utf8")
  .toLowerCase()
  .match(/[a-z]{4,}/g)!
  .filter((w, i, a) => a.indexOf(w) === i);
const started = performance.now();
try {
  await database.migrate();
  await seedScenario(db, clock);
  await db.execute(
    sql`create table vocab as select w, row_number() over () as i from json_array_elements_text(${JSON.stringify(VOCAB)}::json) w`,
  );
  const n = VOCAB.length;
  // k words for one paper; the "+ 0 * p.id" ties the subquery to the row, so each paper gets its own.
  const words = (k: number) =>
    `(select string_agg(v.w, ' ') from generate_series(1, ${k}) g
        join vocab v on v.i = 1 + floor(power(random(), 2.2) * ${n})::int + 0 * p.id + 0 * g)`;
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
  for (const [part, k] of [
    ["title", 8],
    ["summary", 40],
    ["section", 120],
  ] as const) {
    await db.execute(
      sql.raw(`
      insert into paper_portions (paper_id, space, part, ordinal, heading, body, rank, search)
      select p.id, 'regime', '${part}', 0, null, t.body, case '${part}' when 'title' then p.title_rank else (p.id % 3) end, to_tsvector('english', t.body)
      from papers p cross join lateral (select ${words(k)} as body) t
      where p.dedupe_key like 'bench-%'`),
    );
  }
  await db.execute(sql.raw("analyze"));
  const built = (performance.now() - started) / 1000;

  const [{ n: papersN } = { n: 0 }] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from papers`,
  );
  const [{ n: portionsN } = { n: 0 }] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from paper_portions`,
  );
  const reader = await loadReader(db, (await userByUsername(db, "gb.delegate"))!.id, clock.now());
  // Query terms from the middle of the vocabulary: neither the commonest nor the rarest.
  const terms = VOCAB.slice(Math.floor(n * 0.05), Math.floor(n * 0.05) + 60);
  const time = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  for (const q of terms.slice(0, 5)) await search(db, reader!, { q, limit: 20, offset: 0 });
  const withAccess: number[] = [];
  const without: number[] = [];
  for (const q of terms) {
    withAccess.push(await time(() => search(db, reader!, { q, limit: 20, offset: 0 })));
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
    return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2));
  };
  const report = {
    date: new Date().toISOString(),
    server: (await rowsOf<{ v: string }>(db, sql`select version() as v`))[0]?.v,
    papers: papersN,
    portions: portionsN,
    buildSeconds: Number(built.toFixed(1)),
    queries: terms.length,
    withAccess: { p50Ms: pct(withAccess, 50), p95Ms: pct(withAccess, 95) },
    withoutAccess: { p50Ms: pct(without, 50), p95Ms: pct(without, 95) },
    targets: { p50Ms: 10, p95Ms: 50 },
  };
  console.log(
    `\n${papersN} papers, ${portionsN} portions, built in ${report.buildSeconds} s; ${terms.length} queries`,
  );
  console.log(`${"".padEnd(34)}${"p50".padStart(10)}${"p95".padStart(10)}`);
  console.log(
    `${"search() with the reader's access".padEnd(34)}${`${report.withAccess.p50Ms} ms`.padStart(10)}${`${report.withAccess.p95Ms} ms`.padStart(10)}`,
  );
  console.log(
    `${"same query, no access filter".padEnd(34)}${`${report.withoutAccess.p50Ms} ms`.padStart(10)}${`${report.withoutAccess.p95Ms} ms`.padStart(10)}`,
  );
  console.log("targets: p50 ≤ 10 ms, p95 ≤ 50 ms (with access)");
  const out = path.join(ROOT, "bench/results/search.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
} finally {
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.end();
}
