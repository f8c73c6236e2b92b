/** The year's meetings and deadlines, and the form to schedule a meeting: GET and POST /meetings. */
import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Reader } from "../../core/access/reader.js";
import { type AppEnv, actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  DataTable,
  ErrorSummary,
  Form,
  Muted,
  Select,
  TextArea,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormState, submitForm } from "../../core/pages/form.js";
import { createMeeting } from "../commands/create-meeting.js";
import { type DeadlineView, type MeetingView, NewMeetingInput } from "../contract.js";
import { schedule, scheduleExperts } from "../policy.js";
import { presentDeadlines, presentMeetings } from "../present.js";
import { MEETING_KINDS, MEETING_STATUSES, PROFILE, STATUS_LABELS } from "../profile.js";
import { visibleDeadlines, visibleMeetings } from "../queries.js";
import { rangeText } from "../zones.js";
import { DeadlineTable } from "./deadline-table.js";

/** The year asked for (?year=2008), or the clock's. */
export function yearOf(c: Ctx): number {
  const q = c.req.query("year");
  return q && /^\d{4}$/.test(q) ? Number(q) : c.get("deps").clock.now().getUTCFullYear();
}

const LABELS = {
  kind: "Kind",
  title: "Title (optional)",
  host: "Host government (code)",
  city: "City",
  timeZone: "Time zone",
  firstDay: "First day",
  lastDay: "Last day",
  daysWithoutSessions: "Days without formal sessions",
  conjunctionWithId: "In conjunction with",
  chair: "Chair",
  status: "Status",
  agenda: "Agenda items",
};

const ScheduleForm: FC<{
  csrf: string | null;
  reader: Reader;
  plenaries: MeetingView[];
  form: FormState;
}> = ({ csrf, reader, plenaries, form }) => (
  <section class="no-print" aria-labelledby="schedule-title">
    <h2 class="govuk-heading-m" id="schedule-title">
      Schedule a meeting
    </h2>
    <Form action="/meetings" csrf={csrf}>
      <Select
        form={form}
        name="kind"
        label={LABELS.kind}
        choices={MEETING_KINDS.filter((k) => schedule.allows(reader, k)).map((k) => ({
          value: k,
          label: PROFILE.kinds[k].label,
        }))}
      />
      <TextField
        form={form}
        name="title"
        label={LABELS.title}
        hint="Left empty: e.g. 2008 Canberra Plenary."
      />
      <TextField form={form} name="host" label={LABELS.host} hint="Two letters, e.g. AU." width={2} />
      <TextField form={form} name="city" label={LABELS.city} width={20} />
      <TextField
        form={form}
        name="timeZone"
        label={LABELS.timeZone}
        hint="An IANA name, e.g. Australia/Sydney."
        width={20}
      />
      <TextField form={form} name="firstDay" label={LABELS.firstDay} type="date" />
      <TextField form={form} name="lastDay" label={LABELS.lastDay} type="date" />
      <TextField
        form={form}
        name="daysWithoutSessions"
        label={LABELS.daysWithoutSessions}
        hint="YYYY-MM-DD, comma-separated."
      />
      <Select
        form={form}
        name="conjunctionWithId"
        label={LABELS.conjunctionWithId}
        choices={[
          { value: "", label: "— none (intersessional) —" },
          ...plenaries.map((p) => ({ value: String(p.id), label: p.title })),
        ]}
      />
      <TextField form={form} name="chair" label={LABELS.chair} />
      <Select
        form={form}
        name="status"
        label={LABELS.status}
        value="proposed"
        choices={MEETING_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
      />
      <TextArea
        form={form}
        name="agenda"
        label={LABELS.agenda}
        hint="One a line, in order. Start a line with its marking in brackets, e.g. (RR) Membership; otherwise it is PUBLIC."
        rows={4}
      />
      <Button>Schedule</Button>
    </Form>
  </section>
);

const CalendarPage: FC<{
  year: number;
  meetings: MeetingView[];
  deadlines: DeadlineView[];
  form: FormState;
  /** The schedule form, for those who may schedule a meeting of some kind. */
  offer: { reader: Reader; plenaries: MeetingView[]; csrf: string | null } | null;
}> = ({ year, meetings, deadlines, form, offer }) => (
  <>
    <ErrorSummary form={form} />
    <h1 class="govuk-heading-l">Meetings of {year}</h1>
    <nav aria-label="Years" class="no-print">
      <p class="govuk-body">
        <a class="govuk-link" href={`/meetings?year=${year - 1}`}>
          ← {year - 1}
        </a>{" "}
        ·{" "}
        <a class="govuk-link" href={`/meetings/timeline?year=${year}`}>
          Timeline of {year}
        </a>{" "}
        ·{" "}
        <a class="govuk-link" href="/account/calendar">
          Subscribe to your calendar
        </a>{" "}
        ·{" "}
        <a class="govuk-link" href="/deadline-rules">
          Deadline rules
        </a>{" "}
        ·{" "}
        <a class="govuk-link" href={`/meetings?year=${year + 1}`}>
          {year + 1} →
        </a>
      </p>
    </nav>
    <DataTable
      caption={`Meetings (${meetings.length})`}
      rows={meetings}
      empty={`No meetings in ${year} that you may see.`}
      rowClass={(m) => `status-${m.status}`}
      columns={[
        { header: "Dates", cell: (m) => rangeText(m.firstDay, m.lastDay) },
        {
          header: "Meeting",
          cell: (m) => (
            <>
              <a class="govuk-link" href={`/meetings/${m.id}`}>
                {m.title}
              </a>
              {m.conjunctionWith ? <Muted> (with the {m.conjunctionWith.title})</Muted> : null}
            </>
          ),
        },
        { header: "Kind", cell: (m) => m.kindLabel },
        { header: "Where", cell: (m) => `${m.city}, ${m.host.name}` },
        { header: "Status", cell: (m) => STATUS_LABELS[m.status] },
      ]}
    />
    <section id="deadlines" aria-labelledby="deadlines-title">
      <h2 class="govuk-heading-m" id="deadlines-title">
        Deadlines due in {year}
      </h2>
      {deadlines.length ? (
        <DeadlineTable deadlines={deadlines} showMeeting={true} />
      ) : (
        <p class="govuk-body">None that you may see.</p>
      )}
    </section>
    {offer ? <ScheduleForm {...offer} form={form} /> : null}
  </>
);

async function calendarPage(c: Ctx, form: FormState = emptyForm("m"), status: ContentfulStatusCode = 200) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const now = clock.now();
  const year = yearOf(c);
  const rows = await visibleMeetings(db, reader, { from: `${year}-01-01`, to: `${year}-12-31` });
  const deadlines = await visibleDeadlines(db, reader, {
    from: new Date(`${year}-01-01T00:00:00Z`),
    to: new Date(`${year + 1}-01-01T00:00:00Z`),
  });
  const offer = scheduleExperts.allows(reader)
    ? {
        reader,
        csrf: csrfOf(c),
        plenaries: await presentMeetings(
          db,
          reader,
          (await visibleMeetings(db, reader, { from: `${year - 1}-01-01` })).filter(
            (m) => m.kind === "plenary",
          ),
        ),
      }
    : null;
  return renderPage(
    c,
    `Meetings of ${year}`,
    <CalendarPage
      year={year}
      meetings={await presentMeetings(db, reader, rows)}
      deadlines={await presentDeadlines(db, reader, deadlines, now, c.get("site").ports)}
      form={form}
      offer={offer}
    />,
    { status },
  );
}

export function calendarPages(app: Hono<AppEnv>): void {
  app.get("/meetings", (c) => calendarPage(c));

  app.post("/meetings", async (c) => {
    const who = actingOf(c);
    const result = await submitForm(
      c,
      {
        prefix: "m",
        schema: NewMeetingInput,
        labels: LABELS,
        read: (f) => ({
          kind: f.text("kind"),
          title: f.optional("title"),
          host: f.text("host"),
          city: f.text("city"),
          timeZone: f.text("timeZone"),
          firstDay: f.text("firstDay"),
          lastDay: f.text("lastDay"),
          daysWithoutSessions: f.words("daysWithoutSessions"),
          conjunctionWithId: f.id("conjunctionWithId"),
          chair: f.nullable("chair"),
          status: f.optional("status") ?? "proposed",
          agenda: f.lines("agenda"),
        }),
      },
      (input) => c.get("deps").db.transaction((tx) => createMeeting(tx, who, input)),
    );
    if (result.ok) return c.redirect(`/meetings/${result.value.id}?notice=scheduled`, 303);
    return calendarPage(c, result.form, result.status);
  });
}
