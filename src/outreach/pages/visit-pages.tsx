/** GET /outreach/{id} (a visit), GET and POST /outreach/new, GET and POST /outreach/{id}/report. */
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { REGIME_LADDER } from "../../core/access/markings.js";
import { forbidden, notFound } from "../../core/errors.js";
import { type AppEnv, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Form,
  Marked,
  MarkingSelect,
  Select,
  SummaryList,
  TextArea,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormFields, type FormState, submitForm } from "../../core/pages/form.js";
import { listGovernments, standingOn } from "../../directory/index.js";
import { changeVisit, visitOrNotFound } from "../api/routes.js";
import { fileReport } from "../commands/file-report.js";
import { recordVisit } from "../commands/record-visit.js";
import { NewReport, NewVisit } from "../contract.js";
import { readOutreach, recordOutreach } from "../policy.js";
import { AIM_LABELS, AIM_WORDING, AIMS, FORMAT_LABELS, FORMATS } from "../rules.js";
import { Caveat, idOf, PointText } from "./shared.js";

/** "(RR) text" → a marked text; a line without its marking is passed on unmarked, for the contract to refuse. */
export function markedLine(line: string, fallback = ""): { text: string; marking: string } {
  const m = /^\(([A-Za-z]{1,10})\)\s*(.*)$/s.exec(line.trim());
  return m
    ? { marking: (m[1] ?? "").toUpperCase(), text: (m[2] ?? "").trim() }
    : { marking: fallback, text: line.trim() };
}

const LABELS = {
  governmentCode: "Host government",
  format: "Who visits",
  city: "Place (city)",
  firstDay: "First day",
  lastDay: "Last day",
  authorities: "Host authorities met",
  delegation: "The delegation",
  aims: "Aims",
  points: "Talking points",
  paragraphs: "Report",
  marking: "Marking of unmarked paragraphs",
};

function requireRecorder(c: Ctx) {
  const reader = readerOf(c);
  if (!readOutreach.allows(reader)) throw notFound("outreach visit");
  if (!recordOutreach.allows(reader))
    throw forbidden(typeof recordOutreach.refusal === "string" ? recordOutreach.refusal : "You may not.");
  return reader;
}

async function newPage(c: Ctx, form: FormState | null = null, status: ContentfulStatusCode = 200) {
  requireRecorder(c);
  const { db, clock } = c.get("deps");
  const today = clock.now().toISOString().slice(0, 10);
  const governments = (await listGovernments(db)).filter((g) => standingOn(g, today) !== "partner");
  const f =
    form ??
    emptyForm("visit", {
      format: "chair",
      aims: [...AIMS],
      ...Object.fromEntries(AIMS.map((a) => [`aim-${a}`, AIM_WORDING[a]])),
    });
  return renderPage(
    c,
    "Record an outreach visit",
    <>
      <ErrorSummary form={f} />
      <span class="govuk-caption-l">Outreach to non-Partners</span>
      <h1 class="govuk-heading-l">Record an outreach visit</h1>
      <Caveat />
      <Form action="/outreach/new" csrf={csrfOf(c)} aria-label="Record an outreach visit">
        <Select
          form={f}
          name="governmentCode"
          label={LABELS.governmentCode}
          hint="A government that is not a Partner on the visit's first day"
          choices={[
            { value: "", label: "Choose the host" },
            ...governments.map((g) => ({ value: g.code, label: g.name })),
          ]}
        />
        <Select
          form={f}
          name="format"
          label={LABELS.format}
          choices={FORMATS.map((x) => ({ value: x, label: FORMAT_LABELS[x] }))}
        />
        <TextField form={f} name="city" label={LABELS.city} width={20} />
        <TextField form={f} name="firstDay" label={LABELS.firstDay} hint="YYYY-MM-DD" width={10} />
        <TextField form={f} name="lastDay" label={LABELS.lastDay} hint="YYYY-MM-DD" width={10} />
        <TextArea form={f} name="authorities" label={LABELS.authorities} rows={3} hint="One a line." />
        <TextArea form={f} name="delegation" label={LABELS.delegation} rows={3} hint="One name a line." />
        <Checkboxes
          form={f}
          name="aims"
          legend={LABELS.aims}
          choices={AIMS.map((a) => ({ value: a, label: AIM_LABELS[a] }))}
        />
        {AIMS.map((a) => (
          <TextArea form={f} name={`aim-${a}`} label={`Wording: ${AIM_LABELS[a].toLowerCase()}`} rows={2} />
        ))}
        <TextArea
          form={f}
          name="points"
          label={LABELS.points}
          rows={5}
          hint="One a line, each beginning with its marking: (PUBLIC), (RR) or (RC)."
        />
        <Button>Record the visit</Button>
      </Form>
    </>,
    { status },
  );
}

const readVisit = (f: FormFields) => ({
  governmentCode: f.text("governmentCode"),
  format: f.text("format") || "chair",
  city: f.text("city"),
  firstDay: f.text("firstDay"),
  lastDay: f.text("lastDay"),
  authorities: f.lines("authorities"),
  delegation: f.lines("delegation"),
  aims: f.all("aims").map((a) => ({ aim: a, text: f.nullable(`aim-${a}`) })),
  points: f.lines("points").map((l) => markedLine(l)),
});

async function visitPage(c: Ctx, id: number) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const v = await visitOrNotFound(db, reader, id, clock.now());
  return renderPage(
    c,
    `Outreach visit: ${v.host.name}`,
    <Marked marking={v.marking}>
      <span class="govuk-caption-l">Outreach visit {v.id}</span>
      <h1 class="govuk-heading-l">
        {v.host.name}, {v.days}
      </h1>
      <Caveat />
      <SummaryList
        rows={[
          { key: "Host", value: v.host.name },
          { key: "Place", value: v.city },
          { key: "Dates", value: v.days },
          { key: "Who visits", value: v.formatLabel },
          { key: "Host authorities met", value: v.authorities.join("; ") },
          { key: "The delegation", value: v.delegation.join("; ") },
          {
            key: "Report",
            value: v.reportPaper ? (
              <a class="govuk-link" href={`/papers/${v.reportPaper}`}>
                POC DOC {v.reportPaper}
              </a>
            ) : v.held ? (
              "not yet filed"
            ) : (
              "the visit is ahead"
            ),
          },
        ]}
      />
      <h2 class="govuk-heading-m">Aims</h2>
      <ul class="govuk-list govuk-list--bullet">
        {v.aims.map((a) => (
          <li>
            <strong>{a.label}.</strong> {a.text}
          </li>
        ))}
      </ul>
      <h2 class="govuk-heading-m">Talking points</h2>
      <ul class="govuk-list govuk-list--bullet" id="points">
        {v.points.map((p) => (
          <li>
            <PointText p={p} />
          </li>
        ))}
      </ul>
      {recordOutreach.allows(reader) && !v.reportPaper && v.held ? (
        <p class="govuk-body no-print">
          <a class="govuk-link" href={`/outreach/${v.id}/report`}>
            File the report
          </a>
        </p>
      ) : null}
      <p class="govuk-body">
        <a class="govuk-link" href={`/outreach?year=${v.year}`}>
          Outreach visits, {v.year}
        </a>
      </p>
    </Marked>,
    {
      notice: noticeOf(c, {
        recorded: "The visit is recorded.",
        reported: "The report is filed and circulated as a paper of the register.",
      }),
    },
  );
}

async function reportFormPage(
  c: Ctx,
  id: number,
  form: FormState | null = null,
  status: ContentfulStatusCode = 200,
) {
  const reader = requireRecorder(c);
  const { db, clock } = c.get("deps");
  const v = await visitOrNotFound(db, reader, id, clock.now());
  const f = form ?? emptyForm("report", { marking: "RR" });
  return renderPage(
    c,
    `Report of the visit to ${v.host.name}`,
    <>
      <ErrorSummary form={f} />
      <span class="govuk-caption-l">Outreach visit {v.id}</span>
      <h1 class="govuk-heading-l">Report of the visit to {v.host.name}</h1>
      <Caveat />
      <p class="govuk-body">
        {v.city}, {v.days}. The report is issued as the register's next paper, circulated to every Partner,
        with the visit's aims and talking points and the standing caveat.
      </p>
      <Form action={`/outreach/${v.id}/report`} csrf={csrfOf(c)} aria-label="File the report">
        <TextArea
          form={f}
          name="paragraphs"
          label={LABELS.paragraphs}
          rows={8}
          hint="One paragraph per blank line; a paragraph may begin with its own marking, e.g. (RC)."
        />
        <MarkingSelect form={f} name="marking" label={LABELS.marking} ladder={REGIME_LADDER} />
        <Button>File the report</Button>
      </Form>
    </>,
    { status },
  );
}

export function outreachVisitPages(app: Hono<AppEnv>): void {
  app.get("/outreach/new", (c) => newPage(c));
  app.post("/outreach/new", async (c) => {
    requireRecorder(c);
    const result = await submitForm(
      c,
      { prefix: "visit", schema: NewVisit, labels: LABELS, read: readVisit },
      (input) => changeVisit(c, (tx, who) => recordVisit(tx, who, input)),
    );
    if (result.ok) return c.redirect(`/outreach/${result.value.id}?notice=recorded`, 303);
    return newPage(c, result.form, result.status);
  });
  app.get("/outreach/:id{[0-9]+}", (c) => {
    const id = idOf(c.req.param("id"));
    if (id === null) throw notFound("outreach visit");
    return visitPage(c, id);
  });
  app.get("/outreach/:id{[0-9]+}/report", (c) => {
    const id = idOf(c.req.param("id"));
    if (id === null) throw notFound("outreach visit");
    return reportFormPage(c, id);
  });
  app.post("/outreach/:id{[0-9]+}/report", async (c) => {
    const id = idOf(c.req.param("id"));
    if (id === null) throw notFound("outreach visit");
    requireRecorder(c);
    const result = await submitForm(
      c,
      {
        prefix: "report",
        schema: NewReport,
        labels: LABELS,
        read: (f) =>
          f
            .text("paragraphs")
            .split(/\r?\n\s*\r?\n/)
            .map((t) => t.trim())
            .filter(Boolean)
            .map((t) => markedLine(t, f.text("marking")))
            .reduce(
              (acc: { paragraphs: { text: string; marking: string }[] }, p) => {
                acc.paragraphs.push(p);
                return acc;
              },
              { paragraphs: [] },
            ),
      },
      (input) => changeVisit(c, (tx, who) => fileReport(tx, who, id, input)),
    );
    if (result.ok) return c.redirect(`/outreach/${id}?notice=reported`, 303);
    return reportFormPage(c, id, result.form, result.status);
  });
}
