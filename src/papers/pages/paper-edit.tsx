/**
 * Changing a paper: /papers/:number/edit. Its own government changes its title, summary, text,
 * country of origin, meeting and agenda item; each change is a new version (a draft's, a submitted
 * paper's before circulation, or a circulated paper's next version). A paper with a portion above
 * the reader's clearance is not offered for editing: what they cannot read they cannot rewrite.
 */

import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { REGIME_LADDER } from "../../core/access/markings.js";
import { authorize } from "../../core/access/rules.js";
import { conflict } from "../../core/errors.js";
import { type AppEnv, actingOf, type Ctx } from "../../core/http/env.js";
import { csrfOf, renderPage } from "../../core/http/render.js";
import {
  Button,
  ErrorSummary,
  Form,
  MarkingSelect,
  Select,
  TextArea,
  TextField,
} from "../../core/pages/components.js";
import {
  emptyForm,
  type FormBody,
  type FormFields,
  type FormSpec,
  type FormState,
  submitForm,
} from "../../core/pages/form.js";
import { changePaper } from "../commands/change-paper.js";
import { PaperChange, type PaperOutput } from "../contract.js";
import { mayChange } from "../policy.js";
import { presentPaper } from "../present.js";
import { readPaper } from "../queries.js";
import { type PaperRef, paperRef, parsePaperRef } from "../rules.js";
import { Banner } from "./parts.js";
import { meetingChoices } from "./register-page.js";

/** Section rows offered: the paper's own, and this many empty ones to add. */
const SPARE_SECTIONS = 1;

const LABELS: Record<string, string> = {
  title: "Title",
  titleMarking: "Title marking",
  summary: "Summary",
  summaryMarking: "Summary marking",
  countryOfOrigin: "Country of origin (shown on the title page)",
  meetingId: "Meeting",
  agendaItem: "Agenda item",
  note: "What this version changes",
};

/**
 * How many section rows a form holds: rows 0, 1, … each with a text or a marking field. The one
 * count for the posted body, the form read from it and the form shown again.
 */
const sectionRows = (fields: Readonly<Record<string, unknown>>): number => {
  let n = 0;
  while (fields[`section${n}Text`] !== undefined || fields[`section${n}Marking`] !== undefined) n++;
  return n;
};

/** The form in the shape of the API's change: a section whose text is emptied is taken out. */
function readChange(f: FormFields) {
  const sections = [];
  for (let i = 0; i < sectionRows(f.body); i++) {
    const text = f.text(`section${i}Text`);
    if (!text) continue;
    sections.push({ heading: f.nullable(`section${i}Heading`), text, marking: f.text(`section${i}Marking`) });
  }
  return {
    title: { text: f.text("title"), marking: f.text("titleMarking") },
    summary: { text: f.text("summary"), marking: f.text("summaryMarking") },
    sections,
    countryOfOrigin: f.nullable("countryOfOrigin"),
    meetingId: f.id("meetingId"),
    agendaItem: f.nullable("agendaItem"),
    note: f.optional("note"),
  };
}

function fieldsOf(sections: number): Record<string, string> {
  const out: Record<string, string> = {
    "title.text": "title",
    "title.marking": "titleMarking",
    "summary.text": "summary",
    "summary.marking": "summaryMarking",
  };
  for (let i = 0; i < sections; i++) {
    out[`sections.${i}.text`] = `section${i}Text`;
    out[`sections.${i}.heading`] = `section${i}Heading`;
    out[`sections.${i}.marking`] = `section${i}Marking`;
  }
  return out;
}

const spec = (sections: number): FormSpec<typeof PaperChange> => ({
  prefix: "edit",
  schema: PaperChange,
  read: readChange,
  fields: fieldsOf(sections),
  labels: LABELS,
});

function valuesOf(p: PaperOutput): Record<string, string> {
  const v: Record<string, string> = {
    title: p.title.text ?? "",
    titleMarking: p.title.marking,
    summary: p.summary?.text ?? "",
    summaryMarking: p.summary?.marking ?? p.marking,
    countryOfOrigin: p.countryOfOrigin ?? "",
    meetingId: p.meetingId === null ? "" : String(p.meetingId),
    agendaItem: p.agendaItem ?? "",
  };
  p.sections.forEach((s, i) => {
    v[`section${i}Heading`] = s.heading ?? "";
    v[`section${i}Text`] = s.text ?? "";
    v[`section${i}Marking`] = s.marking;
  });
  // A new section is marked as the paper is until its author chooses otherwise.
  v[`section${p.sections.length}Marking`] = p.marking;
  return v;
}

/** Refuses a reader who may not change the paper (403), a withdrawn paper, and one they cannot wholly read (409). */
function checkEditable(who: ReturnType<typeof actingOf>, p: PaperOutput): void {
  authorize(who, mayChange, { governmentCode: p.government });
  if (p.status === "withdrawn")
    throw conflict("paper.withdrawn", `${p.label} is withdrawn and cannot change.`);
  if ([p.title, p.summary, ...p.sections].some((x) => x?.withheld))
    throw conflict(
      "paper.not_editable",
      `Parts of ${p.label} are above your clearance: someone cleared for them changes it.`,
    );
}

async function editPage(
  c: Ctx,
  number: PaperRef,
  refused: FormState | null = null,
  status: ContentfulStatusCode = 200,
) {
  const who = actingOf(c);
  const detail = await c.get("deps").db.transaction((tx) => readPaper(tx, who, number));
  const p = presentPaper(who.reader, detail);
  checkEditable(who, p);
  const form = refused ?? emptyForm("edit", valuesOf(p));
  const rows = Math.max(p.sections.length + SPARE_SECTIONS, refused ? sectionRows(refused.values) : 0);
  const meetings = await meetingChoices(c, who.reader);
  return renderPage(
    c,
    `Change ${p.label}`,
    <>
      <ErrorSummary form={refused} />
      <p class="govuk-body no-print">
        <a class="govuk-back-link" href={`/papers/${p.ref}`}>
          Back to {p.label}
        </a>
      </p>
      <Banner marking={p.marking} />
      <h1 class="govuk-heading-l">Change {p.label}</h1>
      <p class="govuk-body">
        Saving makes version {p.version + 1}; version {p.version} stays on record.
        {p.circulatedAt ? " The paper is circulated: Partners see the new version from now on." : ""}
      </p>
      <Form action={`/papers/${p.ref}/edit`} csrf={csrfOf(c)}>
        <TextField form={form} name="title" label={LABELS.title ?? ""} />
        <MarkingSelect
          form={form}
          name="titleMarking"
          label={LABELS.titleMarking ?? ""}
          ladder={REGIME_LADDER}
        />
        <TextArea form={form} name="summary" label={LABELS.summary ?? ""} rows={5} />
        <MarkingSelect
          form={form}
          name="summaryMarking"
          label={LABELS.summaryMarking ?? ""}
          ladder={REGIME_LADDER}
        />
        {Array.from({ length: rows }, (_, i) => (
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              {i < p.sections.length ? `Section ${i + 1}` : "A new section (leave empty for none)"}
            </legend>
            <TextField form={form} name={`section${i}Heading`} label="Heading (optional)" />
            <TextArea
              form={form}
              name={`section${i}Text`}
              label="Text"
              hint={i < p.sections.length ? "Empty the text to take the section out." : undefined}
              rows={6}
            />
            <MarkingSelect form={form} name={`section${i}Marking`} label="Marking" ladder={REGIME_LADDER} />
          </fieldset>
        ))}
        <TextField form={form} name="countryOfOrigin" label={LABELS.countryOfOrigin ?? ""} />
        <Select form={form} name="meetingId" label={LABELS.meetingId ?? ""} choices={meetings} />
        <TextField form={form} name="agendaItem" label={LABELS.agendaItem ?? ""} />
        <TextField form={form} name="note" label={LABELS.note ?? ""} />
        <Button>Save as version {String(p.version + 1)}</Button>
      </Form>
    </>,
    { status },
  );
}

export function paperEditPages(app: Hono<AppEnv>): void {
  app.get("/papers/:number{(?:draft-)?[0-9]+}/edit", (c) =>
    editPage(c, parsePaperRef(c.req.param("number"))),
  );

  app.post("/papers/:number{(?:draft-)?[0-9]+}/edit", async (c) => {
    const who = actingOf(c);
    const number = parsePaperRef(c.req.param("number"));
    const body = await c.req.parseBody({ all: true });
    const result = await submitForm(
      c,
      spec(sectionRows(body)),
      (input) => c.get("deps").db.transaction((tx) => changePaper(tx, who, number, input)),
      body as FormBody,
    );
    if (result.ok) return c.redirect(`/papers/${paperRef(result.value)}?notice=changed`, 303);
    return editPage(c, number, result.form, result.status);
  });
}
