/**
 * The regime's deadline rules: the list (/deadline-rules), one rule with its edit form and delete
 * button (/deadline-rules/:id). Every Partner reads them; the Point of Contact makes, changes and
 * deletes them.
 */
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Reader } from "../../core/access/reader.js";
import { notFound } from "../../core/errors.js";
import { type AppEnv, actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  Checkbox,
  DataTable,
  ErrorSummary,
  Form,
  Select,
  SummaryList,
  Tag,
  TextArea,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormFields, type FormState, submitForm } from "../../core/pages/form.js";
import { changeRule } from "../commands/change-rule.js";
import { createRule } from "../commands/create-rule.js";
import { deleteRule } from "../commands/delete-rule.js";
import { NewRuleInput, RulePatchInput, type RuleView } from "../contract.js";
import { manageRules } from "../policy.js";
import { presentRule } from "../present.js";
import { DOCUMENT_KINDS, DOCUMENT_LABELS, type MeetingKind, PROFILE } from "../profile.js";
import { ruleById, visibleMeetings, visibleRules } from "../queries.js";

const NOTICES = {
  made: "Deadline rule made.",
  saved: "Deadline rule saved.",
  deleted: "Deadline rule deleted.",
};

const LABELS = {
  code: "Code",
  documentKind: "What is due",
  anchorKind: "Kind of meeting",
  anchorMeetingId: "One meeting only",
  anchorDay: "Counted from the meeting's",
  offsetAmount: "How long before",
  offsetUnit: "Unit",
  fixedDay: "Or by a set day",
  firm: "Firm",
  wording: "Wording shown to people",
};
const FIELDS = { "offset.amount": "offsetAmount", "offset.unit": "offsetUnit", offset: "offsetAmount" };

const NEW = { prefix: "r", labels: LABELS, fields: FIELDS };
const EDIT = { prefix: "e", labels: LABELS, fields: FIELDS };

/** When a rule falls due, in words: "2 weeks before the first day of every TEM". */
export function ruleTerms(r: RuleView, meetingTitle?: string | null): string {
  const anchor = meetingTitle ?? `every ${PROFILE.kinds[r.anchorKind].short}`;
  const day = `${r.anchorDay} day of ${anchor}`;
  if (r.offset) return `${r.offset.amount} ${r.offset.unit} before the ${day}`;
  return `by ${r.fixedDay ?? "—"} (for ${anchor})`;
}

/** The form's fields in the contract's shape; an empty offset is none. */
function readTerms(f: FormFields) {
  const amount = f.text("offsetAmount");
  return {
    documentKind: f.text("documentKind"),
    anchorKind: f.optional("anchorKind"),
    anchorMeetingId: f.id("anchorMeetingId"),
    anchorDay: f.text("anchorDay") || "first",
    offset: amount
      ? { amount: /^\d{1,4}$/.test(amount) ? Number(amount) : amount, unit: f.text("offsetUnit") }
      : null,
    fixedDay: f.nullable("fixedDay"),
    firm: f.checked("firm"),
    wording: f.text("wording"),
  };
}

const valuesOf = (r: RuleView): Record<string, string> => ({
  documentKind: r.documentKind,
  anchorKind: r.anchorKind,
  anchorMeetingId: r.anchorMeetingId === null ? "" : String(r.anchorMeetingId),
  anchorDay: r.anchorDay,
  offsetAmount: r.offset ? String(r.offset.amount) : "",
  offsetUnit: r.offset?.unit ?? "weeks",
  fixedDay: r.fixedDay ?? "",
  ...(r.firm ? { firm: "1" } : {}),
  wording: r.wording,
});

const RuleFields = ({ form, meetings }: { form: FormState; meetings: { id: number; title: string }[] }) => (
  <>
    <Select
      form={form}
      name="documentKind"
      label={LABELS.documentKind}
      choices={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_LABELS[k] }))}
    />
    <Select
      form={form}
      name="anchorKind"
      label={LABELS.anchorKind}
      choices={(Object.keys(PROFILE.kinds) as MeetingKind[]).map((k) => ({
        value: k,
        label: PROFILE.kinds[k].label,
      }))}
    />
    <Select
      form={form}
      name="anchorMeetingId"
      label={LABELS.anchorMeetingId}
      hint="Leave as 'every meeting of the kind' unless the rule is for one meeting."
      choices={[
        { value: "", label: "Every meeting of the kind" },
        ...meetings.map((m) => ({ value: String(m.id), label: m.title })),
      ]}
    />
    <Select
      form={form}
      name="anchorDay"
      label={LABELS.anchorDay}
      choices={[
        { value: "first", label: "first day" },
        { value: "last", label: "last day" },
      ]}
    />
    <TextField form={form} name="offsetAmount" label={LABELS.offsetAmount} inputmode="numeric" width={3} />
    <Select
      form={form}
      name="offsetUnit"
      label={LABELS.offsetUnit}
      choices={[
        { value: "weeks", label: "weeks" },
        { value: "days", label: "days" },
      ]}
    />
    <TextField
      form={form}
      name="fixedDay"
      label={LABELS.fixedDay}
      hint="YYYY-MM-DD, instead of an offset"
      width={10}
    />
    <Checkbox form={form} name="firm" label="Firm: no submission is taken after it without a waiver" />
    <TextArea form={form} name="wording" label={LABELS.wording} rows={3} />
  </>
);

async function meetingChoices(c: Ctx, reader: Reader) {
  return (await visibleMeetings(c.get("deps").db, reader)).map((m) => ({ id: m.id, title: m.title }));
}

async function rulesPage(
  c: Ctx,
  // A new rule counts in weeks until its author chooses otherwise.
  form: FormState = emptyForm(NEW.prefix, { offsetUnit: "weeks" }),
  status: ContentfulStatusCode = 200,
) {
  const reader = readerOf(c);
  const db = c.get("deps").db;
  const rules = (await visibleRules(db, reader)).map(presentRule);
  const meetings = await meetingChoices(c, reader);
  const titles = new Map(meetings.map((m) => [m.id, m.title]));
  const offer = manageRules.allows(reader);
  return renderPage(
    c,
    "Deadline rules",
    <>
      <ErrorSummary form={form} />
      <h1 class="govuk-heading-l">Deadline rules</h1>
      <p class="govuk-body">
        Each rule sets when something is due before the meetings it hangs on; every meeting's deadlines are
        computed from them.
      </p>
      <DataTable
        caption="The regime's deadline rules"
        rows={rules}
        empty="No deadline rules that you may see."
        columns={[
          {
            header: "Rule",
            cell: (r) => (
              <a class="govuk-link" href={`/deadline-rules/${r.id}`}>
                {r.code}
              </a>
            ),
          },
          { header: "What is due", cell: (r) => DOCUMENT_LABELS[r.documentKind] },
          {
            header: "When",
            cell: (r) => ruleTerms(r, r.anchorMeetingId ? titles.get(r.anchorMeetingId) : null),
          },
          { header: "Firm", cell: (r) => (r.firm ? <Tag colour="red">firm</Tag> : "no") },
        ]}
      />
      {offer ? (
        <Form action="/deadline-rules" csrf={csrfOf(c)} class="no-print">
          <h2 class="govuk-heading-m">Make a deadline rule</h2>
          <TextField
            form={form}
            name="code"
            label={LABELS.code}
            hint="Lower-case letters, digits and '-', e.g. leem-presentations"
            width={20}
          />
          <RuleFields form={form} meetings={meetings} />
          <Button>Make the rule</Button>
        </Form>
      ) : null}
    </>,
    { status, notice: noticeOf(c, NOTICES) },
  );
}

async function rulePage(
  c: Ctx,
  id: number,
  refused: FormState | null = null,
  status: ContentfulStatusCode = 200,
) {
  const reader = readerOf(c);
  const row = await ruleById(c.get("deps").db, reader, id);
  if (!row) throw notFound("deadline rule");
  const r = presentRule(row);
  const meetings = await meetingChoices(c, reader);
  const anchorTitle = r.anchorMeetingId ? meetings.find((m) => m.id === r.anchorMeetingId)?.title : null;
  const form = refused ?? emptyForm(EDIT.prefix, valuesOf(r));
  const offer = manageRules.allows(reader);
  return renderPage(
    c,
    `Deadline rule ${r.code}`,
    <>
      <ErrorSummary form={refused} />
      <p class="govuk-body no-print">
        <a class="govuk-back-link" href="/deadline-rules">
          All deadline rules
        </a>
      </p>
      <h1 class="govuk-heading-l">Deadline rule {r.code}</h1>
      <SummaryList
        rows={[
          { key: "What is due", value: DOCUMENT_LABELS[r.documentKind] },
          { key: "When", value: ruleTerms(r, anchorTitle) },
          { key: "Firm", value: r.firm ? "yes" : "no" },
          { key: "Wording", value: r.wording },
        ]}
      />
      {offer ? (
        <>
          <Form action={`/deadline-rules/${r.id}`} csrf={csrfOf(c)} class="no-print">
            <h2 class="govuk-heading-m">Change the rule</h2>
            <p class="govuk-body">
              Submissions already made keep the due time they were made against; deadlines, reminders and
              calendars follow the new terms.
            </p>
            <RuleFields form={form} meetings={meetings} />
            <Button>Save the rule</Button>
          </Form>
          <Form action={`/deadline-rules/${r.id}/delete`} csrf={csrfOf(c)} class="no-print">
            <h2 class="govuk-heading-m">Delete the rule</h2>
            <p class="govuk-body">
              Only a rule nothing has been submitted, waived or reminded under can be deleted.
            </p>
            <Button warning>Delete the rule {r.code}</Button>
          </Form>
        </>
      ) : null}
    </>,
    { status, notice: noticeOf(c, NOTICES) },
  );
}

export function rulePages(app: Hono<AppEnv>): void {
  app.get("/deadline-rules", (c) => rulesPage(c));
  app.get("/deadline-rules/:id{[0-9]+}", (c) => rulePage(c, Number(c.req.param("id"))));

  app.post("/deadline-rules", async (c) => {
    const who = actingOf(c);
    const result = await submitForm(
      c,
      { ...NEW, schema: NewRuleInput, read: (f) => ({ code: f.text("code"), ...readTerms(f) }) },
      (input) => c.get("deps").db.transaction((tx) => createRule(tx, who, input)),
    );
    if (result.ok) return c.redirect(`/deadline-rules/${result.value.id}?notice=made`, 303);
    return rulesPage(c, result.form, result.status);
  });

  app.post("/deadline-rules/:id{[0-9]+}", async (c) => {
    const who = actingOf(c);
    const id = Number(c.req.param("id"));
    const result = await submitForm(c, { ...EDIT, schema: RulePatchInput, read: readTerms }, (input) =>
      c.get("deps").db.transaction((tx) => changeRule(tx, who, id, input)),
    );
    if (result.ok) return c.redirect(`/deadline-rules/${id}?notice=saved`, 303);
    return rulePage(c, id, result.form, result.status);
  });

  app.post("/deadline-rules/:id{[0-9]+}/delete", async (c) => {
    const who = actingOf(c);
    const id = Number(c.req.param("id"));
    const result = await submitForm(c, { prefix: "d", schema: RulePatchInput, read: () => ({}) }, () =>
      c.get("deps").db.transaction((tx) => deleteRule(tx, who, id)),
    );
    if (result.ok) return c.redirect("/deadline-rules?notice=deleted", 303);
    return rulePage(c, id, result.form, result.status);
  });
}
