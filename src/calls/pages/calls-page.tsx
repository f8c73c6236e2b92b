import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Reader } from "../../core/access/reader.js";
import { type AppEnv, actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  type Choice,
  ErrorSummary,
  Form,
  Select,
  TextArea,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormSpec, type FormState, submitForm } from "../../core/pages/form.js";
import { visibleMeetings } from "../../meetings/index.js";
import { openCall } from "../commands/open-call.js";
import { NewCall } from "../contract.js";
import { mayOpenCall } from "../policy.js";
import { listCalls } from "../queries.js";
import { closingText } from "./parts.js";

const LABELS = {
  meetingId: "Experts meeting",
  title: "Title",
  summary: "Summary",
  closesOn: "Closes on (when no deadline rule applies)",
};

/** The form to open a call, in the shape of the API's contract. */
export const newCallForm: FormSpec<typeof NewCall> = {
  prefix: "c",
  schema: NewCall,
  read: (f) => ({
    meetingId: f.id("meetingId"),
    title: f.text("title"),
    summary: f.text("summary"),
    marking: "RR",
    closesOn: f.nullable("closesOn"),
  }),
  labels: LABELS,
};

const OpenForm: FC<{ form: FormState; csrf: string | null; meetings: Choice[] }> = ({
  form,
  csrf,
  meetings,
}) => (
  <section aria-labelledby="open-title">
    <h2 class="govuk-heading-m" id="open-title">
      Open a call
    </h2>
    <Form action="/calls" csrf={csrf}>
      <Select form={form} name="meetingId" label={LABELS.meetingId} choices={meetings} />
      <TextField form={form} name="title" label={LABELS.title} />
      <TextArea form={form} name="summary" label={LABELS.summary} rows={4} />
      <TextField form={form} name="closesOn" label={LABELS.closesOn} type="date" width={10} />
      <Button>Open the call</Button>
    </Form>
  </section>
);

async function meetingChoices(c: Ctx, reader: Reader): Promise<Choice[]> {
  const rows = await visibleMeetings(c.get("deps").db, reader);
  return rows.map((m) => ({ value: String(m.id), label: m.title }));
}

async function callsPage(c: Ctx, form: FormState = emptyForm("c"), status: ContentfulStatusCode = 200) {
  const reader = readerOf(c);
  const calls = await listCalls(c.get("deps").db, reader);
  return renderPage(
    c,
    "Calls for papers",
    <>
      <ErrorSummary form={form} />
      <h1 class="govuk-heading-l">Calls for papers</h1>
      {calls.length === 0 ? <p class="govuk-body">There are no calls you may see.</p> : null}
      <ul class="govuk-list">
        {calls.map((r) => (
          <li>
            <a class="govuk-link" href={`/calls/${r.call.id}`}>
              {r.meeting}
            </a>
            : POC DOC {r.number}, closes {closingText(r.call.closesAt, r.timeZone)}
          </li>
        ))}
      </ul>
      {mayOpenCall.allows(reader) ? (
        <OpenForm form={form} csrf={csrfOf(c)} meetings={await meetingChoices(c, reader)} />
      ) : null}
    </>,
    { status },
  );
}

export function callsPages(app: Hono<AppEnv>): void {
  app.get("/calls", (c) => callsPage(c));

  app.post("/calls", async (c) => {
    const who = actingOf(c);
    const result = await submitForm(c, newCallForm, (input) =>
      c.get("deps").db.transaction((tx) => openCall(tx, who, input)),
    );
    if (!result.ok) return callsPage(c, result.form, result.status);
    return c.redirect(`/calls/${result.value.id}?notice=opened`, 303);
  });
}
