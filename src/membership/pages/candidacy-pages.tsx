/** GET /candidacies (with the form to enter one), GET /candidacies/{id} (history, steps, your government's view). */
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { notFound } from "../../core/errors.js";
import { type AppEnv, actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  DataTable,
  ErrorSummary,
  Form,
  MarkingBanner,
  MarkingSelect,
  Muted,
  Select,
  SummaryList,
  Tag,
  TextArea,
  TextField,
  Withheld,
} from "../../core/pages/components.js";
import { emptyForm, type FormState, submitForm } from "../../core/pages/form.js";
import { ladderOfGovernment } from "../../directory/index.js";
import { visibleMeetings } from "../../meetings/index.js";
import { candidacyOrNotFound } from "../api/routes.js";
import { createCandidacy, recordEvent, saveView } from "../commands/record.js";
import { type CandidacyView, NewCandidacy, NewEvent, ViewIn } from "../contract.js";
import { keepView, readCandidacies, recordCandidacy } from "../policy.js";
import { presentCandidacy } from "../present.js";
import { listCandidacies } from "../queries.js";
import { EVENT_KINDS, EVENT_LABELS, POSITION_LABELS, POSITIONS } from "../rules.js";

const STATE_TAGS = {
  pending: <Tag colour="blue">Pending</Tag>,
  admitted: <Tag colour="green">Admitted</Tag>,
  withdrawn: <Tag colour="grey">Withdrawn</Tag>,
};

const idOf = (c: Ctx) => {
  const raw = c.req.param("id") ?? "";
  if (!/^\d{1,9}$/.test(raw)) throw notFound("candidacy");
  return Number(raw);
};

const LABELS = {
  governmentCode: "Government (two-letter code)",
  appliedOn: "Applied on (YYYY-MM-DD)",
  kind: "Step",
  on: "On (YYYY-MM-DD)",
  meetingId: "Plenary",
  paperNumber: "Recorded in POC DOC",
  proposalId: "Decided by proposal",
  source: "Or the record, in words",
  note: "Note",
  position: "Position",
  reasoning: "Reasoning",
  instructions: "Instructions to the delegation",
  marking: "Marking",
};

async function listPage(c: Ctx, form: FormState | null = null, status: ContentfulStatusCode = 200) {
  const reader = readerOf(c);
  if (!readCandidacies.allows(reader)) throw notFound("candidacies");
  const { db } = c.get("deps");
  const items: CandidacyView[] = [];
  for (const r of await listCandidacies(db, reader)) items.push(await presentCandidacy(db, reader, r));
  const f = form ?? emptyForm("candidacy");
  return renderPage(
    c,
    "Candidacies",
    <>
      <ErrorSummary form={f} />
      <h1 class="govuk-heading-l">Candidacies for membership</h1>
      <p class="govuk-body">
        Each candidacy and its history Plenary by Plenary. Admission is by consensus; from its day the
        government is a Partner everywhere. Your government's own view of a candidacy is kept in your national
        space.
      </p>
      <DataTable<CandidacyView>
        caption={`${items.length} candidac${items.length === 1 ? "y" : "ies"}`}
        rows={items}
        empty="No candidacies."
        columns={[
          {
            header: "Government",
            cell: (x) => (
              <a class="govuk-link" href={`/candidacies/${x.id}`}>
                {x.government.name}
              </a>
            ),
          },
          { header: "Applied", cell: (x) => x.appliedOn },
          { header: "State", cell: (x) => STATE_TAGS[x.state] },
          {
            header: "Latest step",
            cell: (x) => {
              const e = x.history.at(-1);
              return e ? `${e.label}, ${e.on}${e.meeting ? ` (${e.meeting.title})` : ""}` : <Muted>—</Muted>;
            },
          },
        ]}
      />
      {recordCandidacy.allows(reader) ? (
        <>
          <h2 class="govuk-heading-m">Enter a candidacy</h2>
          <Form action="/candidacies" csrf={csrfOf(c)} aria-label="Enter a candidacy">
            <TextField form={f} name="governmentCode" label={LABELS.governmentCode} width={4} />
            <TextField form={f} name="appliedOn" label={LABELS.appliedOn} width={10} />
            <TextArea form={f} name="note" label={LABELS.note} rows={2} />
            <Button>Enter the candidacy</Button>
          </Form>
        </>
      ) : null}
    </>,
    { status },
  );
}

type Forms = { step?: FormState; view?: FormState };

async function candidacyPage(c: Ctx, id: number, forms: Forms = {}, status: ContentfulStatusCode = 200) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const v = await candidacyOrNotFound(db, reader, id, clock.now());
  const plenaries = (await visibleMeetings(db, reader)).filter((m) => m.kind === "plenary");
  const ladder = await ladderOfGovernment(db, reader.government.code);
  const step = forms.step ?? emptyForm("step", { kind: "examined" });
  const view =
    forms.view ??
    emptyForm("view", {
      position: v.myView?.position ?? "undecided",
      reasoning: v.myView?.reasoning ?? "",
      instructions: v.myView?.instructions ?? "",
      marking: v.myView?.marking ?? ladder?.levels[Math.min(2, reader.nationalClearance)]?.code ?? "",
    });
  const refused = forms.step ?? forms.view;
  return renderPage(
    c,
    `Candidacy: ${v.government.name}`,
    <>
      <ErrorSummary form={refused} />
      <span class="govuk-caption-l">Candidacy {v.id}</span>
      <h1 class="govuk-heading-l">{v.government.name}</h1>
      <SummaryList
        rows={[
          { key: "State", value: STATE_TAGS[v.state] },
          { key: "Applied", value: v.appliedOn },
          { key: "Admitted", value: v.admittedOn ?? <Muted>not admitted</Muted> },
          { key: "Note", value: v.note ?? <Muted>none</Muted> },
        ]}
      />
      <h2 class="govuk-heading-m">History</h2>
      <DataTable
        caption={`${v.history.length} step${v.history.length === 1 ? "" : "s"}`}
        rows={v.history}
        empty="No steps."
        columns={[
          { header: "On", cell: (e) => e.on },
          { header: "Step", cell: (e) => e.label },
          { header: "At", cell: (e) => (e.meeting ? e.meeting.title : <Muted>—</Muted>) },
          {
            header: "Record",
            cell: (e) =>
              e.paperNumber ? (
                <a class="govuk-link" href={`/papers/${e.paperNumber}`}>
                  POC DOC {e.paperNumber}
                </a>
              ) : e.proposalId ? (
                <a class="govuk-link" href={`/decisions/${e.proposalId}`}>
                  proposal {e.proposalId}
                </a>
              ) : (
                (e.source ?? <Muted>—</Muted>)
              ),
          },
        ]}
      />
      {recordCandidacy.allows(reader) && v.state === "pending" ? (
        <>
          <h2 class="govuk-heading-m">Record a step</h2>
          <Form action={`/candidacies/${v.id}/history`} csrf={csrfOf(c)} aria-label="Record a step">
            <Select
              form={step}
              name="kind"
              label={LABELS.kind}
              choices={EVENT_KINDS.filter((k) => k !== "applied").map((k) => ({
                value: k,
                label: EVENT_LABELS[k],
              }))}
            />
            <TextField form={step} name="on" label={LABELS.on} width={10} />
            <Select
              form={step}
              name="meetingId"
              label={LABELS.meetingId}
              choices={[
                { value: "", label: "None" },
                ...plenaries.map((m) => ({ value: String(m.id), label: m.title })),
              ]}
            />
            <TextField form={step} name="paperNumber" label={LABELS.paperNumber} width={5} />
            <TextField form={step} name="proposalId" label={LABELS.proposalId} width={5} />
            <TextField form={step} name="source" label={LABELS.source} />
            <TextArea form={step} name="note" label={LABELS.note} rows={2} />
            <Button>Record the step</Button>
          </Form>
        </>
      ) : null}
      {keepView.allows(reader) && ladder ? (
        <section aria-labelledby="view-title">
          <h2 class="govuk-heading-m" id="view-title">
            {reader.government.name}'s own view
          </h2>
          <p class="govuk-body">
            Kept in {reader.government.name}'s national space: no other government, the Point of Contact and
            the Chair included, sees it or knows it exists.
          </p>
          {v.myView ? (
            <>
              <MarkingBanner marking={v.myView.marking} ladder={ladder} position="top" />
              {v.myView.withheld ? (
                <Withheld marking={v.myView.marking} block />
              ) : (
                <SummaryList
                  rows={[
                    { key: "Position", value: v.myView.positionLabel },
                    { key: "Reasoning", value: `(${v.myView.marking}) ${v.myView.reasoning}` },
                    { key: "Instructions", value: v.myView.instructions ?? <Muted>none</Muted> },
                    {
                      key: "Kept by",
                      value: `${v.myView.updatedBy ?? "—"}, ${v.myView.updatedAt.slice(0, 10)}`,
                    },
                  ]}
                />
              )}
              <MarkingBanner marking={v.myView.marking} ladder={ladder} position="bottom" />
            </>
          ) : null}
          <Form
            action={`/candidacies/${v.id}/view`}
            csrf={csrfOf(c)}
            aria-label="Keep your government's view"
          >
            <Select
              form={view}
              name="position"
              label={LABELS.position}
              choices={POSITIONS.map((p) => ({ value: p, label: POSITION_LABELS[p] }))}
            />
            <TextArea form={view} name="reasoning" label={LABELS.reasoning} rows={3} />
            <TextArea form={view} name="instructions" label={LABELS.instructions} rows={3} />
            <MarkingSelect form={view} name="marking" label={LABELS.marking} ladder={ladder} />
            <Button>Keep the view</Button>
          </Form>
        </section>
      ) : null}
    </>,
    {
      status,
      notice: noticeOf(c, { recorded: "The step is recorded.", kept: "Your government's view is kept." }),
    },
  );
}

export function membershipPages(app: Hono<AppEnv>): void {
  app.get("/candidacies", (c) => listPage(c));
  app.post("/candidacies", async (c) => {
    const result = await submitForm(
      c,
      {
        prefix: "candidacy",
        schema: NewCandidacy,
        labels: LABELS,
        read: (f) => ({
          governmentCode: f.text("governmentCode"),
          appliedOn: f.text("appliedOn"),
          note: f.optional("note"),
        }),
      },
      (input) => c.get("deps").db.transaction((tx) => createCandidacy(tx, actingOf(c), input)),
    );
    if (result.ok) return c.redirect(`/candidacies/${result.value.id}?notice=recorded`, 303);
    return listPage(c, result.form, result.status);
  });
  app.get("/candidacies/:id{[0-9]+}", (c) => candidacyPage(c, idOf(c)));
  app.post("/candidacies/:id{[0-9]+}/history", async (c) => {
    const id = idOf(c);
    await candidacyOrNotFound(c.get("deps").db, readerOf(c), id, c.get("deps").clock.now());
    const result = await submitForm(
      c,
      {
        prefix: "step",
        schema: NewEvent,
        labels: LABELS,
        read: (f) => ({
          kind: f.text("kind"),
          on: f.text("on"),
          meetingId: f.id("meetingId"),
          paperNumber: f.id("paperNumber"),
          proposalId: f.id("proposalId"),
          source: f.nullable("source"),
          note: f.nullable("note"),
        }),
      },
      (input) => c.get("deps").db.transaction((tx) => recordEvent(tx, actingOf(c), id, input)),
    );
    if (result.ok) return c.redirect(`/candidacies/${id}?notice=recorded`, 303);
    return candidacyPage(c, id, { step: result.form }, result.status);
  });
  app.post("/candidacies/:id{[0-9]+}/view", async (c) => {
    const id = idOf(c);
    await candidacyOrNotFound(c.get("deps").db, readerOf(c), id, c.get("deps").clock.now());
    const result = await submitForm(
      c,
      {
        prefix: "view",
        schema: ViewIn,
        labels: LABELS,
        read: (f) => ({
          position: f.text("position"),
          reasoning: f.text("reasoning"),
          instructions: f.nullable("instructions"),
          marking: f.text("marking"),
        }),
      },
      (input) => c.get("deps").db.transaction((tx) => saveView(tx, actingOf(c), id, input)),
    );
    if (result.ok) return c.redirect(`/candidacies/${id}?notice=kept`, 303);
    return candidacyPage(c, id, { view: result.form }, result.status);
  });
}
