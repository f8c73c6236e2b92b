/**
 * The item editor, usable without JavaScript: one item of the guidance — its agenda item, heading,
 * background, up to three instruction blocks of points, notes — each portion's mark in front of it.
 */
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { invalid } from "../../core/errors.js";
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
import { ladderOf } from "../commands/check.js";
import { updateGuidance } from "../commands/save-guidance.js";
import type { GuidanceItem, Mode } from "../content.js";
import { GuidanceUpdate } from "../contract.js";
import { itemLetter } from "../telegram.js";
import {
  editableRow,
  idOf,
  lineOfPortion,
  MODE_CHOICES,
  markingChoices,
  portion,
  portionOfLine,
} from "./shared.js";

const BLOCK_SLOTS = 3;

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

export function itemEditorPages(app: Hono<AppEnv>): void {
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
