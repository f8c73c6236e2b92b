/**
 * The editor, usable without JavaScript: the addressing and paragraphs on one page, each item on
 * its own. Lists are one entry a line; a portion's mark is written in front of it, "(C) …", as the
 * telegram writes it. Every save is a new version; a save over a newer version is refused.
 */
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { forbidden, invalid } from "../../core/errors.js";
import { type AppEnv, actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, renderPage } from "../../core/http/render.js";
import { Button, ErrorSummary, Form, Select, TextArea, TextField } from "../../core/pages/components.js";
import {
  emptyForm,
  type FormBody,
  type FormFields,
  type FormState,
  submitForm,
} from "../../core/pages/form.js";
import { agendaItemsFor } from "../../meetings/index.js";
import { visibleRow } from "../api/routes.js";
import { ladderOf } from "../commands/check.js";
import { updateGuidance } from "../commands/save-guidance.js";
import type { GuidanceContent, GuidanceItem, Mode, Portion } from "../content.js";
import { GuidanceUpdate } from "../contract.js";
import { draftGuidance } from "../policy.js";
import type { GuidanceRow } from "../queries.js";
import { itemLetter } from "../telegram.js";
import {
  idOf,
  lineOfPortion,
  lineOfReference,
  MODE_CHOICES,
  markingChoices,
  portionOfLine,
  referenceOfLine,
} from "./shared.js";

const PRECEDENCES = ["ROUTINE", "PRIORITY", "IMMEDIATE", "NIACT IMMEDIATE", "FLASH"].map((p) => ({
  value: p,
  label: p,
}));
const BLOCK_SLOTS = 3;

async function editableRow(c: Ctx, id: number): Promise<GuidanceRow> {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const row = await visibleRow(db, reader, id, clock.now());
  if (!draftGuidance.allows(reader))
    throw forbidden(
      typeof draftGuidance.refusal === "string" ? draftGuidance.refusal : "You may not edit guidance.",
    );
  return row;
}

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

const portion = (f: FormFields, name: string): Portion => ({
  text: f.text(name),
  marking: f.text(`${name}Marking`),
});

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

// ——— One item ———

function itemValues(item: GuidanceItem | null, banner: string): Record<string, string> {
  const values: Record<string, string> = {
    agendaItemId: item?.agendaItemId ? String(item.agendaItemId) : "",
    heading: item?.heading.text ?? "",
    headingMarking: item?.heading.marking ?? banner,
    background: item?.background?.text ?? "",
    backgroundMarking: item?.background?.marking ?? banner,
    notes: (item?.notes ?? []).map(lineOfPortion).join("\n"),
  };
  for (let j = 0; j < BLOCK_SLOTS; j++) {
    const b = item?.blocks[j];
    values[`block${j + 1}Mode`] = b?.mode ?? (j === 0 && !item ? "should" : "");
    values[`block${j + 1}Points`] = (b?.points ?? []).map(lineOfPortion).join("\n");
  }
  return values;
}

function readItem(f: FormFields): { item: GuidanceItem; slots: number[] } {
  const slots: number[] = [];
  const blocks: GuidanceItem["blocks"] = [];
  for (let j = 1; j <= BLOCK_SLOTS; j++) {
    const mode = f.text(`block${j}Mode`);
    const points = f.lines(`block${j}Points`).map(portionOfLine);
    if (!mode && points.length === 0) continue;
    slots.push(j);
    blocks.push({ mode: (mode || "should") as Mode, points });
  }
  const agenda = f.id("agendaItemId");
  return {
    slots,
    item: {
      agendaItemId: typeof agenda === "number" ? agenda : null,
      heading: portion(f, "heading"),
      background: f.text("background") ? portion(f, "background") : null,
      blocks,
      notes: f.lines("notes").map(portionOfLine),
    },
  };
}

const ITEM_LABELS: Record<string, string> = {
  agendaItemId: "Agenda item",
  heading: "Heading",
  headingMarking: "Heading marking",
  background: "Background",
  backgroundMarking: "Background marking",
  notes: "Notes",
  ...Object.fromEntries(
    Array.from({ length: BLOCK_SLOTS }, (_, j) => [
      [`block${j + 1}Mode`, `Block ${j + 1}: mode`],
      [`block${j + 1}Points`, `Block ${j + 1}: points`],
    ]).flat(),
  ),
};

async function itemPage(
  c: Ctx,
  id: number,
  index: number | null,
  form: FormState | null = null,
  status: ContentfulStatusCode = 200,
) {
  const row = await editableRow(c, id);
  const { db, clock } = c.get("deps");
  const reader = readerOf(c);
  if (index !== null && !row.content.items[index]) throw invalid("item", `the guidance has no item ${index}`);
  const ladder = await ladderOf(db, row.space);
  const banner = ladder.levels[row.banner]?.code ?? "";
  const agenda = await agendaItemsFor(db, actingOf(c), row.meetingId);
  void clock;
  const item = index === null ? null : (row.content.items[index] ?? null);
  const f = form ?? emptyForm("item", { ...itemValues(item, banner), version: String(row.version) });
  const letter = itemLetter(index ?? row.content.items.length);
  const marks = markingChoices(ladder);
  const path = `/guidance/${row.id}/items/${index === null ? "new" : index}`;
  return renderPage(
    c,
    `Item ${letter}`,
    <>
      <ErrorSummary form={f} />
      <span class="govuk-caption-l">
        Guidance {row.id}, version {row.version}
      </span>
      <h1 class="govuk-heading-l">{index === null ? `Add item ${letter}` : `Edit item ${letter}`}</h1>
      <Form action={path} csrf={csrfOf(c)}>
        <input type="hidden" name="version" value={String(f.values.version ?? row.version)} />
        <Select
          form={f}
          name="agendaItemId"
          label={ITEM_LABELS.agendaItemId as string}
          choices={[
            { value: "", label: "Not linked" },
            ...agenda.map((a) => ({
              value: String(a.id),
              label: `${a.position}. ${a.rank <= reader.regimeClearance ? a.title : "(title withheld)"}`,
            })),
          ]}
        />
        <TextField form={f} name="heading" label={ITEM_LABELS.heading as string} />
        <Select form={f} name="headingMarking" label={ITEM_LABELS.headingMarking as string} choices={marks} />
        <TextArea
          form={f}
          name="background"
          label={ITEM_LABELS.background as string}
          hint="Paragraphs separated by a blank line; leave empty for none"
          rows={4}
        />
        <Select
          form={f}
          name="backgroundMarking"
          label={ITEM_LABELS.backgroundMarking as string}
          choices={marks}
        />
        {Array.from({ length: BLOCK_SLOTS }, (_, j) => (
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              Instruction block {j + 1}
            </legend>
            <Select form={f} name={`block${j + 1}Mode`} label="Mode" choices={MODE_CHOICES} />
            <TextArea
              form={f}
              name={`block${j + 1}Points`}
              label="Points"
              hint='One point a line, its mark in front: "(C) Indicate that the U.S. …"'
              rows={4}
            />
          </fieldset>
        ))}
        <TextArea
          form={f}
          name="notes"
          label={ITEM_LABELS.notes as string}
          hint='One a line: "(C) …"'
          rows={2}
        />
        <Button>Save a new version</Button>
      </Form>
      {index !== null ? (
        <Form action={`${path}/remove`} csrf={csrfOf(c)} aria-label={`Remove item ${letter}`}>
          <input type="hidden" name="version" value={String(row.version)} />
          <Button warning>Remove item {letter}</Button>
        </Form>
      ) : null}
    </>,
    { status },
  );
}

function itemFieldMap(index: number, slots: number[]): Record<string, string> {
  const base = `content.items.${index}`;
  const map: Record<string, string> = {
    [`${base}.agendaItemId`]: "agendaItemId",
    [`${base}.heading.marking`]: "headingMarking",
    [`${base}.heading`]: "heading",
    [`${base}.background.marking`]: "backgroundMarking",
    [`${base}.background`]: "background",
    [`${base}.notes`]: "notes",
    version: "version",
  };
  slots.forEach((slot, j) => {
    map[`${base}.blocks.${j}.mode`] = `block${slot}Mode`;
    map[`${base}.blocks.${j}`] = `block${slot}Points`;
  });
  return map;
}

export function editorPages(app: Hono<AppEnv>): void {
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

  const saveItem = async (c: Ctx, index: number | null) => {
    const id = idOf(c);
    const row = await editableRow(c, id);
    if (index !== null && !row.content.items[index])
      throw invalid("item", `the guidance has no item ${index}`);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const at = index ?? row.content.items.length;
    let slots: number[] = [];
    const result = await submitForm(
      c,
      {
        prefix: "item",
        schema: GuidanceUpdate,
        labels: ITEM_LABELS,
        get fields() {
          return itemFieldMap(at, slots);
        },
        read: (f) => {
          const read = readItem(f);
          slots = read.slots;
          const items = [...row.content.items];
          items[at] = read.item;
          return { version: f.id("version"), content: { ...row.content, items } };
        },
      },
      (input) => c.get("deps").db.transaction((tx) => updateGuidance(tx, actingOf(c), id, input)),
      body,
    );
    if (result.ok) return c.redirect(`/guidance/${id}?notice=saved#item-${itemLetter(at)}`, 303);
    return itemPage(c, id, index, result.form, result.status);
  };
  app.get("/guidance/:id{[0-9]+}/items/new", (c) => itemPage(c, idOf(c), null));
  app.post("/guidance/:id{[0-9]+}/items/new", (c) => saveItem(c, null));
  app.get("/guidance/:id{[0-9]+}/items/:n{[0-9]+}", (c) => itemPage(c, idOf(c), idOf(c, "n")));
  app.post("/guidance/:id{[0-9]+}/items/:n{[0-9]+}", (c) => saveItem(c, idOf(c, "n")));
  app.post("/guidance/:id{[0-9]+}/items/:n{[0-9]+}/remove", async (c) => {
    const id = idOf(c);
    const n = idOf(c, "n");
    const row = await editableRow(c, id);
    if (!row.content.items[n]) throw invalid("item", `the guidance has no item ${n}`);
    const result = await submitForm(
      c,
      {
        prefix: "item",
        schema: GuidanceUpdate,
        read: (f) => ({
          version: f.id("version"),
          content: { ...row.content, items: row.content.items.filter((_, i) => i !== n) },
        }),
      },
      (input) => c.get("deps").db.transaction((tx) => updateGuidance(tx, actingOf(c), id, input)),
    );
    if (result.ok) return c.redirect(`/guidance/${id}?notice=removed`, 303);
    return itemPage(c, id, n, result.form, result.status);
  });
}
