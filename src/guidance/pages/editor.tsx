/**
 * The editor, usable without JavaScript: the addressing and paragraphs on one page, each item on
 * its own. Lists are one entry a line; a portion's mark is written in front of it, "(C) …", as the
 * telegram writes it. Every save is a new version; a save over a newer version is refused.
 */
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type AppEnv, actingOf, type Ctx } from "../../core/http/env.js";
import { csrfOf, renderPage } from "../../core/http/render.js";
import { Button, ErrorSummary, Form, Select, TextArea, TextField } from "../../core/pages/components.js";
import { emptyForm, type FormFields, type FormState, submitForm } from "../../core/pages/form.js";
import { ladderOf } from "../commands/check.js";
import { updateGuidance } from "../commands/save-guidance.js";
import type { GuidanceContent } from "../content.js";
import { GuidanceUpdate } from "../contract.js";
import { editableRow, idOf, lineOfReference, markingChoices, portion, referenceOfLine } from "./shared.js";

const PRECEDENCES = ["ROUTINE", "PRIORITY", "IMMEDIATE", "NIACT IMMEDIATE", "FLASH"].map((p) => ({
  value: p,
  label: p,
}));

// ——— The addressing and paragraphs ———

const HEADER_LABELS: Record<string, string> = {
  precedenceAction: "Precedence",
  precedenceInfo: "Precedence for information addressees",
  from: "From (FM)",
  station: "Station (numbers the telegram)",
  toName: "To (the post)",
  toPrecedence: "Precedence of the post",
  info: "Information addressees",
  attention: "Attention line",
  tags: "TAGS",
  subject: "Subject",
  subjectMarking: "Subject marking",
  references: "References",
  actionRequest: "Paragraph 1: the action request",
  actionRequestMarking: "Marking of paragraph 1",
  purpose: "Paragraph 2: what the guidance is for",
  purposeMarking: "Marking of paragraph 2",
  openingNote: "The note that opens the guidance",
  openingNoteMarking: "Marking of the note",
  representative: "How the instructions name the representative",
  slug: "Office reporting is slugged for",
  closing: "The last paragraph",
  closingMarking: "Marking of the last paragraph",
};

const HEADER_FIELDS: Record<string, string> = {
  "content.precedence.action": "precedenceAction",
  "content.precedence.info": "precedenceInfo",
  "content.from": "from",
  "content.station": "station",
  "content.to.name": "toName",
  "content.to.precedence": "toPrecedence",
  "content.info": "info",
  "content.attention": "attention",
  "content.tags": "tags",
  "content.subject.marking": "subjectMarking",
  "content.subject": "subject",
  "content.references": "references",
  "content.actionRequest.marking": "actionRequestMarking",
  "content.actionRequest": "actionRequest",
  "content.purpose.marking": "purposeMarking",
  "content.purpose": "purpose",
  "content.openingNote.marking": "openingNoteMarking",
  "content.openingNote": "openingNote",
  "content.representative": "representative",
  "content.slug": "slug",
  "content.closing.marking": "closingMarking",
  "content.closing": "closing",
};

function headerValues(c: GuidanceContent): Record<string, string> {
  return {
    precedenceAction: c.precedence.action,
    precedenceInfo: c.precedence.info ?? "",
    from: c.from,
    station: c.station,
    toName: c.to.name,
    toPrecedence: c.to.precedence,
    info: c.info.join("\n"),
    attention: c.attention ?? "",
    tags: c.tags.join(" "),
    subject: c.subject.text,
    subjectMarking: c.subject.marking,
    references: c.references.map(lineOfReference).join("\n"),
    actionRequest: c.actionRequest.text,
    actionRequestMarking: c.actionRequest.marking,
    purpose: c.purpose.text,
    purposeMarking: c.purpose.marking,
    openingNote: c.openingNote?.text ?? "",
    openingNoteMarking: c.openingNote?.marking ?? "",
    representative: c.representative,
    slug: c.slug,
    closing: c.closing.text,
    closingMarking: c.closing.marking,
  };
}

function readHeader(f: FormFields, current: GuidanceContent): unknown {
  return {
    version: f.id("version"),
    content: {
      ...current,
      precedence: { action: f.text("precedenceAction"), info: f.text("precedenceInfo") || null },
      from: f.text("from").toUpperCase(),
      station: f.text("station").toUpperCase(),
      to: { name: f.text("toName").toUpperCase(), precedence: f.text("toPrecedence") },
      info: f.lines("info").map((l) => l.toUpperCase()),
      attention: f.text("attention") || null,
      tags: f.words("tags").map((w) => w.toUpperCase()),
      subject: portion(f, "subject"),
      references: f.lines("references").map(referenceOfLine),
      actionRequest: portion(f, "actionRequest"),
      purpose: portion(f, "purpose"),
      openingNote: f.text("openingNote") ? portion(f, "openingNote") : null,
      representative: f.text("representative").toUpperCase(),
      slug: f.text("slug").toUpperCase(),
      closing: portion(f, "closing"),
    },
  };
}

async function headerPage(
  c: Ctx,
  id: number,
  form: FormState | null = null,
  status: ContentfulStatusCode = 200,
) {
  const row = await editableRow(c, id);
  const ladder = await ladderOf(c.get("deps").db, row.space);
  const f = form ?? emptyForm("header", { ...headerValues(row.content), version: String(row.version) });
  const marks = markingChoices(ladder);
  const L = HEADER_LABELS;
  return renderPage(
    c,
    "Edit the addressing and paragraphs",
    <>
      <ErrorSummary form={f} />
      <span class="govuk-caption-l">
        Guidance {row.id}, version {row.version}
      </span>
      <h1 class="govuk-heading-l">Edit the addressing and paragraphs</h1>
      <Form action={`/guidance/${row.id}/edit`} csrf={csrfOf(c)}>
        <input type="hidden" name="version" value={String(f.values.version ?? row.version)} />
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Addressing</legend>
          <Select
            form={f}
            name="precedenceAction"
            label={L.precedenceAction as string}
            choices={PRECEDENCES}
          />
          <Select
            form={f}
            name="precedenceInfo"
            label={L.precedenceInfo as string}
            choices={[{ value: "", label: "None" }, ...PRECEDENCES]}
          />
          <TextField form={f} name="from" label={L.from as string} hint='e.g. "SECSTATE WASHDC"' />
          <TextField form={f} name="station" label={L.station as string} hint='e.g. "STATE"' width={10} />
          <TextField form={f} name="toName" label={L.toName as string} hint='e.g. "AMEMBASSY PARIS"' />
          <Select form={f} name="toPrecedence" label={L.toPrecedence as string} choices={PRECEDENCES} />
          <TextArea form={f} name="info" label={L.info as string} hint="One a line" rows={2} />
          <TextField
            form={f}
            name="attention"
            label={L.attention as string}
            hint='e.g. "PARIS FOR EST:H.SMITH"'
          />
          <TextField
            form={f}
            name="tags"
            label={L.tags as string}
            hint="Separated by spaces, e.g. MTCRE PARM FR"
          />
        </fieldset>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Subject and references</legend>
          <TextField form={f} name="subject" label={L.subject as string} />
          <Select form={f} name="subjectMarking" label={L.subjectMarking as string} choices={marks} />
          <TextArea
            form={f}
            name="references"
            label={L.references as string}
            hint='One a line, as the REF line writes it: "STATE 65780", "STATE 633 (AND PREVIOUS)", "POC DOC 66", "SMITH E MAIL OF 06-26-08"'
            rows={4}
          />
        </fieldset>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Paragraphs</legend>
          <TextArea form={f} name="actionRequest" label={L.actionRequest as string} rows={2} />
          <Select
            form={f}
            name="actionRequestMarking"
            label={L.actionRequestMarking as string}
            choices={marks}
          />
          <TextArea form={f} name="purpose" label={L.purpose as string} rows={3} />
          <Select form={f} name="purposeMarking" label={L.purposeMarking as string} choices={marks} />
          <TextArea
            form={f}
            name="openingNote"
            label={L.openingNote as string}
            hint="e.g. seek guidance on what is not addressed below; leave empty for none"
            rows={2}
          />
          <Select form={f} name="openingNoteMarking" label={L.openingNoteMarking as string} choices={marks} />
          <TextField
            form={f}
            name="representative"
            label={L.representative as string}
            hint='e.g. "EMBASSY REP"'
          />
          <TextField form={f} name="slug" label={L.slug as string} hint='e.g. "ISN/MTR"' width={10} />
          <TextArea form={f} name="closing" label={L.closing as string} rows={2} />
          <Select form={f} name="closingMarking" label={L.closingMarking as string} choices={marks} />
        </fieldset>
        <Button>Save a new version</Button>
      </Form>
    </>,
    { status },
  );
}

export function headerEditorPages(app: Hono<AppEnv>): void {
  app.get("/guidance/:id{[0-9]+}/edit", (c) => headerPage(c, idOf(c)));
  app.post("/guidance/:id{[0-9]+}/edit", async (c) => {
    const id = idOf(c);
    const row = await editableRow(c, id);
    const result = await submitForm(
      c,
      {
        prefix: "header",
        schema: GuidanceUpdate,
        read: (f) => readHeader(f, row.content),
        fields: HEADER_FIELDS,
        labels: HEADER_LABELS,
      },
      (input) => c.get("deps").db.transaction((tx) => updateGuidance(tx, actingOf(c), id, input)),
    );
    if (result.ok) return c.redirect(`/guidance/${id}?notice=saved`, 303);
    return headerPage(c, id, result.form, result.status);
  });
}
