import type { Child } from "hono/jsx";
import type { Reader } from "../../core/access/reader.js";
import type { Ctx } from "../../core/http/env.js";
import { csrfOf } from "../../core/http/render.js";
import { Button, ErrorSummary, Form, Select, TextArea, TextField } from "../../core/pages/components.js";
import { emptyForm, type FormState } from "../../core/pages/form.js";
import type { ProposalView } from "../contract.js";
import { manageDecisions, withdrawProposal } from "../policy.js";
import { OUTCOMES, POSITION_LABELS, POSITIONS } from "../rules.js";

export const LABELS = {
  position: "Position",
  reason: "Reason",
  amendment: "Amendment",
  deadlineDay: "Closing day",
  deadlineTime: "Closing time",
  deadline: "Deadline",
  meetingId: "Meeting",
  outcome: "Outcome",
  finalOn: "Final on",
  note: "Note",
};

const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  adopted: "Adopted",
  provisionally_agreed: "Provisionally agreed",
  not_agreed: "Not agreed",
};

export type Forms = Partial<
  Record<"position" | "draft" | "silence" | "meeting" | "outcome" | "withdraw" | "circulate", FormState>
>;

export const PositionFields = ({ f }: { f: FormState }): Child => (
  <>
    <Select
      form={f}
      name="position"
      label={LABELS.position}
      choices={[
        { value: "", label: "Choose a position" },
        ...POSITIONS.map((p) => ({ value: p, label: POSITION_LABELS[p] })),
      ]}
    />
    <TextArea
      form={f}
      name="reason"
      label={LABELS.reason}
      rows={3}
      hint="Needed for a reserve (why more time) or an objection (why)."
    />
    <TextArea
      form={f}
      name="amendment"
      label={LABELS.amendment}
      rows={3}
      hint="For an amendment: what the proposal should say instead. Under silence it breaks silence."
    />
  </>
);

export function managementForms(
  c: Ctx,
  p: ProposalView,
  reader: Reader,
  forms: Forms,
  meetings: { id: number; title: string }[],
): Child {
  const csrf = csrfOf(c);
  const canManage = manageDecisions.allows(reader);
  const canWithdraw = withdrawProposal.allows(reader, p.governmentCode);
  const out: Child[] = [];
  const open = p.state === "draft" || p.state === "circulated";
  if (canManage && p.state === "draft")
    out.push(
      <Form action={`/decisions/${p.id}/circulate`} csrf={csrf} aria-label="Circulate">
        <ErrorSummary form={forms.circulate} />
        <Button secondary>Circulate to every Partner</Button>
      </Form>,
    );
  if (canManage && open) {
    const s = forms.silence ?? emptyForm("silence", { deadlineTime: "12:00" });
    out.push(
      <Form action={`/decisions/${p.id}/silence`} csrf={csrf} aria-label="Silence procedure">
        <ErrorSummary form={s} />
        <h3 class="govuk-heading-s">Put under silence procedure</h3>
        <TextField
          form={s}
          name="deadlineDay"
          label={LABELS.deadlineDay}
          hint="As YYYY-MM-DD, in Paris time (the Point of Contact's)"
          width={10}
        />
        <TextField
          form={s}
          name="deadlineTime"
          label={LABELS.deadlineTime}
          hint="As HH:MM, Paris time"
          width={5}
        />
        <Button secondary>Open the silence procedure</Button>
      </Form>,
    );
    const m = forms.meeting ?? emptyForm("meeting", { meetingId: p.meeting ? String(p.meeting.id) : "" });
    out.push(
      <Form action={`/decisions/${p.id}/meeting`} csrf={csrf} aria-label="Decide at a meeting">
        <ErrorSummary form={m} />
        <h3 class="govuk-heading-s">Put to a decision at a meeting</h3>
        <Select
          form={m}
          name="meetingId"
          label={LABELS.meetingId}
          choices={meetings.map((x) => ({ value: String(x.id), label: x.title }))}
        />
        <Button secondary>Put to the meeting</Button>
      </Form>,
    );
  }
  if (canManage && p.state === "under_decision") {
    const o = forms.outcome ?? emptyForm("outcome");
    out.push(
      <Form action={`/decisions/${p.id}/outcome`} csrf={csrf} aria-label="Record the outcome">
        <ErrorSummary form={o} />
        <h3 class="govuk-heading-s">Record the meeting's outcome</h3>
        <Select
          form={o}
          name="outcome"
          label={LABELS.outcome}
          choices={[
            { value: "", label: "Choose the outcome" },
            ...OUTCOMES.map((x) => ({ value: x, label: OUTCOME_LABELS[x] })),
          ]}
        />
        <TextField
          form={o}
          name="finalOn"
          label={LABELS.finalOn}
          hint="For a provisional agreement: the day it becomes final unless a Partner objects, YYYY-MM-DD"
          width={10}
        />
        <TextArea form={o} name="note" label={LABELS.note} rows={2} />
        <Button secondary>Record the outcome</Button>
      </Form>,
    );
  }
  if (canWithdraw && (open || p.state === "under_decision" || p.state === "under_silence")) {
    const w = forms.withdraw ?? emptyForm("withdraw");
    out.push(
      <Form action={`/decisions/${p.id}/withdraw`} csrf={csrf} aria-label="Withdraw">
        <ErrorSummary form={w} />
        <TextField form={w} name="note" label="Why it is withdrawn" />
        <Button warning>Withdraw the proposal</Button>
      </Form>,
    );
  }
  if (out.length === 0) return null;
  return (
    <section aria-labelledby="manage" class="no-print">
      <h2 class="govuk-heading-m" id="manage">
        Decide
      </h2>
      {out}
    </section>
  );
}
