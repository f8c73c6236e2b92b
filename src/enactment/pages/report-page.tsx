/** "Report my government's enactment": GET and POST /enactment/report. */
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { visibleAmendmentSets } from "../../annex/index.js";
import { forbidden } from "../../core/errors.js";
import { type AppEnv, actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, renderPage } from "../../core/http/render.js";
import { Button, ErrorSummary, Form, Select, TextArea, TextField } from "../../core/pages/components.js";
import { emptyForm, type FormState, submitForm } from "../../core/pages/form.js";
import { matrixOrNotFound } from "../api/routes.js";
import { reportEnactmentOf } from "../commands/report-enactment.js";
import { NewReportInput } from "../contract.js";
import { REPORT_STATUSES, STATUS_LABELS } from "../matrix.js";
import { reportEnactment, reportsForOwn } from "../policy.js";
import { SOURCE_KINDS, SOURCE_LABELS } from "../rules.js";

const LABELS = {
  setId: "Amendment set",
  status: "Status",
  instrument: "National instrument",
  effectiveOn: "Effective date",
  sourceKind: "Source",
  sourceRef: "Source reference",
  note: "Note",
};

async function reportPage(c: Ctx, form: FormState | null = null, status: ContentfulStatusCode = 200) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  await matrixOrNotFound(db, reader, clock.now());
  if (!reportsForOwn(reader)) {
    const r = reportEnactment.refusal;
    throw forbidden(typeof r === "function" ? r(reader.government.code) : r);
  }
  const sets = await visibleAmendmentSets(db, reader);
  const f = form ?? emptyForm("report", { setId: String(sets[sets.length - 1]?.id ?? "") });
  return renderPage(
    c,
    "Report your government's enactment",
    <>
      <ErrorSummary form={f} />
      <span class="govuk-caption-l">{reader.government.name}</span>
      <h1 class="govuk-heading-l">Report your government's enactment</h1>
      <p class="govuk-body">
        Your report replaces your government's current one for the set and is seen by every Partner. A report
        after the "updates by" deadline is accepted and marked late.
      </p>
      <Form action="/enactment/report" csrf={csrfOf(c)}>
        <Select
          form={f}
          name="setId"
          label={LABELS.setId}
          choices={sets.map((s) => ({ value: String(s.id), label: `${s.title} (adopted ${s.adoptedOn})` }))}
        />
        <Select
          form={f}
          name="status"
          label={LABELS.status}
          choices={[
            { value: "", label: "Choose a status" },
            ...REPORT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          ]}
        />
        <TextField
          form={f}
          name="instrument"
          label={LABELS.instrument}
          hint="For example, the Commerce Control List"
        />
        <TextField
          form={f}
          name="effectiveOn"
          label={LABELS.effectiveOn}
          hint="As YYYY-MM-DD, for example 2008-06-16"
          width={10}
        />
        <Select
          form={f}
          name="sourceKind"
          label={LABELS.sourceKind}
          choices={[
            { value: "", label: "None" },
            ...SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_LABELS[k] })),
          ]}
        />
        <TextField
          form={f}
          name="sourceRef"
          label={LABELS.sourceRef}
          hint="POC DOC number, telegram reference (STATE 070895) or web address"
        />
        <TextArea form={f} name="note" label={LABELS.note} rows={3} />
        <Button>Report</Button>
      </Form>
    </>,
    { status },
  );
}

export function reportPages(app: Hono<AppEnv>): void {
  app.get("/enactment/report", (c) => reportPage(c));

  app.post("/enactment/report", async (c) => {
    const who = actingOf(c);
    const { db } = c.get("deps");
    const result = await submitForm(
      c,
      {
        prefix: "report",
        schema: NewReportInput,
        labels: LABELS,
        read: (f) => ({
          setId: /^\d{1,9}$/.test(f.text("setId")) ? Number(f.text("setId")) : f.text("setId"),
          governmentCode: who.reader.government.code,
          status: f.text("status"),
          instrument: f.nullable("instrument"),
          effectiveOn: f.nullable("effectiveOn"),
          sourceKind: f.nullable("sourceKind"),
          sourceRef: f.nullable("sourceRef"),
          note: f.nullable("note"),
        }),
      },
      (input) => db.transaction((tx) => reportEnactmentOf(tx, who, input)),
    );
    if (result.ok) return c.redirect(`/enactment?notice=reported#partner-${who.reader.government.code}`, 303);
    return reportPage(c, result.form, result.status);
  });
}
