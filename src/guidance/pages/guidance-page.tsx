/** GET /guidance/{id}: one guidance, item by item, with its workflow and the forms of the next step. */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Reader } from "../../core/access/reader.js";
import type { Ctx } from "../../core/http/env.js";
import { readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import {
  ErrorSummary,
  MarkingBanner,
  Muted,
  SummaryList,
  type Task,
  TaskList,
} from "../../core/pages/components.js";
import { emptyForm } from "../../core/pages/form.js";
import { visibleMeeting } from "../../meetings/index.js";
import { meetingPaperTitles } from "../../papers/index.js";
import { visibleRow } from "../api/read.js";
import { ladderOf } from "../commands/check.js";
import type { GuidanceView } from "../contract.js";
import { draftGuidance, fileReport } from "../policy.js";
import { presentGuidance } from "../present.js";
import { listReports } from "../queries.js";
import { Seen, STATE_LABELS, StateTag } from "./shared.js";
import { CapitalSteps, type Forms, Items, LABELS } from "./steps.js";

export { type Forms, LABELS };

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
      <CapitalSteps v={v} reader={reader} forms={forms} csrf={csrf} approval={approval} />
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
