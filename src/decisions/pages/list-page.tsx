/** GET /decisions (the list), GET and POST /decisions/new (make a proposal). */
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { REGIME_LADDER } from "../../core/access/markings.js";
import { forbidden, notFound } from "../../core/errors.js";
import { type AppEnv, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  DataTable,
  ErrorSummary,
  Form,
  MarkingSelect,
  Muted,
  Select,
  TextArea,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormState, submitForm } from "../../core/pages/form.js";
import { visibleMeetings } from "../../meetings/index.js";
import { changeAndRead } from "../api/routes.js";
import { createProposal } from "../commands/create-proposal.js";
import { NewProposal, type ProposalListItemView } from "../contract.js";
import { propose, readDecisions } from "../policy.js";
import { presentList } from "../present.js";
import { listProposals } from "../queries.js";
import { PROPOSAL_STATES, type ProposalState, STATE_LABELS } from "../rules.js";
import { DeadlineText, StateTag, TitleText } from "./shared.js";

const NOTICES = { withdrawn: "The proposal is withdrawn." };

async function listPage(c: Ctx) {
  const reader = readerOf(c);
  if (!readDecisions.allows(reader)) throw notFound("decisions");
  const { db, clock } = c.get("deps");
  const now = clock.now();
  const wanted = c.req.query("state");
  const state = PROPOSAL_STATES.includes(wanted as ProposalState) ? (wanted as ProposalState) : undefined;
  const rows = await listProposals(db, reader, state ? { state } : {});
  const items = await presentList(db, reader, rows, now);
  return renderPage(
    c,
    "Decisions",
    <>
      <h1 class="govuk-heading-l">Decisions</h1>
      <p class="govuk-body">
        Proposals for the Partners' consensus, decided at a meeting or by silence procedure. One Partner's
        objection prevents adoption; silence closes itself at its deadline.
      </p>
      {propose.allows(reader) ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/decisions/new">
            Make a proposal
          </a>
        </p>
      ) : null}
      <form method="get" action="/decisions" class="plenary-inline-form" aria-label="Filter the decisions">
        <div class="govuk-form-group">
          <label class="govuk-label" for="state">
            Show
          </label>
          <select class="govuk-select" id="state" name="state">
            <option value="">Every state</option>
            {PROPOSAL_STATES.map((s) => (
              <option value={s} selected={s === state}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>{" "}
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            Filter
          </button>
        </div>
      </form>
      <DataTable<ProposalListItemView>
        caption={`${items.length} proposal${items.length === 1 ? "" : "s"}`}
        rows={items}
        empty="No proposals."
        rowId={(p) => `proposal-${p.id}`}
        columns={[
          {
            header: "Proposal",
            cell: (p) => (
              <a class="govuk-link" href={`/decisions/${p.id}`}>
                <TitleText title={p.title} />
              </a>
            ),
          },
          { header: "State", cell: (p) => <StateTag state={p.state} /> },
          {
            header: "Decided",
            cell: (p) =>
              p.procedure === "silence" ? (
                "by silence procedure"
              ) : p.meeting ? (
                `at the ${p.meeting.title}`
              ) : (
                <Muted>—</Muted>
              ),
          },
          {
            header: "Closes",
            cell: (p) => (
              <DeadlineText
                deadline={
                  p.state === "under_silence" || p.state === "provisionally_agreed" ? p.deadline : null
                }
              />
            ),
          },
          {
            header: "Record of decision",
            cell: (p) =>
              p.recordPaper ? (
                <a class="govuk-link" href={`/papers/${p.recordPaper}`}>
                  POC DOC {p.recordPaper}
                </a>
              ) : (
                <Muted>—</Muted>
              ),
          },
        ]}
      />
    </>,
    { notice: noticeOf(c, NOTICES) },
  );
}

const LABELS = {
  title: "Title",
  "title.marking": "Title marking",
  text: "Text",
  "text.0.marking": "Text marking",
  proposer: "Proposed by",
  meetingId: "Meeting",
  papers: "Papers",
};

async function newPage(c: Ctx, form: FormState | null = null, status: ContentfulStatusCode = 200) {
  const reader = readerOf(c);
  if (!readDecisions.allows(reader)) throw notFound("decisions");
  if (!propose.allows(reader))
    throw forbidden(typeof propose.refusal === "string" ? propose.refusal : "You may not make proposals.");
  const meetings = await visibleMeetings(c.get("deps").db, reader);
  const f =
    form ??
    emptyForm("proposal", { titleMarking: "RR", textMarking: "RR", proposer: reader.government.name });
  return renderPage(
    c,
    "Make a proposal",
    <>
      <ErrorSummary form={f} />
      <h1 class="govuk-heading-l">Make a proposal</h1>
      <p class="govuk-body">
        It is a draft of your government until the Point of Contact or a chair circulates it and puts it to a
        decision.
      </p>
      <Form action="/decisions/new" csrf={csrfOf(c)}>
        <TextField form={f} name="title" label={LABELS.title} />
        <MarkingSelect form={f} name="titleMarking" label={LABELS["title.marking"]} ladder={REGIME_LADDER} />
        <TextArea form={f} name="text" label={LABELS.text} rows={6} hint="One paragraph per blank line." />
        <MarkingSelect form={f} name="textMarking" label={LABELS["text.0.marking"]} ladder={REGIME_LADDER} />
        <TextField
          form={f}
          name="proposer"
          label={LABELS.proposer}
          hint='As the regime names them, e.g. "the TEM Chair"'
        />
        <Select
          form={f}
          name="meetingId"
          label={LABELS.meetingId}
          choices={[
            { value: "", label: "None" },
            ...meetings.map((m) => ({ value: String(m.id), label: m.title })),
          ]}
        />
        <TextField
          form={f}
          name="papers"
          label={LABELS.papers}
          hint="POC DOC numbers, separated by commas, e.g. 89, 90"
          width={20}
        />
        <Button>Save as a draft</Button>
      </Form>
    </>,
    { status },
  );
}

export function decisionsListPages(app: Hono<AppEnv>): void {
  app.get("/decisions", (c) => listPage(c));
  app.get("/decisions/new", (c) => newPage(c));
  app.post("/decisions/new", async (c) => {
    const result = await submitForm(
      c,
      {
        prefix: "proposal",
        schema: NewProposal,
        labels: LABELS,
        fields: {
          "title.text": "title",
          "title.marking": "titleMarking",
          "text.0.marking": "textMarking",
          "text.0.text": "text",
        },
        read: (f) => ({
          title: { text: f.text("title"), marking: f.text("titleMarking") },
          text: f
            .text("text")
            .split(/\n\s*\n/)
            .map((t) => t.trim())
            .filter(Boolean)
            .map((t) => ({ text: t, marking: f.text("textMarking") })),
          proposer: f.nullable("proposer"),
          meetingId: /^\d{1,9}$/.test(f.text("meetingId")) ? Number(f.text("meetingId")) : null,
          papers: f
            .text("papers")
            .split(/[,\s]+/)
            .filter(Boolean)
            .map((n) => (/^\d{1,9}$/.test(n.replace(/^POC\s*DOC\s*/i, "")) ? Number(n) : n)),
        }),
      },
      (input) => changeAndRead(c, (tx, who) => createProposal(tx, who, input)),
    );
    if (result.ok) return c.redirect(`/decisions/${result.value.id}?notice=proposed`, 303);
    return newPage(c, result.form, result.status);
  });
}
