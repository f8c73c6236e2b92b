/**
 * The forms of a meeting's page, each with its own prefix (so its fields have ids of their own
 * and a refused form comes back to the right place), and the labels the error summary names.
 */
import type { FC } from "hono/jsx";
import { REGIME_LADDER, rankOf } from "../../core/access/markings.js";
import type { Reader } from "../../core/access/reader.js";
import { Button, Form, Select, TextArea, TextField } from "../../core/pages/components.js";
import { emptyForm, type FormState } from "../../core/pages/form.js";
import { agendaLine } from "../agenda-items.js";
import type { DeadlineView, MeetingView } from "../contract.js";
import { AGREEMENT_LABELS, AGREEMENT_STATES, STATUS_LABELS } from "../profile.js";
import { allowedNext } from "../rules.js";

export const SUBMISSION = {
  prefix: "s",
  labels: { ruleId: "Submit against", title: "Paper title" },
};
export const WAIVER = {
  prefix: "w",
  labels: { ruleId: "Waive", government: "for Partner (code)", reason: "Reason" },
};
export const PROPOSAL = {
  prefix: "dc",
  labels: { firstDay: "New first day", lastDay: "New last day", proposedBy: "Proposed by" },
};
export const AGREEMENT = {
  prefix: (changeId: number) => `ch-${changeId}`,
  labels: { agreement: "Partner agreement" },
};
export const CHANGE = {
  prefix: "e",
  labels: {
    status: "Status",
    firstDay: "First day",
    lastDay: "Last day",
    daysWithoutSessions: "Days without formal sessions",
    chair: "Chair",
    agenda: "Agenda items",
  },
};

/** The refused form if it is this one, else this one as new (with `values` shown). */
export function formOf(
  refused: FormState | null,
  prefix: string,
  values: Record<string, string> = {},
): FormState {
  return refused?.prefix === prefix ? refused : emptyForm(prefix, values);
}

const deadlineChoices = (deadlines: DeadlineView[]) =>
  deadlines.map((d) => ({ value: String(d.rule.id), label: d.what }));

export const SubmissionForm: FC<{
  m: MeetingView;
  deadlines: DeadlineView[];
  reader: Reader;
  csrf: string | null;
  form: FormState;
}> = ({ m, deadlines, reader, csrf, form }) => (
  <Form action={`/meetings/${m.id}/submissions`} csrf={csrf} class="plenary-inline-form no-print">
    <Select
      form={form}
      name="ruleId"
      label={`Submit for ${reader.government.name} against`}
      choices={deadlineChoices(deadlines)}
    />
    <TextField form={form} name="title" label={SUBMISSION.labels.title} />
    <Button>Submit</Button>
  </Form>
);

export const WaiverForm: FC<{
  m: MeetingView;
  deadlines: DeadlineView[];
  csrf: string | null;
  form: FormState;
}> = ({ m, deadlines, csrf, form }) => (
  <Form action={`/meetings/${m.id}/waivers`} csrf={csrf} class="plenary-inline-form no-print">
    <Select form={form} name="ruleId" label={WAIVER.labels.ruleId} choices={deadlineChoices(deadlines)} />
    <TextField form={form} name="government" label={WAIVER.labels.government} width={2} />
    <TextField form={form} name="reason" label={WAIVER.labels.reason} />
    <Button>Waive</Button>
  </Form>
);

export const AgreementForm: FC<{
  m: MeetingView;
  change: MeetingView["dateChanges"][number];
  csrf: string | null;
  form: FormState;
}> = ({ m, change, csrf, form }) => (
  <Form
    action={`/meetings/${m.id}/date-changes/${change.id}`}
    csrf={csrf}
    class="plenary-inline-form no-print"
  >
    <Select
      form={form}
      name="agreement"
      label={AGREEMENT.labels.agreement}
      value={change.agreement}
      choices={AGREEMENT_STATES.map((s) => ({ value: s, label: AGREEMENT_LABELS[s] }))}
    />
    <Button secondary>Record</Button>
  </Form>
);

export const ProposalForm: FC<{ m: MeetingView; csrf: string | null; form: FormState }> = ({
  m,
  csrf,
  form,
}) => (
  <Form action={`/meetings/${m.id}/date-changes`} csrf={csrf} class="plenary-inline-form no-print">
    <TextField form={form} name="firstDay" label={PROPOSAL.labels.firstDay} type="date" />
    <TextField form={form} name="lastDay" label={PROPOSAL.labels.lastDay} type="date" />
    <TextField form={form} name="proposedBy" label={PROPOSAL.labels.proposedBy} />
    <Button>Propose for Partner agreement</Button>
  </Form>
);

/** The meeting as it stands, as the change form first shows it. */
export function changeValues(m: MeetingView): Record<string, string> {
  return {
    status: m.status,
    firstDay: m.firstDay,
    lastDay: m.lastDay,
    daysWithoutSessions: m.daysWithoutSessions.join(", "),
    chair: m.chair ?? "",
    // An item withheld from this reader cannot be typed back; changing such an agenda is refused.
    agenda: m.agenda
      .map((a) =>
        a.withheld
          ? `(${a.marking}) [withheld]`
          : agendaLine(a.title ?? "", rankOf(REGIME_LADDER, a.marking) ?? 0),
      )
      .join("\n"),
  };
}

export const ChangeForm: FC<{ m: MeetingView; csrf: string | null; form: FormState }> = ({
  m,
  csrf,
  form,
}) => (
  <Form action={`/meetings/${m.id}`} csrf={csrf}>
    <Select
      form={form}
      name="status"
      label={CHANGE.labels.status}
      choices={[m.status, ...allowedNext(m.status)].map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
    />
    <TextField form={form} name="firstDay" label={CHANGE.labels.firstDay} type="date" />
    <TextField form={form} name="lastDay" label={CHANGE.labels.lastDay} type="date" />
    <TextField
      form={form}
      name="daysWithoutSessions"
      label={CHANGE.labels.daysWithoutSessions}
      hint="YYYY-MM-DD, comma-separated."
    />
    <TextField form={form} name="chair" label={CHANGE.labels.chair} />
    <TextArea
      form={form}
      name="agenda"
      label={CHANGE.labels.agenda}
      hint="One a line, in order. Start a line with its marking in brackets, e.g. (RR) Membership; an item without one keeps its marking, a new one is PUBLIC."
      rows={8}
    />
    <Button>Save</Button>
  </Form>
);
