import { Hono } from "hono";
import type { FC } from "hono/jsx";
import { type AppEnv, readerOf } from "../core/http/env.js";
import { validationError } from "../core/http/errors.js";
import { renderPage } from "../core/http/render.js";
import { Snippet } from "../core/pages/snippet.js";
import { SearchQuery } from "./api.js";
import { type SearchResult, search } from "./search.js";

const SearchPage: FC<{
  q: string;
  type: string;
  result: SearchResult | null;
}> = ({ q, type, result }) => (
  <>
    <h1>Search</h1>
    <search>
      <form method="get" action="/search" class="inline" aria-label="Search papers and telegrams">
        <div>
          <label for="s-q">Words</label>
          <input id="s-q" name="q" type="search" value={q} required />
        </div>
        <div>
          <label for="s-type">In</label>
          <select id="s-type" name="type">
            <option value="">papers and telegrams</option>
            <option value="paper" selected={type === "paper"}>
              papers
            </option>
            <option value="telegram" selected={type === "telegram"}>
              telegrams
            </option>
          </select>
        </div>
        <button type="submit">Search</button>
      </form>
    </search>
    {result ? (
      <section aria-labelledby="results-title">
        <h2 id="results-title">
          {result.total} result{result.total === 1 ? "" : "s"}
        </h2>
        <p class="muted">
          Papers: {result.facets.paper ?? 0} · Telegrams: {result.facets.telegram ?? 0}
        </p>
        <ol>
          {result.hits.map((h) => (
            <li>
              <a href={h.href}>{h.ref}</a> <span class="marking">({h.marking})</span>{" "}
              {h.titleWithheld ? <span class="withheld">title withheld</span> : h.title}
              {h.snippet ? (
                <p class="muted">
                  <Snippet text={h.snippet} />
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    ) : null}
  </>
);

export function searchPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/search", async (c) => {
    const reader = readerOf(c);
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ""));
    if (!raw.q) return renderPage(c, "Search", <SearchPage q="" type="" result={null} />);
    const parsed = SearchQuery.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error);
    const result = await search(c.get("deps").db, reader, c.get("site").search, {
      ...parsed.data,
      meetingId: parsed.data.meeting,
      limit: parsed.data.limit ?? 50,
      offset: parsed.data.offset ?? 0,
    });
    return renderPage(
      c,
      `Search: ${parsed.data.q}`,
      <SearchPage q={parsed.data.q} type={parsed.data.type ?? ""} result={result} />,
    );
  });
  return app;
}
