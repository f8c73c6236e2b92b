/** GET /guidance/{id}: one guidance, item by item, with its workflow and the forms of the next step. */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Reader } from "../../core/access/reader.js";
import type { Ctx } from "../../core/http/env.js";
import { readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  DataTable,
  ErrorSummary,
  Form,
  MarkingBanner,
  Muted,
  SummaryList,
  type Task,
  TaskList,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormState } from "../../core/pages/form.js";
import { visibleMeeting } from "../../meetings/index.js";
import { meetingPaperTitles } from "../../papers/index.js";
import { visibleRow } from "../api/routes.js";
import { ladderOf } from "../commands/check.js";
import type { Mode } from "../content.js";
import type { GuidanceView } from "../contract.js";
import { approveGuidance, atCapital, draftGuidance, fileReport, releaseGuidance } from "../policy.js";
import { presentGuidance } from "../present.js";
import { listReports } from "../queries.js";
import { modeLine } from "../telegram.js";
import { Seen, STATE_LABELS, StateTag } from "./shared.js";

export const NOTICES = {
  created: "The draft is saved.",
  saved: "A new version is saved.",
  asked: "The office is asked to clear the draft.",
  cleared: "The clearance is recorded.",
  approved: "The guidance is approved.",
  released: "The guidance is released as a telegram and filed in your archive.",
  reported: "Your report is filed as a telegram.",
  removed: "The item is removed.",
};

export type Forms = { clearance?: FormState; clear?: FormState; approval?: FormState; release?: FormState };

export const LABELS = {
  office: "Office",
  note: "Note",
  title: "Your title on the Classified By line",
  reasons: "Classification reasons",
  years: "Declassify after (years)",
  from: "Counted from (YYYY-MM-DD)",
};

function tasksOf(v: GuidanceView): Task[] {
  const cleared = v.clearances.filter((c) => c.clearedVersion === v.version).length;
  return [
    { title: "Drafted", status: `version ${v.version}` },
    {
      title: "Cleared by other offices",
      status: v.clearances.length === 0 ? "none asked" : `${cleared} of ${v.clearances.length}`,
      todo: v.state === "draft" && cleared < v.clearances.length,
    },
    {
      title: "Approved",
      status: v.approval ? `by ${v.approval.name}` : "not yet",
      todo: v.state === "draft",
    },
    {
      title: "Released as a telegram",
      status: v.release ? v.release.reference : "not yet",
      todo: v.state !== "released",
      href: v.release?.telegramId ? `/telegrams/${v.release.telegramId}` : undefined,
    },
  ];
}

const Items = ({ v, editable }: { v: GuidanceView; editable: boolean }) => (
  <>
    {v.content.items.map((item, i) => (
      <section class="plenary-guidance-item" aria-labelledby={`item-${i}`} id={`item-${item.letter}`}>
        <h3 class="govuk-heading-s" id={`item-${i}`}>
          {item.letter}. <Seen p={item.heading} />
        </h3>
        <p class="govuk-body-s">
          {item.agendaItem ? (
            <>
              Agenda item {item.agendaItem.position}: {item.agendaItem.title ?? <Muted>title withheld</Muted>}
            </>
          ) : (
            <Muted>Not linked to an agenda item</Muted>
          )}
          {editable ? (
            <>
              {" · "}
              <a class="govuk-link" href={`/guidance/${v.id}/items/${i}`}>
                Edit item {item.letter}
              </a>
            </>
          ) : null}
        </p>
        {item.background ? (
          <p class="govuk-body">
            <strong>Background: </strong>
            <Seen p={item.background} />
          </p>
        ) : null}
        {item.blocks.map((b) => (
          <>
            <p class="govuk-body">
              <strong>{modeLine(b.mode as Mode, v.content.representative)}</strong>
            </p>
            <ul class="govuk-list govuk-list--bullet">
              {b.points.map((p) => (
                <li>
                  <Seen p={p} />
                </li>
              ))}
            </ul>
          </>
        ))}
        {item.notes.map((n) => (
          <p class="govuk-body">
            <strong>Note: </strong>
            <Seen p={n} />
          </p>
        ))}
      </section>
    ))}
  </>
);

async function reportsLine(c: Ctx, reader: Reader, v: GuidanceView) {
  const rows = await listReports(c.get("deps").db, reader, { guidanceId: v.id });
  return rows.length === 0 ? null : (
    <ul class="govuk-list">
      {rows.map((r) => (
        <li>
          <a class="govuk-link" href={`/reports/${r.id}`}>
            Report {r.messageRef ?? r.id}
          </a>{" "}
          <Muted>filed {r.filedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</Muted>
        </li>
      ))}
    </ul>
  );
}

export async function guidancePage(
  c: Ctx,
  id: number,
  forms: Forms = {},
  status: ContentfulStatusCode = 200,
) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const now = clock.now();
  const row = await visibleRow(db, reader, id, now);
  const v = await presentGuidance(db, reader, row, now);
  const ladder = await ladderOf(db, row.space);
  const meeting = await visibleMeeting(db, reader, row.meetingId);
  const csrf = csrfOf(c);
  const editable = draftGuidance.allows(reader) && v.state !== "released";
  const reports = await reportsLine(c, reader, v);
  const meetingPaperList = await meetingPaperTitles(db, reader, row.meetingId);
  const approval =
    forms.approval ??
    emptyForm("approval", {
      title: "",
      reasons: "1.4 (B), (D)",
      years: "25",
      from: meeting?.firstDay ?? now.toISOString().slice(0, 10),
    });
  const refused = Object.values(forms).find((f) => f && f.problems.length > 0);
  return renderPage(
    c,
    `Guidance ${v.id}`,
    <>
      <ErrorSummary form={refused} />
      <MarkingBanner marking={v.banner} ladder={ladder} position="top" />
      <span class="govuk-caption-l">
        Guidance {v.release ? v.release.reference : `draft ${v.id}`} · {STATE_LABELS[v.state]}
      </span>
      <h1 class="govuk-heading-l">
        <Seen p={v.content.subject} />
      </h1>
      <SummaryList
        rows={[
          { key: "State", value: <StateTag state={v.state} /> },
          {
            key: "Meeting",
            value: (
              <a class="govuk-link" href={`/meetings/${v.meeting.id}`}>
                {v.meeting.title}
              </a>
            ),
          },
          { key: "From", value: v.content.from },
          { key: "To", value: `${v.content.to.name} (${v.content.to.precedence})` },
          { key: "Info", value: v.content.info.length ? v.content.info.join("; ") : <Muted>none</Muted> },
          { key: "Attention", value: v.content.attention ?? <Muted>none</Muted> },
          { key: "TAGS", value: v.content.tags.join(" ") || <Muted>none</Muted> },
          {
            key: "References",
            value: v.content.references.length ? (
              <ol class="govuk-list govuk-list--number">
                {v.content.references.map((r) => (
                  <li>
                    {r.href ? (
                      <a class="govuk-link" href={r.href}>
                        {r.text}
                      </a>
                    ) : (
                      r.text
                    )}
                    {r.andPrevious ? " (and previous)" : ""}
                  </li>
                ))}
              </ol>
            ) : (
              <Muted>none</Muted>
            ),
          },
          { key: "Reporting slugged for", value: v.content.slug || <Muted>not named</Muted> },
          { key: "Banner (the highest portion)", value: v.banner },
          ...(v.approval
            ? [
                {
                  key: "Classified By",
                  value: `${v.approval.title} ${v.approval.name}. Reason: ${v.approval.reasons}. E.O. ${v.approval.order}, declassify on ${v.approval.declassifyOn}`,
                },
              ]
            : []),
        ]}
      />
      {v.unplaced.length ? (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            Started from a telegram: {v.unplaced.length} thing{v.unplaced.length === 1 ? "" : "s"} could not
            be placed. Check them before you save.
            <ul class="govuk-list govuk-list--bullet">
              {v.unplaced.map((u) => (
                <li>
                  {u.where}
                  {u.text ? `: ${u.text}` : ""}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <h2 class="govuk-heading-m">Where it stands</h2>
      <TaskList tasks={tasksOf(v)} id="guidance-tasks" />
      <p class="govuk-body">
        <a class="govuk-link" href={`/guidance/${v.id}/telegram`}>
          {v.release ? "Read it as the telegram released" : "Preview it as the telegram"}
        </a>
        {" · "}
        <a class="govuk-link" href={`/guidance/${v.id}/word`}>
          Download it as Word
        </a>
        {editable ? (
          <>
            {" · "}
            <a class="govuk-link" href={`/guidance/${v.id}/edit`}>
              Edit the addressing and paragraphs
            </a>
          </>
        ) : null}
      </p>
      <h2 class="govuk-heading-m">The guidance</h2>
      <p class="govuk-body">
        <strong>1. </strong>
        <Seen p={v.content.actionRequest} />
      </p>
      <p class="govuk-body">
        <strong>2. </strong>
        <Seen p={v.content.purpose} />
      </p>
      {v.content.openingNote ? (
        <p class="govuk-body">
          <strong>Note: </strong>
          <Seen p={v.content.openingNote} />
        </p>
      ) : null}
      <Items v={v} editable={editable} />
      {editable ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/guidance/${v.id}/items/new`}>
            Add an item
          </a>
        </p>
      ) : null}
      <p class="govuk-body">
        <strong>4. </strong>
        <Seen p={v.content.closing} />
      </p>
      <h2 class="govuk-heading-m">The meeting's papers</h2>
      {meetingPaperList.length ? (
        <ul class="govuk-list">
          {meetingPaperList.map((p) => (
            <li>
              <a class="govuk-link" href={`/papers/${p.number}`}>
                POC DOC {p.number}
              </a>
              : {p.title ?? <Muted>title withheld</Muted>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">No paper of this meeting that you may see.</p>
      )}
      {atCapital(reader) ? (
        <>
          <h2 class="govuk-heading-m">Clearances</h2>
          <DataTable
            caption={`${v.clearances.length} office${v.clearances.length === 1 ? "" : "s"} asked`}
            rows={v.clearances}
            empty="No office has been asked to clear this guidance."
            columns={[
              { header: "Office", cell: (x) => x.office },
              {
                header: "Cleared",
                cell: (x) =>
                  x.clearedAt ? (
                    `version ${x.clearedVersion} by ${x.clearedBy ?? "—"}${x.clearedVersion !== v.version ? " (an earlier version)" : ""}`
                  ) : (
                    <Muted>not yet</Muted>
                  ),
              },
              { header: "Note", cell: (x) => x.note ?? "" },
            ]}
          />
          {editable ? (
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-one-half">
                <Form
                  action={`/guidance/${v.id}/clearance-requests`}
                  csrf={csrf}
                  aria-label="Ask an office to clear"
                >
                  <TextField
                    form={forms.clearance ?? emptyForm("clearance")}
                    name="office"
                    label="Ask an office to clear"
                    hint='Its symbol, e.g. "EUR/WE"'
                    width={10}
                  />
                  <Button secondary>Ask to clear</Button>
                </Form>
              </div>
              <div class="govuk-grid-column-one-half">
                <Form action={`/guidance/${v.id}/clearances`} csrf={csrf} aria-label="Record a clearance">
                  <TextField
                    form={forms.clear ?? emptyForm("clear")}
                    name="office"
                    label="Record an office's clearance"
                    hint={`Of this version, ${v.version}`}
                    width={10}
                  />
                  <TextField form={forms.clear ?? emptyForm("clear")} name="note" label={LABELS.note} />
                  <Button secondary>Record the clearance</Button>
                </Form>
              </div>
            </div>
          ) : null}
          <h2 class="govuk-heading-m">Versions</h2>
          <DataTable
            caption={`${v.versions.length} version${v.versions.length === 1 ? "" : "s"}`}
            rows={v.versions}
            empty="No versions."
            columns={[
              { header: "Version", cell: (x) => String(x.version) },
              { header: "Saved", cell: (x) => `${x.savedAt.slice(0, 16).replace("T", " ")} UTC` },
              { header: "By", cell: (x) => x.savedBy ?? "—" },
            ]}
          />
          {v.versions.length > 1 ? (
            <form
              method="get"
              action={`/guidance/${v.id}/compare`}
              class="plenary-inline-form"
              aria-label="Compare versions"
            >
              <div class="govuk-form-group">
                <label class="govuk-label" for="compare-a">
                  Compare version
                </label>
                <select class="govuk-select" id="compare-a" name="a">
                  {v.versions.map((x, i) => (
                    <option value={String(x.version)} selected={i === v.versions.length - 2}>
                      {x.version}
                    </option>
                  ))}
                </select>{" "}
                <label class="govuk-label" for="compare-b">
                  with
                </label>
                <select class="govuk-select" id="compare-b" name="b">
                  {v.versions.map((x, i) => (
                    <option value={String(x.version)} selected={i === v.versions.length - 1}>
                      {x.version}
                    </option>
                  ))}
                </select>{" "}
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Compare
                </button>
              </div>
            </form>
          ) : null}
        </>
      ) : null}
      {v.state === "draft" && approveGuidance.allows(reader) ? (
        <>
          <h2 class="govuk-heading-m">Approve</h2>
          <p class="govuk-body">
            Your name goes on the Classified By line. Approval is refused, naming each problem, while a
            portion is unmarked or above your clearance, an office has not cleared this version, or the
            telegram has an error.
          </p>
          <Form action={`/guidance/${v.id}/approval`} csrf={csrf} aria-label="Approve">
            <TextField form={approval} name="title" label={LABELS.title} hint='e.g. "ISN/MTR Director"' />
            <TextField
              form={approval}
              name="reasons"
              label={LABELS.reasons}
              hint='e.g. "1.4 (B), (D)"'
              width={10}
            />
            <TextField form={approval} name="years" label={LABELS.years} width={4} />
            <TextField
              form={approval}
              name="from"
              label={LABELS.from}
              hint="The meeting's first day"
              width={10}
            />
            <Button>Approve version {String(v.version)}</Button>
          </Form>
        </>
      ) : null}
      {v.state === "approved" && releaseGuidance.allows(reader) ? (
        <>
          <h2 class="govuk-heading-m">Release</h2>
          <p class="govuk-body">
            It goes out once, numbered from the {v.content.station} counter, with the date-time group of now.
            A released telegram is never edited, only followed by another.
          </p>
          <Form action={`/guidance/${v.id}/release`} csrf={csrf} aria-label="Release">
            <Button>Release as a telegram</Button>
          </Form>
        </>
      ) : null}
      {v.state === "released" ? (
        <>
          <h2 class="govuk-heading-m">Reports</h2>
          {reports ?? <p class="govuk-body">No report has been filed on this guidance.</p>}
          {fileReport.allows(reader) ? (
            <p class="govuk-body">
              <a class="govuk-button" href={`/guidance/${v.id}/report`}>
                Report on the meeting
              </a>
            </p>
          ) : null}
        </>
      ) : null}
      <MarkingBanner marking={v.banner} ladder={ladder} position="bottom" />
    </>,
    { status, notice: noticeOf(c, NOTICES) },
  );
}
