import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { REGIME_LADDER } from "../../core/access/markings.js";
import type { Reader } from "../../core/access/reader.js";
import { type AppEnv, actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  Checkbox,
  type Choice,
  DataTable,
  ErrorSummary,
  Form,
  MarkingSelect,
  Pagination,
  pageHref,
  pageParam,
  paging,
  Select,
  Tag,
  TextArea,
  TextField,
  Withheld,
} from "../../core/pages/components.js";
import { emptyForm, type FormSpec, type FormState, submitForm } from "../../core/pages/form.js";
import { listGovernments } from "../../directory/index.js";
import { visibleMeetings } from "../../meetings/index.js";
import { auditList } from "../audit-list.js";
import { createPaper } from "../commands/create-paper.js";
import { NewPaper, type PaperListItem } from "../contract.js";
import { mayWrite } from "../policy.js";
import { presentListItem } from "../present.js";
import { countPapers, listPapers } from "../queries.js";
import { PAPER_KIND_LABELS, PAPER_KINDS, paperRef } from "../rules.js";
import { STATUS_COLOURS } from "./parts.js";

const LABELS = {
  kind: "Kind",
  title: "Title",
  titleMarking: "Title marking",
  countryOfOrigin: "Country of origin (shown on the title page)",
  summary: "Summary (at most 10 lines)",
  summaryMarking: "Summary marking",
  text: "Text (optional)",
  textMarking: "Text marking",
  meetingId: "Meeting",
  agendaItem: "Agenda item",
  draft: "Keep as a draft of my government",
};

/** The register's form in the shape of the API's contract for a new paper. */
export const newPaperForm: FormSpec<typeof NewPaper> = {
  prefix: "p",
  schema: NewPaper,
  read: (f) => ({
    kind: f.text("kind"),
    title: { text: f.text("title"), marking: f.text("titleMarking") },
    summary: { text: f.text("summary"), marking: f.text("summaryMarking") },
    sections: f.text("text") ? [{ text: f.text("text"), marking: f.text("textMarking") }] : [],
    countryOfOrigin: f.nullable("countryOfOrigin"),
    meetingId: f.id("meetingId"),
    agendaItem: f.nullable("agendaItem"),
    submit: !f.checked("draft"),
  }),
  fields: {
    "title.text": "title",
    "title.marking": "titleMarking",
    "summary.text": "summary",
    "summary.marking": "summaryMarking",
    "sections.0.marking": "textMarking",
    sections: "text",
    submit: "draft",
  },
  labels: LABELS,
};

const PAGE = 50;

const columns = (names: ReadonlyMap<string, string>) => [
  {
    header: "Number",
    cell: (p: PaperListItem) => (
      <a class="govuk-link" href={`/papers/${p.ref}`}>
        {p.label}
      </a>
    ),
  },
  {
    header: "Title",
    cell: (p: PaperListItem) => (p.titleWithheld ? <Withheld marking={p.titleMarking} /> : p.title),
  },
  { header: "Kind", cell: (p: PaperListItem) => PAPER_KIND_LABELS[p.kind] },
  { header: "From", cell: (p: PaperListItem) => names.get(p.government) ?? p.government },
  { header: "Marking", cell: (p: PaperListItem) => <span class="marking">{p.marking}</span> },
  {
    header: "Status",
    cell: (p: PaperListItem) => (
      <>
        <Tag colour={STATUS_COLOURS[p.status] ?? "grey"}>{p.status}</Tag>
        {p.late ? <strong class="late"> — {p.late.text}</strong> : null}
      </>
    ),
  },
];

const SubmitForm: FC<{ form: FormState; csrf: string | null; meetings: Choice[] }> = ({
  form,
  csrf,
  meetings,
}) => (
  <section aria-labelledby="submit-title">
    <h2 class="govuk-heading-m" id="submit-title">
      Submit a paper
    </h2>
    <Form action="/papers" csrf={csrf}>
      <Select
        form={form}
        name="kind"
        label={LABELS.kind}
        choices={PAPER_KINDS.map((k) => ({ value: k, label: PAPER_KIND_LABELS[k] }))}
      />
      <TextField form={form} name="title" label={LABELS.title} />
      <MarkingSelect
        form={form}
        name="titleMarking"
        label={LABELS.titleMarking}
        ladder={REGIME_LADDER}
        value="RR"
      />
      <TextField form={form} name="countryOfOrigin" label={LABELS.countryOfOrigin} />
      <TextArea form={form} name="summary" label={LABELS.summary} rows={6} />
      <MarkingSelect
        form={form}
        name="summaryMarking"
        label={LABELS.summaryMarking}
        ladder={REGIME_LADDER}
        value="RR"
      />
      <TextArea form={form} name="text" label={LABELS.text} rows={6} />
      <MarkingSelect
        form={form}
        name="textMarking"
        label={LABELS.textMarking}
        ladder={REGIME_LADDER}
        value="RR"
      />
      <Select form={form} name="meetingId" label={LABELS.meetingId} choices={meetings} />
      <TextField form={form} name="agendaItem" label={LABELS.agendaItem} />
      <Checkbox form={form} name="draft" label={LABELS.draft} />
      <Button>Submit</Button>
    </Form>
  </section>
);

/** The meetings a paper may name: those the reader may see. */
export async function meetingChoices(c: Ctx, reader: Reader): Promise<Choice[]> {
  const rows = await visibleMeetings(c.get("deps").db, reader);
  return [{ value: "", label: "none" }, ...rows.map((m) => ({ value: String(m.id), label: m.title }))];
}

async function registerPage(c: Ctx, form: FormState = emptyForm("p"), status: ContentfulStatusCode = 200) {
  const reader = readerOf(c);
  const { db } = c.get("deps");
  const total = await countPapers(db, reader);
  const at = paging(total, pageParam(c.req.query("page")), PAGE);
  const papers = (await listPapers(db, reader, {}, { limit: PAGE, offset: at.offset })).map((r) =>
    presentListItem(reader, r),
  );
  await auditList(c, { page: at.page });
  const names = new Map((await listGovernments(db)).map((g) => [g.code, g.name]));
  const writes = mayWrite.allows(reader);
  return renderPage(
    c,
    "Papers",
    <>
      <ErrorSummary form={form} />
      <h1 class="govuk-heading-l">Papers</h1>
      <p class="govuk-body muted">
        The Point of Contact's register. You see your government's papers, every circulated paper, and at the
        Point of Contact the papers submitted to it.
      </p>
      <DataTable
        caption={`${total} paper${total === 1 ? "" : "s"}`}
        rows={papers}
        columns={columns(names)}
        empty="There are no papers you may see."
      />
      <Pagination paging={at} noun="papers" href={(n) => pageHref("/papers", {}, n)} />
      {writes ? <SubmitForm form={form} csrf={csrfOf(c)} meetings={await meetingChoices(c, reader)} /> : null}
    </>,
    { status },
  );
}

export function registerPages(app: Hono<AppEnv>): void {
  app.get("/papers", (c) => registerPage(c));

  app.post("/papers", async (c) => {
    const who = actingOf(c);
    const result = await submitForm(c, newPaperForm, (input) =>
      c.get("deps").db.transaction((tx) => createPaper(tx, who, input)),
    );
    if (!result.ok) return registerPage(c, result.form, result.status);
    const paper = result.value;
    return c.redirect(
      `/papers/${paperRef(paper)}?notice=${paper.status === "draft" ? "drafted" : "submitted"}`,
      303,
    );
  });
}
