/** A meeting as its page shows it: facts, agenda, deadlines, proposed changes of dates, and the forms the reader may use. */
import type { FC } from "hono/jsx";
import type { Reader } from "../../core/access/reader.js";
import { ErrorSummary, Muted, PortionMark, SummaryList, Withheld } from "../../core/pages/components.js";
import type { FormState } from "../../core/pages/form.js";
import type { DeadlineView, MeetingView } from "../contract.js";
import { recordAgreement, schedule, submit, waive } from "../policy.js";
import { AGREEMENT_LABELS, STATUS_LABELS } from "../profile.js";
import { dayText, rangeText } from "../zones.js";
import { DeadlineTable } from "./deadline-table.js";
import {
  AGREEMENT,
  AgreementForm,
  CHANGE,
  ChangeForm,
  changeValues,
  formOf,
  PROPOSAL,
  ProposalForm,
  SUBMISSION,
  SubmissionForm,
  WAIVER,
  WaiverForm,
} from "./meeting-forms.js";

export const MeetingDetails: FC<{
  m: MeetingView;
  deadlines: DeadlineView[];
  reader: Reader;
  csrf: string | null;
  /** The form the reader sent that was refused, to show again. */
  refused: FormState | null;
  /** Today on the host's calendar. */
  today: string;
}> = ({ m, deadlines, reader, csrf, refused, today }) => {
  const manage = schedule.allows(reader, m.kind);
  const mayWaive = waive.allows(reader);
  const maySubmit = submit.allows(reader);
  const mayRecord = recordAgreement.allows(reader);
  return (
    <>
      <ErrorSummary form={refused} />
      <h1 class="govuk-heading-l">{m.title}</h1>
      <SummaryList
        rows={[
          { key: "Kind", value: m.kindLabel },
          {
            key: "Dates",
            value: (
              <>
                {dayText(m.firstDay)} to {dayText(m.lastDay)} <Muted>({m.timeZone})</Muted>
              </>
            ),
          },
          {
            key: "No formal sessions",
            value: m.daysWithoutSessions.length ? m.daysWithoutSessions.map(dayText).join("; ") : null,
          },
          { key: "Host", value: `${m.host.name}, ${m.city}` },
          {
            key: "Held in conjunction with",
            value: m.conjunctionWith ? (
              <a class="govuk-link" href={`/meetings/${m.conjunctionWith.id}`}>
                {m.conjunctionWith.title}
              </a>
            ) : null,
          },
          { key: "Chair", value: m.chair ?? "—" },
          { key: "Status", value: STATUS_LABELS[m.status] },
          { key: "Notes", value: m.notes },
        ]}
      />
      <p class="govuk-body no-print">
        <a class="govuk-link" href={`/meetings/${m.id}.ics`} download={`meeting-${m.id}.ics`}>
          Add to calendar (.ics)
        </a>{" "}
        ·{" "}
        <a class="govuk-link" href={`/meetings/timeline?year=${m.firstDay.slice(0, 4)}`}>
          Timeline
        </a>
      </p>
      <section aria-labelledby="agenda-title">
        <h2 class="govuk-heading-m" id="agenda-title">
          Agenda
        </h2>
        {m.agenda.length ? (
          <ol class="govuk-list govuk-list--number">
            {m.agenda.map((a) => (
              <li id={`agenda-item-${a.id}`}>
                {a.withheld ? <Withheld marking={a.marking} /> : a.title} <PortionMark marking={a.marking} />
              </li>
            ))}
          </ol>
        ) : (
          <p class="govuk-body">No agenda items yet.</p>
        )}
      </section>
      <section id="deadlines" aria-labelledby="deadlines-title">
        <h2 class="govuk-heading-m" id="deadlines-title">
          Deadlines
        </h2>
        {deadlines.length ? (
          <DeadlineTable deadlines={deadlines} showMeeting={false} />
        ) : (
          <p class="govuk-body">No deadline rule hangs on this meeting.</p>
        )}
        {maySubmit && deadlines.length ? (
          <SubmissionForm
            m={m}
            deadlines={deadlines}
            reader={reader}
            csrf={csrf}
            form={formOf(refused, SUBMISSION.prefix)}
          />
        ) : null}
        {mayWaive && deadlines.length ? (
          <WaiverForm m={m} deadlines={deadlines} csrf={csrf} form={formOf(refused, WAIVER.prefix)} />
        ) : null}
        {maySubmit ? (
          <p class="govuk-body-s">
            <Muted>
              Your government: {reader.government.code}. Late submissions are accepted and marked late.
            </Muted>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="changes-title">
        <h2 class="govuk-heading-m" id="changes-title">
          Proposed changes of dates
        </h2>
        {m.dateChanges.length ? (
          <ul class="govuk-list">
            {m.dateChanges.map((ch) => (
              <li>
                From {rangeText(ch.from.firstDay, ch.from.lastDay)} to{" "}
                {rangeText(ch.to.firstDay, ch.to.lastDay)}, proposed by {ch.proposedBy} on {ch.proposedOn}:{" "}
                <strong>{AGREEMENT_LABELS[ch.agreement]}</strong>
                {ch.note ? <Muted> — {ch.note}</Muted> : null}
                {mayRecord ? (
                  <AgreementForm
                    m={m}
                    change={ch}
                    csrf={csrf}
                    form={formOf(refused, AGREEMENT.prefix(ch.id))}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="govuk-body">None.</p>
        )}
        {manage ? <ProposalForm m={m} csrf={csrf} form={formOf(refused, PROPOSAL.prefix)} /> : null}
      </section>
      {manage ? (
        <section class="no-print" aria-labelledby="edit-title">
          <h2 class="govuk-heading-m" id="edit-title">
            Change this meeting
          </h2>
          <ChangeForm m={m} csrf={csrf} form={formOf(refused, CHANGE.prefix, changeValues(m))} />
          <p class="govuk-body-s">
            <Muted>
              Today in {m.city}: {today}.
            </Muted>
          </p>
        </section>
      ) : null}
    </>
  );
};
