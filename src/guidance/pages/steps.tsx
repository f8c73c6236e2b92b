/** Parts of the guidance page: its items, and the capital's steps — clearances, versions, approval, release. */
import type { FC } from "hono/jsx";
import type { Reader } from "../../core/access/reader.js";
import { Button, DataTable, Form, Muted, TextField } from "../../core/pages/components.js";
import { emptyForm, type FormState } from "../../core/pages/form.js";
import type { Mode } from "../content.js";
import type { GuidanceView } from "../contract.js";
import { approveGuidance, atCapital, draftGuidance, releaseGuidance } from "../policy.js";
import { modeLine } from "../telegram.js";
import { Seen } from "./shared.js";

export type Forms = { clearance?: FormState; clear?: FormState; approval?: FormState; release?: FormState };

export const LABELS = {
  office: "Office",
  note: "Note",
  title: "Your title on the Classified By line",
  reasons: "Classification reasons",
  years: "Declassify after (years)",
  from: "Counted from (YYYY-MM-DD)",
};

export const Items = ({ v, editable }: { v: GuidanceView; editable: boolean }) => (
  <>
    {v.content.items.map((item, i) => (
      <section class="plenary-guidance-item" aria-labelledby={`item-${i}`} id={`item-${item.letter}`}>
        <h3 class="govuk-heading-s" id={`item-${i}`}>
          {item.letter}. <Seen p={item.heading} />
        </h3>
        <p class="govuk-body-s">
          {item.agendaItem ? (
            <>
              Agenda item {item.agendaItem.position}: {item.agendaItem.title ?? <Muted>title withheld</Muted>}
            </>
          ) : (
            <Muted>Not linked to an agenda item</Muted>
          )}
          {editable ? (
            <>
              {" · "}
              <a class="govuk-link" href={`/guidance/${v.id}/items/${i}`}>
                Edit item {item.letter}
              </a>
            </>
          ) : null}
        </p>
        {item.background ? (
          <p class="govuk-body">
            <strong>Background: </strong>
            <Seen p={item.background} />
          </p>
        ) : null}
        {item.blocks.map((b) => (
          <>
            <p class="govuk-body">
              <strong>{modeLine(b.mode as Mode, v.content.representative)}</strong>
            </p>
            <ul class="govuk-list govuk-list--bullet">
              {b.points.map((p) => (
                <li>
                  <Seen p={p} />
                </li>
              ))}
            </ul>
          </>
        ))}
        {item.notes.map((n) => (
          <p class="govuk-body">
            <strong>Note: </strong>
            <Seen p={n} />
          </p>
        ))}
      </section>
    ))}
  </>
);

export const CapitalSteps: FC<{
  v: GuidanceView;
  reader: Reader;
  forms: Forms;
  csrf: string | null;
  approval: FormState;
}> = ({ v, reader, forms, csrf, approval }) => {
  const editable = draftGuidance.allows(reader) && v.state !== "released";
  return (
    <>
      {atCapital(reader) ? (
        <>
          <h2 class="govuk-heading-m">Clearances</h2>
          <DataTable
            caption={`${v.clearances.length} office${v.clearances.length === 1 ? "" : "s"} asked`}
            rows={v.clearances}
            empty="No office has been asked to clear this guidance."
            columns={[
              { header: "Office", cell: (x) => x.office },
              {
                header: "Cleared",
                cell: (x) =>
                  x.clearedAt ? (
                    `version ${x.clearedVersion} by ${x.clearedBy ?? "—"}${x.clearedVersion !== v.version ? " (an earlier version)" : ""}`
                  ) : (
                    <Muted>not yet</Muted>
                  ),
              },
              { header: "Note", cell: (x) => x.note ?? "" },
            ]}
          />
          {editable ? (
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-one-half">
                <Form
                  action={`/guidance/${v.id}/clearance-requests`}
                  csrf={csrf}
                  aria-label="Ask an office to clear"
                >
                  <TextField
                    form={forms.clearance ?? emptyForm("clearance")}
                    name="office"
                    label="Ask an office to clear"
                    hint='Its symbol, e.g. "EUR/WE"'
                    width={10}
                  />
                  <Button secondary>Ask to clear</Button>
                </Form>
              </div>
              <div class="govuk-grid-column-one-half">
                <Form action={`/guidance/${v.id}/clearances`} csrf={csrf} aria-label="Record a clearance">
                  <TextField
                    form={forms.clear ?? emptyForm("clear")}
                    name="office"
                    label="Record an office's clearance"
                    hint={`Of this version, ${v.version}`}
                    width={10}
                  />
                  <TextField form={forms.clear ?? emptyForm("clear")} name="note" label={LABELS.note} />
                  <Button secondary>Record the clearance</Button>
                </Form>
              </div>
            </div>
          ) : null}
          <h2 class="govuk-heading-m">Versions</h2>
          <DataTable
            caption={`${v.versions.length} version${v.versions.length === 1 ? "" : "s"}`}
            rows={v.versions}
            empty="No versions."
            columns={[
              { header: "Version", cell: (x) => String(x.version) },
              { header: "Saved", cell: (x) => `${x.savedAt.slice(0, 16).replace("T", " ")} UTC` },
              { header: "By", cell: (x) => x.savedBy ?? "—" },
            ]}
          />
          {v.versions.length > 1 ? (
            <form
              method="get"
              action={`/guidance/${v.id}/compare`}
              class="plenary-inline-form"
              aria-label="Compare versions"
            >
              <div class="govuk-form-group">
                <label class="govuk-label" for="compare-a">
                  Compare version
                </label>
                <select class="govuk-select" id="compare-a" name="a">
                  {v.versions.map((x, i) => (
                    <option value={String(x.version)} selected={i === v.versions.length - 2}>
                      {x.version}
                    </option>
                  ))}
                </select>{" "}
                <label class="govuk-label" for="compare-b">
                  with
                </label>
                <select class="govuk-select" id="compare-b" name="b">
                  {v.versions.map((x, i) => (
                    <option value={String(x.version)} selected={i === v.versions.length - 1}>
                      {x.version}
                    </option>
                  ))}
                </select>{" "}
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Compare
                </button>
              </div>
            </form>
          ) : null}
        </>
      ) : null}
      {v.state === "draft" && approveGuidance.allows(reader) ? (
        <>
          <h2 class="govuk-heading-m">Approve</h2>
          <p class="govuk-body">
            Your name goes on the Classified By line. Approval is refused, naming each problem, while a
            portion is unmarked or above your clearance, an office has not cleared this version, or the
            telegram has an error.
          </p>
          <Form action={`/guidance/${v.id}/approval`} csrf={csrf} aria-label="Approve">
            <TextField form={approval} name="title" label={LABELS.title} hint='e.g. "ISN/MTR Director"' />
            <TextField
              form={approval}
              name="reasons"
              label={LABELS.reasons}
              hint='e.g. "1.4 (B), (D)"'
              width={10}
            />
            <TextField form={approval} name="years" label={LABELS.years} width={4} />
            <TextField
              form={approval}
              name="from"
              label={LABELS.from}
              hint="The meeting's first day"
              width={10}
            />
            <Button>Approve version {String(v.version)}</Button>
          </Form>
        </>
      ) : null}
      {v.state === "approved" && releaseGuidance.allows(reader) ? (
        <>
          <h2 class="govuk-heading-m">Release</h2>
          <p class="govuk-body">
            It goes out once, numbered from the {v.content.station} counter, with the date-time group of now.
            A released telegram is never edited, only followed by another.
          </p>
          <Form action={`/guidance/${v.id}/release`} csrf={csrf} aria-label="Release">
            <Button>Release as a telegram</Button>
          </Form>
        </>
      ) : null}
    </>
  );
};
