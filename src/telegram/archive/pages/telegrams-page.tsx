import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type AppEnv, actingOf } from "../../../core/http/env.js";
import { toAppError } from "../../../core/http/errors.js";
import { renderPage } from "../../../core/http/render.js";
import { Button, DataTable, ErrorSummary, Select, TextField } from "../../../core/pages/components.js";
import { emptyForm, type FormState, formWithProblems } from "../../../core/pages/form.js";
import { Snippet } from "../../../core/pages/snippet.js";
import { TelegramQuery } from "../contract.js";
import type { TelegramSummary } from "../present.js";
import { listTelegrams } from "../queries.js";

const PAGE = 50;
const FILTERS = ["q", "from", "to", "origin", "tag", "classification"] as const;
const LABELS = {
  q: "Search",
  from: "Sent from",
  to: "Sent to",
  origin: "Origin",
  tag: "TAGS",
  classification: "Classification",
};

const minute = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "—");

const Subject: FC<{ t: TelegramSummary }> = ({ t }) => (
  <>
    {t.subjectWithheld ? <span class="withheld">subject withheld</span> : t.subject}
    {t.snippet ? (
      <p class="govuk-body-s muted">
        <Snippet text={t.snippet} />
      </p>
    ) : null}
  </>
);

const Pages: FC<{ filter: Record<string, string>; offset: number; shown: number; total: number }> = ({
  filter,
  offset,
  shown,
  total,
}) => {
  const at = (o: number) => `/telegrams?${new URLSearchParams({ ...filter, offset: String(o) })}`;
  return (
    <nav aria-label="Pages of results">
      <p class="govuk-body">
        {offset > 0 ? (
          <a class="govuk-link" href={at(Math.max(0, offset - PAGE))}>
            Newer
          </a>
        ) : null}{" "}
        {offset + shown < total ? (
          <a class="govuk-link" href={at(offset + PAGE)}>
            Older
          </a>
        ) : null}
      </p>
    </nav>
  );
};

const TelegramsPage: FC<{
  form: FormState;
  filter: Record<string, string>;
  total: number;
  items: TelegramSummary[];
  offset: number;
  ladder: string[];
  government: string;
}> = ({ form, filter, total, items, offset, ladder, government }) => (
  <>
    <h1 class="govuk-heading-l">Telegrams</h1>
    <p class="govuk-body muted">
      The telegrams of {government}'s national space. Portions above your clearance are withheld.
    </p>
    <ErrorSummary form={form} />
    <search>
      <form
        method="get"
        action="/telegrams"
        class="plenary-inline-form"
        aria-label="Search and filter telegrams"
      >
        <TextField form={form} name="q" label={LABELS.q} type="search" hint="e.g. Canberra TEM" width={20} />
        <TextField form={form} name="from" label={LABELS.from} type="date" />
        <TextField form={form} name="to" label={LABELS.to} type="date" />
        <TextField form={form} name="origin" label={LABELS.origin} hint="e.g. SECSTATE" width={10} />
        <TextField form={form} name="tag" label={LABELS.tag} hint="e.g. MTCRE" width={5} />
        <Select
          form={form}
          name="classification"
          label={LABELS.classification}
          choices={[{ value: "", label: "any" }, ...ladder.map((code) => ({ value: code, label: code }))]}
        />
        <Button secondary>Find</Button>
      </form>
    </search>
    <DataTable
      caption={`${total} telegram${total === 1 ? "" : "s"}${total > items.length ? `; ${offset + 1}–${offset + items.length} shown` : ""}`}
      rows={items}
      empty={`${total} telegrams match.`}
      columns={[
        {
          header: "Reference",
          cell: (t) => (
            <a class="govuk-link" href={`/telegrams/${t.id}`}>
              {t.messageRef ?? `#${t.id}`}
            </a>
          ),
        },
        { header: "Sent (UTC)", cell: (t) => minute(t.sentAt) },
        { header: "From", cell: (t) => t.originator ?? "—" },
        { header: "Classification", cell: (t) => <span class="marking">{t.classification}</span> },
        { header: "Subject", cell: (t) => <Subject t={t} /> },
      ]}
    />
    <Pages filter={filter} offset={offset} shown={items.length} total={total} />
  </>
);

export function registerTelegramsPage(app: Hono<AppEnv>): void {
  app.get("/telegrams", async (c) => {
    const who = actingOf(c);
    const raw = c.req.query();
    const filter: Record<string, string> = {};
    for (const k of FILTERS) if (raw[k]) filter[k] = raw[k];
    // The filter is read with the API's own contract; a bad one is shown beside its field.
    const parsed = TelegramQuery.safeParse({ ...filter, ...(raw.offset ? { offset: raw.offset } : {}) });
    let form = emptyForm("t", filter);
    let status: ContentfulStatusCode = 200;
    if (!parsed.success) {
      const err = toAppError(parsed.error);
      form = formWithProblems("t", filter, err.fields, err.message, { labels: LABELS });
      status = 400;
    }
    const offset = parsed.success ? (parsed.data.offset ?? 0) : 0;
    // A filter that cannot be read finds nothing: the form says what to put right.
    const result = parsed.success
      ? await c
          .get("deps")
          .db.transaction((tx) => listTelegrams(tx, who, { ...parsed.data, limit: PAGE, offset }))
      : { total: 0, telegrams: [] };
    return renderPage(
      c,
      "Telegrams",
      <TelegramsPage
        form={form}
        filter={filter}
        total={result.total}
        items={result.telegrams}
        offset={offset}
        ladder={who.reader.government.ladder.levels.map((l) => l.code)}
        government={who.reader.government.name}
      />,
      { status },
    );
  });
}
