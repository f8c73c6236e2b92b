/**
 * GET /guidance: a government's guidance (at the post: the inbox of released guidance); GET and
 * POST /guidance/new: start a draft, blank or from a telegram in the archive; GET /guidance/queue:
 * the office's queue of reports and requests for guidance.
 */

import { and, desc, eq, ilike, lte } from "drizzle-orm";
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { forbidden, invalid, notFound } from "../../core/errors.js";
import { type AppEnv, actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  DataTable,
  ErrorSummary,
  Form,
  Muted,
  Select,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormBody, type FormState, submitForm } from "../../core/pages/form.js";
import { visibleMeetings } from "../../meetings/index.js";
import { archivedTelegrams } from "../../telegram/index.js";
import { auditGuidanceList } from "../api/read.js";
import { reportView } from "../api/reports.js";
import { createGuidance } from "../commands/save-guidance.js";
import { type GuidanceSummaryView, NewGuidance, type ReportView, type RequestView } from "../contract.js";
import { atCapital, draftGuidance, readGuidance, readQueue } from "../policy.js";
import { presentRequests, presentSummaries } from "../present.js";
import { listGuidance, listReports, listRequests } from "../queries.js";
import { Seen, StateTag } from "./shared.js";

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "");

const GuidanceTable = ({ items, caption }: { items: GuidanceSummaryView[]; caption: string }) => (
  <DataTable<GuidanceSummaryView>
    caption={caption}
    rows={items}
    empty="No guidance."
    rowId={(g) => `guidance-${g.id}`}
    columns={[
      {
        header: "Subject",
        cell: (g) => (
          <a class="govuk-link" href={`/guidance/${g.id}`}>
            <Seen p={g.subject} />
          </a>
        ),
      },
      { header: "Meeting", cell: (g) => g.meeting.title },
      { header: "State", cell: (g) => <StateTag state={g.state} /> },
      {
        header: "Telegram",
        cell: (g) => (g.reference ? `${g.reference}, ${when(g.sentAt)}` : <Muted>—</Muted>),
      },
      { header: "Banner", cell: (g) => g.banner },
    ]}
  />
);

async function listPage(c: Ctx) {
  const reader = readerOf(c);
  if (!readGuidance.allows(reader)) throw notFound("guidance");
  const { db } = c.get("deps");
  const items = await presentSummaries(db, reader, await listGuidance(db, reader));
  await auditGuidanceList(c, items.length);
  const capital = atCapital(reader);
  return renderPage(
    c,
    "Guidance",
    <>
      <h1 class="govuk-heading-l">
        {capital ? `${reader.government.name}: guidance` : "Guidance for your meetings"}
      </h1>
      <p class="govuk-body">
        {capital
          ? `Guidance to ${reader.government.name}'s representatives, drafted item by item, cleared, approved and released as telegrams. It is ${reader.government.name}'s alone: no other government sees it.`
          : "The guidance your capital released for the meetings you attend, item by item. Report on a meeting from its guidance."}
      </p>
      {draftGuidance.allows(reader) ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/guidance/new">
            Start guidance for a meeting
          </a>
          {" · "}
          <a class="govuk-link" href="/guidance/queue">
            The office's queue: reports and requests for guidance
          </a>
        </p>
      ) : null}
      <GuidanceTable
        items={items}
        caption={`${items.length} guidance telegram${items.length === 1 ? "" : "s"} and drafts`}
      />
    </>,
    { notice: noticeOf(c, { answered: "The draft answer is started." }) },
  );
}

const NEW_LABELS = { meetingId: "Meeting", fromTelegram: "Start from a telegram in your archive" };

async function newPage(c: Ctx, form: FormState | null = null, status: ContentfulStatusCode = 200) {
  const reader = readerOf(c);
  if (!readGuidance.allows(reader)) throw notFound("guidance");
  if (!draftGuidance.allows(reader)) throw forbidden(String(draftGuidance.refusal));
  const { db } = c.get("deps");
  const meetings = await visibleMeetings(db, reader);
  // Guidance telegrams of the archive the drafter may read whole, newest first.
  const earlier = await db
    .select({ ref: archivedTelegrams.messageRef, subject: archivedTelegrams.subject })
    .from(archivedTelegrams)
    .where(
      and(
        eq(archivedTelegrams.space, reader.government.code),
        lte(archivedTelegrams.banner, reader.nationalClearance),
        ilike(archivedTelegrams.subject, "%GUIDANCE%"),
      ),
    )
    .orderBy(desc(archivedTelegrams.sentAt))
    .limit(20);
  const f = form ?? emptyForm("guidance", { fromTelegram: c.req.query("from") ?? "" });
  return renderPage(
    c,
    "Start guidance",
    <>
      <ErrorSummary form={f} />
      <h1 class="govuk-heading-l">Start guidance for a meeting</h1>
      <p class="govuk-body">
        A draft of {reader.government.name}, addressed as your last released guidance. Start it from an old
        guidance telegram to take its items, instruction blocks, points and markings.
      </p>
      <Form action="/guidance/new" csrf={csrfOf(c)}>
        <Select
          form={f}
          name="meetingId"
          label={NEW_LABELS.meetingId}
          choices={[
            { value: "", label: "Choose a meeting" },
            ...meetings.map((m) => ({ value: String(m.id), label: `${m.title} (${m.firstDay})` })),
          ]}
        />
        <TextField
          form={f}
          name="fromTelegram"
          label={NEW_LABELS.fromTelegram}
          hint="Its message reference, e.g. 08STATE70895; leave empty to start blank"
          width={20}
        />
        {earlier.length ? (
          <details class="govuk-details">
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">Guidance telegrams in your archive</span>
            </summary>
            <div class="govuk-details__text">
              <ul class="govuk-list">
                {earlier.map((t) => (
                  <li>
                    <a class="govuk-link" href={`/guidance/new?from=${encodeURIComponent(t.ref ?? "")}`}>
                      {t.ref}
                    </a>
                    : {t.subject}
                  </li>
                ))}
              </ul>
            </div>
          </details>
        ) : null}
        <Button>Start the draft</Button>
      </Form>
    </>,
    { status },
  );
}

const ReportsTable = ({ reports }: { reports: ReportView[] }) => (
  <DataTable<ReportView>
    caption={`${reports.length} report${reports.length === 1 ? "" : "s"}`}
    rows={reports}
    empty="No reports."
    columns={[
      {
        header: "Report",
        cell: (r) => (
          <a class="govuk-link" href={`/reports/${r.id}`}>
            {r.meeting.title}
          </a>
        ),
      },
      { header: "Telegram", cell: (r) => r.messageRef ?? "" },
      { header: "On guidance", cell: (r) => r.guidanceReference ?? "" },
      { header: "Slugged for", cell: (r) => r.slug || <Muted>—</Muted> },
      { header: "Filed", cell: (r) => `${when(r.filedAt)} by ${r.filedBy ?? "—"}` },
    ]}
  />
);

export const RequestsTable = ({
  requests,
  csrf,
  answer,
}: {
  requests: RequestView[];
  csrf: string | null;
  answer: boolean;
}) => (
  <DataTable<RequestView>
    caption={`${requests.length} open request${requests.length === 1 ? "" : "s"} for guidance`}
    rows={requests}
    empty="No request for guidance is waiting."
    columns={[
      { header: "Needed by", cell: (q) => <strong>{when(q.neededBy)}</strong> },
      { header: "Question", cell: (q) => <Seen p={q.question} /> },
      {
        header: "From",
        cell: (q) =>
          q.reportId ? (
            <a class="govuk-link" href={`/reports/${q.reportId}`}>
              report by {q.askedBy ?? "—"}
            </a>
          ) : (
            (q.askedBy ?? "")
          ),
      },
      {
        header: "Answer",
        cell: (q) =>
          q.answer ? (
            <a class="govuk-link" href={`/guidance/${q.answer.guidanceId}`}>
              draft answer ({q.answer.state})
            </a>
          ) : answer ? (
            <Form action={`/guidance-requests/${q.id}/answer`} csrf={csrf} aria-label="Start the answer">
              <Button secondary>Start the answer</Button>
            </Form>
          ) : (
            <Muted>not yet</Muted>
          ),
      },
    ]}
  />
);

/** The office's queue: what the post sent back, slugged for the reader's office (named in their title). */
export async function queueOf(c: Ctx) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const now = clock.now();
  const rows = await listReports(db, reader);
  const reports: ReportView[] = [];
  for (const r of rows) reports.push(await reportView(db, reader, r, now));
  const requests = await presentRequests(db, reader, await listRequests(db, reader, { open: true }));
  return { reports, requests };
}

async function queuePage(c: Ctx) {
  const reader = readerOf(c);
  if (!readQueue.allows(reader)) throw notFound("queue");
  const { reports, requests } = await queueOf(c);
  return renderPage(
    c,
    "The office's queue",
    <>
      <h1 class="govuk-heading-l">Reports and requests for guidance</h1>
      <p class="govuk-body">
        What {reader.government.name}'s representatives sent back: reports on meetings, and points the
        guidance did not cover, each with the time the answer is needed by.
      </p>
      <h2 class="govuk-heading-m">Requests for guidance</h2>
      <RequestsTable requests={requests} csrf={csrfOf(c)} answer={draftGuidance.allows(reader)} />
      <h2 class="govuk-heading-m">Reports</h2>
      <ReportsTable reports={reports} />
    </>,
  );
}

export function listPages(app: Hono<AppEnv>): void {
  app.get("/guidance", (c) => listPage(c));
  app.get("/guidance/queue", (c) => queuePage(c));
  app.get("/guidance/new", (c) => newPage(c));
  app.post("/guidance/new", async (c) => {
    const reader = readerOf(c);
    if (!readGuidance.allows(reader)) throw notFound("guidance");
    const { db } = c.get("deps");
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const ref = typeof body.fromTelegram === "string" ? body.fromTelegram.trim().toUpperCase() : "";
    const [found] = ref
      ? await db
          .select({ id: archivedTelegrams.id })
          .from(archivedTelegrams)
          .where(
            and(eq(archivedTelegrams.space, reader.government.code), eq(archivedTelegrams.messageRef, ref)),
          )
      : [];
    const result = await submitForm(
      c,
      {
        prefix: "guidance",
        schema: NewGuidance,
        labels: NEW_LABELS,
        fields: { fromTelegramId: "fromTelegram" },
        read: (f) => ({ meetingId: f.id("meetingId") ?? undefined, fromTelegramId: found?.id }),
      },
      (input) => {
        if (ref && !found)
          throw invalid(
            "fromTelegramId",
            `no telegram ${ref} is in your archive: give its message reference, e.g. 08STATE70895`,
          );
        return db.transaction((tx) => createGuidance(tx, actingOf(c), input));
      },
      body,
    );
    if (result.ok) return c.redirect(`/guidance/${result.value.id}?notice=created`, 303);
    return newPage(c, result.form, result.status);
  });
}
