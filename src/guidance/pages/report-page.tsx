/**
 * The post's side: GET and POST /guidance/{id}/report — what was said and the outcome, item by
 * item beside the guidance, and requests for guidance on what it did not cover, filed as a
 * telegram from the post; GET /reports/{id} — one report, with its requests for guidance.
 */
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { levelAt } from "../../core/access/markings.js";
import { forbidden } from "../../core/errors.js";
import { type AppEnv, actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  ErrorSummary,
  Form,
  MarkingBanner,
  Muted,
  Select,
  SummaryList,
  TextArea,
  TextField,
} from "../../core/pages/components.js";
import {
  emptyForm,
  type FormBody,
  type FormFields,
  type FormState,
  submitForm,
} from "../../core/pages/form.js";
import { instantAt, visibleMeeting } from "../../meetings/index.js";
import { visibleRow } from "../api/read.js";
import { reportOrNotFound } from "../api/reports.js";
import { ladderOf } from "../commands/check.js";
import { fileMeetingReport } from "../commands/file-report.js";
import type { Mode } from "../content.js";
import { NewReport } from "../contract.js";
import { draftGuidance, fileReport } from "../policy.js";
import { presentGuidance } from "../present.js";
import { modeLine } from "../telegram.js";
import { RequestsTable } from "./list-page.js";
import { idOf, markingChoices, Seen } from "./shared.js";

const REQUEST_SLOTS = 2;

function readReport(f: FormFields, guidanceId: number, count: number, zone: string) {
  const items: {
    index: number;
    said: { text: string; marking: string };
    outcome: { text: string; marking: string };
  }[] = [];
  const used: number[] = [];
  for (let i = 0; i < count; i++) {
    const said = f.text(`said${i}`);
    const outcome = f.text(`outcome${i}`);
    if (!said && !outcome) continue;
    used.push(i);
    items.push({
      index: i,
      said: { text: said, marking: f.text(`said${i}Marking`) },
      outcome: { text: outcome, marking: f.text(`outcome${i}Marking`) },
    });
  }
  const requests: unknown[] = [];
  const slots: number[] = [];
  for (let k = 1; k <= REQUEST_SLOTS; k++) {
    const question = f.text(`request${k}`);
    if (!question) continue;
    slots.push(k);
    const day = f.text(`request${k}Day`);
    const time = f.text(`request${k}Time`) || "09:00";
    const m = /^(\d{1,2}):(\d{2})$/.exec(time);
    const item = f.id(`request${k}Item`);
    requests.push({
      index: typeof item === "number" ? item : null,
      question: { text: question, marking: f.text(`request${k}Marking`) },
      neededBy:
        /^\d{4}-\d{2}-\d{2}$/.test(day) && m
          ? instantAt(day, Number(m[1]), Number(m[2]), zone).toISOString()
          : `${day}T${time}`,
    });
  }
  return {
    value: {
      guidanceId,
      summary: { text: f.text("summary"), marking: f.text("summaryMarking") },
      items,
      requests,
    },
    used,
    slots,
  };
}

function fieldMap(used: number[], slots: number[]): Record<string, string> {
  const map: Record<string, string> = { "summary.marking": "summaryMarking", summary: "summary" };
  used.forEach((i, n) => {
    map[`items.${n}.said.marking`] = `said${i}Marking`;
    map[`items.${n}.said`] = `said${i}`;
    map[`items.${n}.outcome.marking`] = `outcome${i}Marking`;
    map[`items.${n}.outcome`] = `outcome${i}`;
    map[`items.${n}`] = `said${i}`;
  });
  slots.forEach((k, n) => {
    map[`requests.${n}.question.marking`] = `request${k}Marking`;
    map[`requests.${n}.question`] = `request${k}`;
    map[`requests.${n}.neededBy`] = `request${k}Day`;
    map[`requests.${n}.index`] = `request${k}Item`;
  });
  return map;
}

async function reportForm(
  c: Ctx,
  id: number,
  form: FormState | null = null,
  status: ContentfulStatusCode = 200,
) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const now = clock.now();
  const row = await visibleRow(db, reader, id, now);
  if (!fileReport.allows(reader)) throw forbidden(String(fileReport.refusal));
  const v = await presentGuidance(db, reader, row, now);
  const ladder = await ladderOf(db, row.space);
  const meeting = await visibleMeeting(db, reader, row.meetingId);
  const banner = levelAt(ladder, Math.min(row.banner, reader.nationalClearance)).code;
  const marks = markingChoices(ladder).slice(1);
  const defaults: Record<string, string> = { summaryMarking: banner };
  v.content.items.forEach((_, i) => {
    defaults[`said${i}Marking`] = banner;
    defaults[`outcome${i}Marking`] = banner;
  });
  for (let k = 1; k <= REQUEST_SLOTS; k++) {
    defaults[`request${k}Marking`] = banner;
    defaults[`request${k}Time`] = "09:00";
  }
  const f = form ?? emptyForm("report", defaults);
  return renderPage(
    c,
    "Report on the meeting",
    <>
      <ErrorSummary form={f} />
      <span class="govuk-caption-l">{v.meeting.title}</span>
      <h1 class="govuk-heading-l">Report on the meeting</h1>
      <p class="govuk-body">
        Your report goes to {v.content.from} as a telegram from {v.content.to.name}, REF A{" "}
        {v.release?.reference ?? "the guidance"}, slugged for {v.content.slug || "the office"}. Leave an item
        empty to say nothing on it. A point the guidance does not cover is a request for guidance, with the
        time the answer is needed by ({meeting?.timeZone ?? "UTC"}).
      </p>
      <Form action={`/guidance/${v.id}/report`} csrf={csrfOf(c)}>
        <TextArea form={f} name="summary" label="Summary" rows={3} />
        <Select form={f} name="summaryMarking" label="Summary marking" choices={marks} />
        {v.content.items.map((item, i) => (
          <fieldset class="govuk-fieldset plenary-guidance-item">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              {item.letter}. <Seen p={item.heading} />
            </legend>
            <details class="govuk-details">
              <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">The guidance on item {item.letter}</span>
              </summary>
              <div class="govuk-details__text">
                {item.blocks.map((b) => (
                  <>
                    <p class="govuk-body-s">
                      <strong>{modeLine(b.mode as Mode, v.content.representative)}</strong>
                    </p>
                    <ul class="govuk-list govuk-list--bullet govuk-body-s">
                      {b.points.map((p) => (
                        <li>
                          <Seen p={p} />
                        </li>
                      ))}
                    </ul>
                  </>
                ))}
              </div>
            </details>
            <TextArea form={f} name={`said${i}`} label="What was said" rows={2} />
            <Select form={f} name={`said${i}Marking`} label="Its marking" choices={marks} />
            <TextArea form={f} name={`outcome${i}`} label="The outcome" rows={2} />
            <Select form={f} name={`outcome${i}Marking`} label="Its marking" choices={marks} />
          </fieldset>
        ))}
        {Array.from({ length: REQUEST_SLOTS }, (_, j) => {
          const k = j + 1;
          return (
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                Request for guidance {k}
              </legend>
              <TextArea
                form={f}
                name={`request${k}`}
                label="The point raised that the guidance does not cover"
                rows={2}
              />
              <Select form={f} name={`request${k}Marking`} label="Its marking" choices={marks} />
              <Select
                form={f}
                name={`request${k}Item`}
                label="Raised under"
                choices={[
                  { value: "", label: "No item" },
                  ...v.content.items.map((it, i) => ({
                    value: String(i),
                    label: `${it.letter}. ${it.heading.withheld ? "(heading withheld)" : it.heading.text}`,
                  })),
                ]}
              />
              <TextField
                form={f}
                name={`request${k}Day`}
                label="Needed by: day (YYYY-MM-DD)"
                hint="The next session's"
                width={10}
              />
              <TextField
                form={f}
                name={`request${k}Time`}
                label="Needed by: time (HH:MM, the meeting's time)"
                width={5}
              />
            </fieldset>
          );
        })}
        <Button>File the report</Button>
      </Form>
    </>,
    { status },
  );
}

async function reportPage(c: Ctx, id: number) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const r = await reportOrNotFound(db, reader, id, clock.now());
  const ladder = await ladderOf(db, reader.government.code);
  return renderPage(
    c,
    `Report ${r.messageRef ?? r.id}`,
    <>
      <MarkingBanner marking={r.banner} ladder={ladder} position="top" />
      <span class="govuk-caption-l">Report {r.messageRef ?? r.id}</span>
      <h1 class="govuk-heading-l">{r.meeting.title}: report</h1>
      <SummaryList
        rows={[
          {
            key: "On guidance",
            value: (
              <a class="govuk-link" href={`/guidance/${r.guidanceId}`}>
                {r.guidanceReference ?? `guidance ${r.guidanceId}`}
              </a>
            ),
          },
          { key: "Slugged for", value: r.slug || <Muted>not named</Muted> },
          { key: "Filed", value: `${r.filedAt.slice(0, 16).replace("T", " ")} UTC by ${r.filedBy ?? "—"}` },
          {
            key: "Telegram",
            value: r.telegramId ? (
              <a class="govuk-link" href={`/telegrams/${r.telegramId}`}>
                {r.messageRef}
              </a>
            ) : (
              <Muted>not filed</Muted>
            ),
          },
        ]}
      />
      <h2 class="govuk-heading-m">Summary</h2>
      <p class="govuk-body">
        <Seen p={r.summary} />
      </p>
      {r.items.map((it) => (
        <section class="plenary-guidance-item">
          <h3 class="govuk-heading-s">
            {it.letter}. <Seen p={it.heading} />
          </h3>
          <p class="govuk-body">
            <strong>Said: </strong>
            <Seen p={it.said} />
          </p>
          <p class="govuk-body">
            <strong>Outcome: </strong>
            <Seen p={it.outcome} />
          </p>
        </section>
      ))}
      <h2 class="govuk-heading-m">Requests for guidance</h2>
      <RequestsTable requests={r.requests} csrf={csrfOf(c)} answer={draftGuidance.allows(reader)} />
      <MarkingBanner marking={r.banner} ladder={ladder} position="bottom" />
    </>,
  );
}

export function reportPages(app: Hono<AppEnv>): void {
  app.get("/guidance/:id{[0-9]+}/report", (c) => reportForm(c, idOf(c)));
  app.post("/guidance/:id{[0-9]+}/report", async (c) => {
    const id = idOf(c);
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const row = await visibleRow(db, reader, id, clock.now());
    const meeting = await visibleMeeting(db, reader, row.meetingId);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    let map: Record<string, string> = {};
    const result = await submitForm(
      c,
      {
        prefix: "report",
        schema: NewReport,
        get fields() {
          return map;
        },
        read: (f) => {
          const read = readReport(f, id, row.content.items.length, meeting?.timeZone ?? "UTC");
          map = fieldMap(read.used, read.slots);
          return read.value;
        },
      },
      (input) => db.transaction((tx) => fileMeetingReport(tx, actingOf(c), input)),
      body,
    );
    if (result.ok) return c.redirect(`/reports/${result.value.id}`, 303);
    return reportForm(c, id, result.form, result.status);
  });
  app.get("/reports/:id{[0-9]+}", (c) => reportPage(c, idOf(c)));
}
