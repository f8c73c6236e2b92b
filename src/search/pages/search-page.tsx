import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type AppEnv, readerOf } from "../../core/http/env.js";
import { toAppError } from "../../core/http/errors.js";
import { renderPage } from "../../core/http/render.js";
import {
  Button,
  ErrorSummary,
  Pagination,
  PortionMark,
  pageHref,
  pageParam,
  paging,
  Select,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormState, formWithProblems } from "../../core/pages/form.js";
import { Snippet } from "../../core/pages/snippet.js";
import type { FacetCount } from "../../core/search-source.js";
import { auditSearch } from "../api.js";
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

/** One facet as links that narrow the search to a value, shown only where there is a choice. */
const FacetLine: FC<{
  label: string;
  counts: readonly FacetCount[];
  query: Record<string, string>;
  param: string;
}> = ({ label, counts, query, param }) =>
  counts.length > 1 && !query[param] ? (
    <p class="govuk-body-s muted">
      {label}:{" "}
      {counts.map((f, i) => (
        <>
          {i > 0 ? " · " : null}
          <a class="govuk-link" href={pageHref("/search", { ...query, [param]: f.value }, 1)}>
            {f.label ?? f.value}
          </a>
          : {f.count}
        </>
      ))}
    </p>
  ) : null;

const Results: FC<{
  result: SearchResult;
  kinds: readonly Kind[];
  page: number;
  perPage: number;
  query: Record<string, string>;
}> = ({ result, kinds, page, perPage, query }) => (
  <section aria-labelledby="results-title">
    <h2 class="govuk-heading-m" id="results-title">
      {result.total} result{result.total === 1 ? "" : "s"}
    </h2>
    <p class="govuk-body-s muted">
      {kinds.map((k) => `${capitalised(k.label)}: ${result.facets[k.type] ?? 0}`).join(" · ")}
    </p>
    {result.total > result.ranked ? (
      <p class="govuk-body-s muted">
        The newest {result.ranked.toLocaleString("en-GB")} are in order of relevance, best first; the others
        follow them, newest first.
      </p>
    ) : null}
    <FacetLine label="By meeting" counts={result.meetings} query={query} param="meeting" />
    <FacetLine label="By originator" counts={result.originators} query={query} param="originator" />
    <FacetLine label="By marking" counts={result.markings} query={query} param="marking" />
    {result.years.length > 1 ? (
      <p class="govuk-body-s muted">
        By year:{" "}
        {result.years.map((y, i) => (
          <>
            {i > 0 ? " · " : null}
            <a
              class="govuk-link"
              href={pageHref("/search", { ...query, q: `${query.q ?? ""} year:${y.year}` }, 1)}
            >
              {y.year}
            </a>
            : {y.count}
          </>
        ))}
      </p>
    ) : null}
    <ol class="govuk-list govuk-list--number" start={(page - 1) * perPage + 1}>
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
    <Pagination paging={paging(result.total, page, perPage)} href={(n) => pageHref("/search", query, n)} />
  </section>
);

const SearchPage: FC<{
  form: FormState;
  kinds: readonly Kind[];
  result: SearchResult | null;
  page?: number;
  perPage?: number;
  query?: Record<string, string>;
}> = ({ form, kinds, result, page, perPage, query }) => (
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
        <TextField
          form={form}
          name="q"
          label={LABELS.q}
          type="search"
          width={20}
          hint={`"in quotes" for a phrase, enact* for a prefix, -word to leave out; tags:MTCRE, from:PARIS, year:2008`}
        />
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
    {result ? (
      <Results result={result} kinds={kinds} page={page ?? 1} perPage={perPage ?? PAGE} query={query ?? {}} />
    ) : null}
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
    let page = pageParam(typed.page);
    let perPage = PAGE;
    try {
      // The API's own contract and the same check of the type against the registered sources.
      const q = SearchQuery.parse(typed);
      perPage = q.limit ?? PAGE;
      const { db } = c.get("deps");
      result = await searchFor(
        db,
        reader,
        sources,
        { ...q, offset: q.offset ?? (page - 1) * perPage },
        perPage,
      );
      // A page past the end shows the last one.
      const last = Math.max(1, Math.ceil(result.total / perPage));
      if (page > last && q.offset === undefined) {
        page = last;
        result = await searchFor(db, reader, sources, { ...q, offset: (last - 1) * perPage }, perPage);
      }
      title = `Search: ${q.q}`;
      await auditSearch(c, q);
    } catch (e) {
      const err = toAppError(e);
      if (err.status !== 400) throw e;
      form = formWithProblems("s", typed, err.fields, err.message, { labels: LABELS });
      status = 400;
    }
    return renderPage(
      c,
      title,
      <SearchPage form={form} kinds={kinds} result={result} page={page} perPage={perPage} query={typed} />,
      {
        status,
      },
    );
  });
}
