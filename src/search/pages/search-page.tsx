import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type AppEnv, readerOf } from "../../core/http/env.js";
import { toAppError } from "../../core/http/errors.js";
import { renderPage } from "../../core/http/render.js";
import { Button, ErrorSummary, PortionMark, Select, TextField } from "../../core/pages/components.js";
import { emptyForm, type FormState, formWithProblems } from "../../core/pages/form.js";
import { Snippet } from "../../core/pages/snippet.js";
import { SearchQuery } from "../contract.js";
import { kindsOf, type SearchResult, searchFor } from "../search.js";

type Kind = { type: string; label: string };

const PAGE = 50;
const LABELS = { q: "Words", type: "In" };

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "papers and telegrams", "papers, telegrams and decisions". */
function everything(kinds: readonly Kind[]): string {
  const labels = kinds.map((k) => k.label);
  const last = labels.pop();
  return labels.length ? `${labels.join(", ")} and ${last}` : (last ?? "everything");
}

const Results: FC<{ result: SearchResult; kinds: readonly Kind[] }> = ({ result, kinds }) => (
  <section aria-labelledby="results-title">
    <h2 class="govuk-heading-m" id="results-title">
      {result.total} result{result.total === 1 ? "" : "s"}
    </h2>
    <p class="govuk-body-s muted">
      {kinds.map((k) => `${capitalised(k.label)}: ${result.facets[k.type] ?? 0}`).join(" · ")}
    </p>
    <ol class="govuk-list govuk-list--number">
      {result.hits.map((h) => (
        <li>
          <a class="govuk-link" href={h.href}>
            {h.ref}
          </a>{" "}
          <PortionMark marking={h.marking} />{" "}
          {h.titleWithheld ? <span class="withheld">title withheld</span> : h.title}
          {h.snippet ? (
            <p class="govuk-body-s muted">
              <Snippet text={h.snippet} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  </section>
);

const SearchPage: FC<{ form: FormState; kinds: readonly Kind[]; result: SearchResult | null }> = ({
  form,
  kinds,
  result,
}) => (
  <>
    <h1 class="govuk-heading-l">Search</h1>
    <ErrorSummary form={form} />
    <search>
      <form
        method="get"
        action="/search"
        class="plenary-inline-form"
        aria-label={`Search ${everything(kinds)}`}
      >
        <TextField form={form} name="q" label={LABELS.q} type="search" width={20} />
        <Select
          form={form}
          name="type"
          label={LABELS.type}
          choices={[
            { value: "", label: everything(kinds) },
            ...kinds.map((k) => ({ value: k.type, label: k.label })),
          ]}
        />
        <Button>Search</Button>
      </form>
    </search>
    {result ? <Results result={result} kinds={kinds} /> : null}
  </>
);

export function registerSearchPage(app: Hono<AppEnv>): void {
  app.get("/search", async (c) => {
    const reader = readerOf(c);
    const sources = c.get("site").search;
    const kinds = kindsOf(sources);
    const typed = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ""));
    if (!typed.q)
      return renderPage(c, "Search", <SearchPage form={emptyForm("s")} kinds={kinds} result={null} />);
    let status: ContentfulStatusCode = 200;
    let form = emptyForm("s", typed);
    let result: SearchResult | null = null;
    let title = "Search";
    try {
      // The API's own contract and the same check of the type against the registered sources.
      const q = SearchQuery.parse(typed);
      result = await searchFor(c.get("deps").db, reader, sources, q, PAGE);
      title = `Search: ${q.q}`;
    } catch (e) {
      const err = toAppError(e);
      if (err.status !== 400) throw e;
      form = formWithProblems("s", typed, err.fields, err.message, { labels: LABELS });
      status = 400;
    }
    return renderPage(c, title, <SearchPage form={form} kinds={kinds} result={result} />, { status });
  });
}
