import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Reader } from "../../core/access/reader.js";
import { type AppEnv, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  DataTable,
  ErrorSummary,
  Form,
  Select,
  TextArea,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormState } from "../../core/pages/form.js";
import { localDay } from "../../meetings/index.js";
import { mayDecide, mayIssueAgenda, mayRunCall, mayVolunteer } from "../policy.js";
import { type ContributionRow, contributionsOf, type VisibleCall, visibleCall } from "../queries.js";
import { closingText, DecisionCell, PlaceCell } from "./parts.js";

/** The forms of a call's page, each with what was typed in it when it was refused. */
export interface CallForms {
  decisions: FormState;
  agenda: FormState;
  volunteer: FormState;
  closing: FormState;
}

const blank = (): CallForms => ({
  decisions: emptyForm("d"),
  agenda: emptyForm("a"),
  volunteer: emptyForm("v"),
  closing: emptyForm("k"),
});

export const VOLUNTEER_LABELS = {
  kind: "Kind",
  title: "Title",
  countryOfOrigin: "Country of origin",
  summary: "Summary (at most 10 lines)",
};

const NOTICES = {
  opened: "The call is open, and circulated as a paper.",
  volunteered: "Your contribution is proposed to the chair.",
  decided: "Decisions saved.",
  moved: "The closing day is changed.",
};

const Decisions: FC<{ id: number; list: ContributionRow[]; form: FormState; csrf: string | null }> = ({
  id,
  list,
  form,
  csrf,
}) => (
  <Form action={`/calls/${id}/order`} csrf={csrf}>
    <DataTable
      caption="Accept, decline and order the contributions (the agenda builder)"
      rows={list}
      empty="Nothing has been volunteered yet."
      columns={[
        {
          header: "Contribution",
          cell: (x) => (
            <>
              {x.title} ({x.countryOfOrigin}, {x.kind})
              {x.lateSeconds > 0 ? <strong class="late"> late</strong> : null}
              <p class="govuk-body-s muted">{x.summary}</p>
            </>
          ),
        },
        { header: "Decision", cell: (x) => <DecisionCell form={form} x={x} /> },
        { header: "Place", cell: (x) => <PlaceCell form={form} x={x} /> },
      ]}
    />
    {list.length > 0 ? <Button>Save decisions</Button> : null}
  </Form>
);

const VolunteerForm: FC<{ id: number; form: FormState; csrf: string | null }> = ({ id, form, csrf }) => (
  <section aria-labelledby="vol-title">
    <h2 class="govuk-heading-m" id="vol-title">
      Volunteer a contribution
    </h2>
    <Form action={`/calls/${id}/contributions`} csrf={csrf}>
      <Select
        form={form}
        name="kind"
        label={VOLUNTEER_LABELS.kind}
        choices={[
          { value: "presentation", label: "Presentation" },
          { value: "paper", label: "Paper" },
        ]}
      />
      <TextField form={form} name="title" label={VOLUNTEER_LABELS.title} />
      <TextField form={form} name="countryOfOrigin" label={VOLUNTEER_LABELS.countryOfOrigin} />
      <TextArea form={form} name="summary" label={VOLUNTEER_LABELS.summary} rows={5} />
      <Button>Volunteer</Button>
    </Form>
  </section>
);

/** The closing form shows the day the call closes on until something else was typed. */
const withClosingDay = (form: FormState, day: string): FormState =>
  form.values.closesOn ? form : { ...form, values: { ...form.values, closesOn: day } };

const CallView: FC<{
  v: VisibleCall;
  list: ContributionRow[];
  reader: Reader;
  forms: CallForms;
  csrf: string | null;
}> = ({ v, list, reader, forms, csrf }) => {
  const { call, number, meeting, timeZone } = v;
  const open = !call.agendaPaperId;
  const refused = Object.values(forms).find((f) => f.problems.length > 0);
  return (
    <>
      <ErrorSummary form={refused} />
      <h1 class="govuk-heading-l">Call for papers: {meeting}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={`/papers/${number}`}>
          POC DOC {number}
        </a>
        . Closes {closingText(call.closesAt, timeZone)}; contributions after that are accepted and marked
        late.
      </p>
      {open && mayRunCall.allows(reader) ? (
        <Form action={`/calls/${call.id}/closing`} csrf={csrf} class="plenary-inline-form no-print">
          <TextField
            form={withClosingDay(forms.closing, localDay(call.closesAt, timeZone))}
            name="closesOn"
            label="Closing day"
            hint={`YYYY-MM-DD; the call closes as the day begins in the meeting's time zone (${timeZone})`}
            width={10}
          />
          <Button secondary>Change the closing day</Button>
        </Form>
      ) : null}
      <h2 class="govuk-heading-m">Contributions</h2>
      {open && mayDecide.allows(reader) ? (
        <Decisions id={call.id} list={list} form={forms.decisions} csrf={csrf} />
      ) : list.length === 0 ? (
        <p class="govuk-body">No contributions you may see.</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {list.map((x) => (
            <li>
              {x.title} ({x.countryOfOrigin}, {x.kind}) — {x.state}
              {x.lateSeconds > 0 ? " (late)" : ""}
            </li>
          ))}
        </ul>
      )}
      {open && mayIssueAgenda.allows(reader) ? (
        <Form action={`/calls/${call.id}/agenda`} csrf={csrf}>
          <Button>Issue the draft agenda</Button>
        </Form>
      ) : null}
      {open ? null : <p class="govuk-body">The draft agenda has been issued.</p>}
      {open && mayVolunteer.allows(reader) ? (
        <VolunteerForm id={call.id} form={forms.volunteer} csrf={csrf} />
      ) : null}
    </>
  );
};

/** A call's page for the reader; a refused form comes back filled in. */
export async function callPage(
  c: Ctx,
  id: number,
  refused: Partial<CallForms> = {},
  status: ContentfulStatusCode = 200,
) {
  const reader = readerOf(c);
  const { db } = c.get("deps");
  const v = await visibleCall(db, reader, id);
  const list = await contributionsOf(db, reader, [id]);
  return renderPage(
    c,
    `Call for papers: ${v.meeting}`,
    <CallView v={v} list={list} reader={reader} forms={{ ...blank(), ...refused }} csrf={csrfOf(c)} />,
    { status, notice: status === 200 ? noticeOf(c, NOTICES) : null },
  );
}

export function callPages(app: Hono<AppEnv>): void {
  app.get("/calls/:id{[0-9]+}", (c) => callPage(c, Number(c.req.param("id"))));
}
