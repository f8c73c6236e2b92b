import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { REGIME_LADDER } from "../../core/access/markings.js";
import type { Reader } from "../../core/access/reader.js";
import { type AppEnv, actingOf, type Ctx } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  ErrorSummary,
  FileField,
  Form,
  MarkingSelect,
  SummaryList,
  Tag,
  TextField,
  Withheld,
} from "../../core/pages/components.js";
import { emptyForm, type FormState } from "../../core/pages/form.js";
import { governmentByCode } from "../../directory/index.js";
import { meetingTitles } from "../../meetings/index.js";
import type { PaperOutput } from "../contract.js";
import { mayAttach, mayChange, mayCirculate, mayWithdraw } from "../policy.js";
import { presentPaper } from "../present.js";
import { readPaper } from "../queries.js";
import { PAPER_KIND_LABELS, type PaperRef, parsePaperRef } from "../rules.js";
import { Banner, Portion, STATUS_COLOURS, utcText } from "./parts.js";

/** The forms of a paper's page, each with what was typed in it when it was refused. */
export interface PaperForms {
  attach: FormState;
  submit: FormState;
  circulate: FormState;
  withdraw: FormState;
}

const blank = (): PaperForms => ({
  attach: emptyForm("f"),
  submit: emptyForm("s"),
  circulate: emptyForm("c"),
  withdraw: emptyForm("w"),
});

const NOTICES = {
  submitted: "Submitted to the Point of Contact.",
  drafted: "Kept as a draft of your government.",
  withdrawn: "Withdrawn.",
  circulated: "Circulated to all Partners.",
  attached: "File attached as a new version.",
  issued: "The draft agenda is issued as this paper.",
  changed: "Saved as a new version.",
};

const Files: FC<{ p: PaperOutput; reader: Reader; form: FormState; csrf: string | null }> = ({
  p,
  reader,
  form,
  csrf,
}) => (
  <section aria-labelledby="files-title">
    <h2 class="govuk-heading-m" id="files-title">
      Files
    </h2>
    {p.files.length === 0 ? <p class="govuk-body">No files.</p> : null}
    <ul class="govuk-list">
      {p.files.map((f) =>
        f.withheld ? (
          <li>
            <Withheld marking={f.marking} />
          </li>
        ) : (
          <li>
            <a class="govuk-link" href={`/api/v1/papers/${p.ref}/files/${f.id}`}>
              {f.filename}
            </a>{" "}
            ({f.marking}, version {f.version}, {Math.ceil((f.size ?? 0) / 1024)} KB)
          </li>
        ),
      )}
    </ul>
    <p class="govuk-body">
      <a class="govuk-link" href={`/api/v1/papers/${p.ref}/word`}>
        Download as a Word document
      </a>
    </p>
    {mayAttach.allows(reader, { governmentCode: p.government }) && p.status !== "withdrawn" ? (
      <Form
        action={`/papers/${p.ref}/files`}
        csrf={csrf}
        enctype="multipart/form-data"
        class="plenary-inline-form"
      >
        <FileField
          form={form}
          name="file"
          label="File (PDF, DOCX, XLSX, PPTX; at most 10 MB)"
          accept=".pdf,.docx,.xlsx,.pptx"
        />
        <MarkingSelect form={form} name="marking" label="Marking" ladder={REGIME_LADDER} value={p.marking} />
        <Button>Attach</Button>
      </Form>
    ) : null}
  </section>
);

const Actions: FC<{ p: PaperOutput; reader: Reader; forms: PaperForms; csrf: string | null }> = ({
  p,
  reader,
  forms,
  csrf,
}) => {
  const owner = { governmentCode: p.government };
  const open = p.status !== "withdrawn";
  const any =
    (mayChange.allows(reader, owner) && open) ||
    (mayCirculate.allows(reader) && !p.circulatedAt && open) ||
    (mayWithdraw.allows(reader, owner) && open);
  if (!any) return null;
  return (
    <section aria-labelledby="actions-title">
      <h2 class="govuk-heading-m" id="actions-title">
        Actions
      </h2>
      {mayChange.allows(reader, owner) && open ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/papers/${p.ref}/edit`}>
            Change this paper
          </a>
        </p>
      ) : null}
      {mayChange.allows(reader, owner) && p.status === "draft" ? (
        <Form action={`/papers/${p.ref}/status`} csrf={csrf}>
          <input type="hidden" name="status" value="submitted" />
          <Button>Submit to the Point of Contact</Button>
        </Form>
      ) : null}
      {mayCirculate.allows(reader) && !p.circulatedAt && open ? (
        <Form action={`/papers/${p.ref}/circulate`} csrf={csrf}>
          <Button>Circulate to all Partners</Button>
        </Form>
      ) : null}
      {mayWithdraw.allows(reader, owner) && open ? (
        <Form action={`/papers/${p.ref}/status`} csrf={csrf} class="plenary-inline-form">
          <input type="hidden" name="status" value="withdrawn" />
          <TextField form={forms.withdraw} name="reason" label="Reason for withdrawal" />
          <Button warning>Withdraw</Button>
        </Form>
      ) : null}
    </section>
  );
};

const PaperView: FC<{
  p: PaperOutput;
  reader: Reader;
  meeting: string | null;
  from: string;
  forms: PaperForms;
  csrf: string | null;
}> = ({ p, reader, meeting, from, forms, csrf }) => {
  const refused = Object.values(forms).find((f) => f.problems.length > 0);
  return (
    <article aria-labelledby="paper-title">
      <ErrorSummary form={refused} />
      <Banner marking={p.marking} />
      <p class="govuk-body">
        <strong>{p.label}</strong> · {PAPER_KIND_LABELS[p.kind]} ·{" "}
        <Tag colour={STATUS_COLOURS[p.status] ?? "grey"}>{p.status}</Tag>
        {p.late ? (
          <strong class="late" id="late">
            {" "}
            · submitted {p.late.text}
          </strong>
        ) : null}
      </p>
      <h1 class="govuk-heading-l" id="paper-title">
        {p.title.withheld ? <Withheld marking={p.title.marking} /> : p.title.text}
      </h1>
      <SummaryList
        rows={[
          { key: "Country of origin", value: p.countryOfOrigin ?? "—" },
          { key: "From", value: from },
          { key: "Meeting", value: meeting ?? "—" },
          { key: "Agenda item", value: p.agendaItem ?? "—" },
          { key: "Version", value: String(p.version) },
          { key: "Circulated", value: p.circulatedAt ? p.circulatedAt.slice(0, 10) : "not yet" },
          { key: "Due", value: p.dueAt ? utcText(p.dueAt) : null },
        ]}
      />
      {p.summary ? (
        <section aria-labelledby="summary-title">
          <h2 class="govuk-heading-m" id="summary-title">
            Summary
          </h2>
          <Portion p={p.summary} />
        </section>
      ) : null}
      {p.sections.length ? (
        <section aria-labelledby="text-title">
          <h2 class="govuk-heading-m" id="text-title">
            Text
          </h2>
          {p.sections.map((s) => (
            <Portion p={s} />
          ))}
        </section>
      ) : null}
      <Files p={p} reader={reader} form={forms.attach} csrf={csrf} />
      <Actions p={p} reader={reader} forms={forms} csrf={csrf} />
      <Banner marking={p.marking} position="bottom" />
    </article>
  );
};

/** A paper's page, read for the reader (and audited as read); a refused form comes back filled in. */
export async function paperPage(
  c: Ctx,
  number: PaperRef,
  refused: Partial<PaperForms> = {},
  status: ContentfulStatusCode = 200,
) {
  const who = actingOf(c);
  const { view, meeting, from } = await c.get("deps").db.transaction(async (tx) => {
    const detail = await readPaper(tx, who, number);
    const id = detail.paper.meetingId;
    const titles = await meetingTitles(tx, who.reader, id === null ? [] : [id]);
    const government = await governmentByCode(tx, detail.paper.governmentCode);
    return {
      view: presentPaper(who.reader, detail),
      meeting: id === null ? null : (titles.get(id) ?? null),
      from: government?.name ?? detail.paper.governmentCode,
    };
  });
  return renderPage(
    c,
    view.label,
    <PaperView
      p={view}
      reader={who.reader}
      meeting={meeting}
      from={from}
      forms={{ ...blank(), ...refused }}
      csrf={csrfOf(c)}
    />,
    { status, notice: status === 200 ? noticeOf(c, NOTICES) : null },
  );
}

export function paperPages(app: Hono<AppEnv>): void {
  app.get("/papers/:number{(?:draft-)?[0-9]+}", (c) => paperPage(c, parsePaperRef(c.req.param("number"))));
}
