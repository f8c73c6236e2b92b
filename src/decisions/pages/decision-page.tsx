import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  DataTable,
  Details,
  ErrorSummary,
  Form,
  Marked,
  Muted,
  PortionMark,
  SummaryList,
  TaskList,
  Withheld,
} from "../../core/pages/components.js";
import { emptyForm } from "../../core/pages/form.js";
import { visibleMeetings } from "../../meetings/index.js";
import { proposalOrNotFound } from "../api/routes.js";
import { manageDecisions, prepareDraft, statesForOwn } from "../policy.js";
import { OPEN, POSITION_LABELS, STATE_LABELS } from "../rules.js";
import { type Forms, managementForms, PositionFields } from "./forms.js";
import { DeadlineText, PositionTag, progressTasks, StateTag, TitleText } from "./shared.js";

export const NOTICES = {
  proposed: "Your proposal is saved as a draft of your government.",
  stated: "Your government's position is recorded.",
  drafted: "The draft position is kept in your government's space.",
  circulated: "The proposal is circulated to every Partner.",
  silence: "The proposal is under silence procedure; every Partner is told.",
  meeting: "The proposal is put to a decision at the meeting.",
  outcome: "The outcome is recorded.",
};

export async function decisionPage(
  c: Ctx,
  id: number,
  forms: Forms = {},
  status: ContentfulStatusCode = 200,
) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const now = clock.now();
  const p = await proposalOrNotFound(db, reader, id, now);
  const meetings = manageDecisions.allows(reader) ? await visibleMeetings(db, reader) : [];
  const open = OPEN.includes(p.state);
  const mine = p.grid.find((g) => g.governmentCode === reader.government.code)?.position ?? null;
  const draftValues: Record<string, string> = p.draft
    ? { position: p.draft.position, reason: p.draft.reason ?? "", amendment: p.draft.amendment ?? "" }
    : {};
  const pf = forms.position ?? emptyForm("position", draftValues);
  const df = forms.draft ?? emptyForm("draft", draftValues);
  const csrf = csrfOf(c);
  return renderPage(
    c,
    `Proposal ${p.id}`,
    <Marked marking={p.marking}>
      <span class="govuk-caption-l">Proposal {p.id}</span>
      <h1 class="govuk-heading-l">
        <TitleText title={p.title} />
      </h1>
      <SummaryList
        rows={[
          { key: "State", value: <StateTag state={p.state} /> },
          { key: "Proposed by", value: p.proposer },
          {
            key: "Meeting",
            value: p.meeting ? (
              <a class="govuk-link" href={`/meetings/${p.meeting.id}`}>
                {p.meeting.title}
              </a>
            ) : null,
          },
          {
            key: "Decided",
            value:
              p.procedure === "silence"
                ? "by silence procedure: adopted at the deadline unless a Partner breaks silence"
                : p.procedure === "meeting"
                  ? "at a meeting, by consensus"
                  : null,
          },
          {
            key:
              p.state === "under_silence"
                ? "Silence closes"
                : p.state === "provisionally_agreed"
                  ? "Becomes final"
                  : "Closed",
            value:
              p.deadline && open ? (
                <DeadlineText deadline={p.deadline} />
              ) : p.closedAt ? (
                `${p.closedAt.slice(0, 16).replace("T", " ")} UTC`
              ) : null,
          },
          {
            key: "Final at",
            value: p.finalAtMeeting
              ? `the opening of the ${p.finalAtMeeting.title}, unless a Partner objects`
              : p.finalOn
                ? `the end of ${p.finalOn} (Paris time), unless a Partner objects`
                : null,
          },
          {
            key: "Record of decision",
            value: p.recordPaper ? (
              <a class="govuk-link" href={`/papers/${p.recordPaper}`}>
                POC DOC {p.recordPaper}
              </a>
            ) : null,
          },
          {
            key: "Papers",
            value: p.papers.length
              ? p.papers.map((x, i) => (
                  <>
                    {i ? ", " : ""}
                    <a class="govuk-link" href={`/papers/${x.number}`}>
                      {x.label}
                    </a>
                  </>
                ))
              : null,
          },
          {
            key: "Change of dates",
            value: p.dateChange ? `${p.dateChange.from} → ${p.dateChange.to}` : null,
          },
          {
            key: "Agenda item",
            value: p.agendaItem ? <TitleText title={p.agendaItem.title} /> : null,
          },
          { key: "Note", value: p.outcomeNote },
        ]}
      />
      <TaskList
        id="progress"
        tasks={progressTasks(p, {
          name: reader.government.name,
          states: statesForOwn(reader),
          position: mine ? { label: POSITION_LABELS[mine.position], stater: mine.stater } : null,
        })}
      />
      <h2 class="govuk-heading-m">Text</h2>
      {p.text.map((t) =>
        t.withheld ? (
          <Withheld marking={t.marking} block />
        ) : (
          <p class="govuk-body">
            <PortionMark marking={t.marking} /> {t.text}
          </p>
        ),
      )}
      {statesForOwn(reader) && open ? (
        <section aria-labelledby="state-position" class="no-print">
          <h2 class="govuk-heading-m" id="state-position">
            State my government's position
          </h2>
          <p class="govuk-body">
            You state {reader.government.name}'s position; it replaces{" "}
            {mine
              ? `the one standing (${POSITION_LABELS[mine.position].toLowerCase()}, stated by ${mine.stater})`
              : "none"}
            , and both stay in the history.
            {p.draft
              ? ` Filled in from your government's draft position, prepared by ${p.draft.preparer}.`
              : ""}
          </p>
          <Form
            action={`/decisions/${p.id}/position`}
            csrf={csrf}
            aria-label="State my government's position"
          >
            <ErrorSummary form={pf} />
            <PositionFields f={pf} />
            <Button>State the position</Button>
          </Form>
        </section>
      ) : null}
      {prepareDraft.allows(reader) && open ? (
        <Details
          summary={`Your government's draft position (seen only by ${reader.government.name})`}
          open={!!forms.draft}
        >
          {p.draft ? (
            <p class="govuk-body">
              Prepared by {p.draft.preparer} on {p.draft.preparedAt.slice(0, 10)}:{" "}
              {POSITION_LABELS[p.draft.position].toLowerCase()}
              {p.draft.reason ? ` — ${p.draft.reason}` : ""}.
            </p>
          ) : null}
          <Form action={`/decisions/${p.id}/draft`} csrf={csrf} aria-label="Prepare a draft position">
            <ErrorSummary form={df} />
            <PositionFields f={df} />
            <Button secondary>Keep as the draft position</Button>
          </Form>
        </Details>
      ) : null}
      {managementForms(c, p, reader, forms, meetings)}
      <h2 class="govuk-heading-m">Partners' positions</h2>
      <p class="govuk-body">
        {p.grid.length} Partners: {p.tally.support ?? 0} support, {p.tally.no_objection ?? 0} no objection,{" "}
        {p.tally.reserve ?? 0} reserve, {p.tally.object ?? 0} object, {p.tally.amend ?? 0} propose an
        amendment, {p.tally.silent ?? 0} silent.
      </p>
      <DataTable
        caption="Partner × position"
        id="grid"
        rows={p.grid}
        empty="No Partners."
        rowId={(g) => `partner-${g.governmentCode}`}
        columns={[
          { header: "Partner", cell: (g) => g.government },
          { header: "Position", cell: (g) => <PositionTag position={g.position?.position ?? null} /> },
          {
            header: "Reason or amendment",
            cell: (g) => g.position?.amendment ?? g.position?.reason ?? <Muted>—</Muted>,
          },
          {
            header: "Stated by",
            cell: (g) =>
              g.position ? (
                `${g.position.stater}, ${g.position.statedAt.slice(0, 16).replace("T", " ")} UTC`
              ) : (
                <Muted>—</Muted>
              ),
          },
        ]}
      />
      <h2 class="govuk-heading-m">History</h2>
      <ol class="govuk-list govuk-list--number">
        {p.events.map((e) => (
          <li>
            {e.at.slice(0, 16).replace("T", " ")} UTC — {e.from ? `${STATE_LABELS[e.from]} → ` : ""}
            {STATE_LABELS[e.to]} ({e.actor}){e.note ? `: ${e.note}` : ""}
          </li>
        ))}
      </ol>
      <Details summary={`Every position stated (${p.positions.length})`}>
        <ul class="govuk-list">
          {p.positions.map((x) => (
            <li>
              {x.statedAt.slice(0, 16).replace("T", " ")} UTC — {x.governmentCode}: {x.label}
              {x.reason ? ` (${x.reason})` : ""} — {x.stater}
              {x.replacedAt ? (
                <Muted> (replaced {x.replacedAt.slice(0, 16).replace("T", " ")} UTC)</Muted>
              ) : null}
            </li>
          ))}
        </ul>
      </Details>
    </Marked>,
    { status, notice: noticeOf(c, NOTICES) },
  );
}
