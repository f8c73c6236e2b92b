/**
 * The pages' shared pieces, in GOV.UK Frontend's markup: forms and their fields with their
 * errors, tables, summary lists, tags, alerts, and the marks of the access model. A page uses
 * these rather than writing the markup again.
 */
import type { Child, FC } from "hono/jsx";
import type { Ladder } from "../access/markings.js";
import { type FormState, fieldId } from "./form.js";
import { CsrfField } from "./layout.js";

// ——— Forms ———

/** A form posting to the page's own routes: CSRF token included, validated on the server. */
export const Form: FC<{
  action: string;
  csrf: string | null;
  children?: Child;
  class?: string;
  enctype?: "multipart/form-data" | "application/x-www-form-urlencoded";
  id?: string;
  "aria-label"?: string;
}> = ({ action, csrf, children, class: cls, enctype, id, "aria-label": label }) => (
  <form method="post" action={action} novalidate class={cls} enctype={enctype} id={id} aria-label={label}>
    <CsrfField token={csrf} />
    {children}
  </form>
);

/** The problems of a refused form, at its top, each linking to its field. */
export const ErrorSummary: FC<{ form: FormState | null | undefined }> = ({ form }) =>
  form && form.problems.length > 0 ? (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {form.problems.map((p) => (
              <li>{p.field ? <a href={`#${fieldId(form, p.field)}`}>{p.message}</a> : p.message}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  ) : null;

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  /** The value shown when the form has none typed. */
  value?: string;
  id?: string;
  class?: string;
}

function typedValue(p: FieldProps): string {
  const v = p.form.values[p.name];
  if (Array.isArray(v)) return v[0] ?? "";
  return v ?? p.value ?? "";
}

const FieldGroup: FC<FieldProps & { children: Child; controlId: string }> = (p) => {
  const error = p.form.errors[p.name];
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label class="govuk-label" for={p.controlId}>
        {p.label}
      </label>
      {p.hint ? (
        <div class="govuk-hint" id={`${p.controlId}-hint`}>
          {p.hint}
        </div>
      ) : null}
      {error ? (
        <p class="govuk-error-message" id={`${p.controlId}-error`}>
          <span class="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {p.children}
    </div>
  );
};

function describedBy(p: FieldProps, id: string): string | undefined {
  const ids = [p.hint ? `${id}-hint` : null, p.form.errors[p.name] ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export const TextField: FC<
  FieldProps & {
    type?: string;
    autocomplete?: string;
    inputmode?: "numeric" | "decimal" | "email" | "search" | "tel" | "text" | "url";
    width?: 2 | 3 | 4 | 5 | 10 | 20;
  }
> = (p) => {
  const id = p.id ?? fieldId(p.form, p.name);
  const error = p.form.errors[p.name];
  const width = p.width ? ` govuk-input--width-${p.width}` : "";
  return (
    <FieldGroup {...p} controlId={id}>
      <input
        class={`govuk-input${width}${error ? " govuk-input--error" : ""}${p.class ? ` ${p.class}` : ""}`}
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        value={typedValue(p)}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        aria-describedby={describedBy(p, id)}
      />
    </FieldGroup>
  );
};

export const TextArea: FC<FieldProps & { rows?: number }> = (p) => {
  const id = p.id ?? fieldId(p.form, p.name);
  const error = p.form.errors[p.name];
  return (
    <FieldGroup {...p} controlId={id}>
      <textarea
        class={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={p.name}
        rows={p.rows ?? 5}
        aria-describedby={describedBy(p, id)}
      >
        {typedValue(p)}
      </textarea>
    </FieldGroup>
  );
};

export interface Choice {
  value: string;
  label: string;
}

export const Select: FC<FieldProps & { choices: readonly Choice[] }> = (p) => {
  const id = p.id ?? fieldId(p.form, p.name);
  const error = p.form.errors[p.name];
  const current = typedValue(p);
  return (
    <FieldGroup {...p} controlId={id}>
      <select
        class={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={p.name}
        aria-describedby={describedBy(p, id)}
      >
        {p.choices.map((c) => (
          <option value={c.value} selected={c.value === current}>
            {c.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
};

/**
 * A marking on a ladder. It has no default of its own: the caller gives the safe one (a new
 * portion's record banner, say), never silently the bottom of the ladder.
 */
export const MarkingSelect: FC<FieldProps & { ladder: Ladder }> = (p) => (
  <Select {...p} choices={p.ladder.levels.map((l) => ({ value: l.code, label: `${l.label} (${l.code})` }))} />
);

/** One checkbox (a yes/no choice), its label beside it. */
export const Checkbox: FC<{ form: FormState; name: string; label: string; value?: string; hint?: string }> = (
  p,
) => {
  const id = fieldId(p.form, p.name);
  const value = p.value ?? "1";
  const typed = p.form.values[p.name];
  const checked = Array.isArray(typed) ? typed.includes(value) : typed === value;
  return (
    <div class="govuk-form-group">
      <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={id}
            name={p.name}
            type="checkbox"
            value={value}
            checked={checked}
          />
          <label class="govuk-label govuk-checkboxes__label" for={id}>
            {p.label}
          </label>
        </div>
      </div>
    </div>
  );
};

/**
 * A group of checkboxes for one repeated field (roles, say): a fieldset with its legend, each box
 * with its own id and label, the field's message beside the group, what was typed kept.
 */
export const Checkboxes: FC<{ form: FormState; name: string; legend: string; choices: readonly Choice[] }> = (
  p,
) => {
  const id = fieldId(p.form, p.name);
  const error = p.form.errors[p.name];
  const typed = p.form.values[p.name];
  const checked = new Set(Array.isArray(typed) ? typed : typed ? [typed] : []);
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`} id={id}>
      <fieldset class="govuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{p.legend}</legend>
        {error ? (
          <p class="govuk-error-message" id={`${id}-error`}>
            <span class="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {p.choices.map((c) => (
            <div class="govuk-checkboxes__item">
              <input
                class="govuk-checkboxes__input"
                id={`${id}-${c.value}`}
                name={p.name}
                type="checkbox"
                value={c.value}
                checked={checked.has(c.value)}
              />
              <label class="govuk-label govuk-checkboxes__label" for={`${id}-${c.value}`}>
                {c.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
};

/** A file to upload, labelled, its error beside it (a browser never sends a chosen file back: it is chosen again). */
export const FileField: FC<{ form: FormState; name: string; label: string; accept?: string }> = (p) => {
  const id = fieldId(p.form, p.name);
  const error = p.form.errors[p.name];
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label class="govuk-label" for={id}>
        {p.label}
      </label>
      {error ? (
        <p class="govuk-error-message" id={`${id}-error`}>
          <span class="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        class={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
        id={id}
        name={p.name}
        type="file"
        accept={p.accept}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
};

export const Button: FC<{
  children: Child;
  secondary?: boolean;
  warning?: boolean;
  name?: string;
  value?: string;
}> = ({ children, secondary, warning, name, value }) => (
  <button
    type="submit"
    class={`govuk-button${secondary ? " govuk-button--secondary" : ""}${warning ? " govuk-button--warning" : ""}`}
    data-module="govuk-button"
    name={name}
    value={value}
  >
    {children}
  </button>
);

// ——— Showing records ———

export interface Column<T> {
  header: string;
  cell: (row: T) => Child;
  /** Numbers align right. */
  numeric?: boolean;
}

/** A table with its caption, column headers scoped, and what to say when it is empty. */
export function DataTable<T>(props: {
  caption: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  empty: string;
  rowId?: (row: T) => string;
  rowClass?: (row: T) => string | undefined;
  id?: string;
}): Child {
  if (props.rows.length === 0) return <p class="govuk-body">{props.empty}</p>;
  // On a narrow screen the table scrolls sideways in its own labelled, focusable region.
  return (
    <section class="plenary-table-scroll" aria-label={props.caption} tabindex={0}>
      <table class="govuk-table" id={props.id}>
        <caption class="govuk-table__caption govuk-table__caption--m">{props.caption}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {props.columns.map((c) => (
              <th
                scope="col"
                class={`govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {props.rows.map((r) => (
            <tr
              class={`govuk-table__row${props.rowClass?.(r) ? ` ${props.rowClass(r)}` : ""}`}
              id={props.rowId?.(r)}
            >
              {props.columns.map((c) => (
                <td class={`govuk-table__cell${c.numeric ? " govuk-table__cell--numeric" : ""}`}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Facts about one record, key by key; a row with no value is left out. */
export const SummaryList: FC<{ rows: readonly { key: string; value: Child | null | undefined }[] }> = ({
  rows,
}) => (
  <dl class="govuk-summary-list">
    {rows
      .filter((r) => r.value !== null && r.value !== undefined && r.value !== "")
      .map((r) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{r.key}</dt>
          <dd class="govuk-summary-list__value">{r.value}</dd>
        </div>
      ))}
  </dl>
);

export type TagColour =
  | "grey"
  | "green"
  | "turquoise"
  | "blue"
  | "light-blue"
  | "purple"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

export const Tag: FC<{ children: Child; colour?: TagColour }> = ({ children, colour }) => (
  <strong class={`govuk-tag${colour ? ` govuk-tag--${colour}` : ""}`}>{children}</strong>
);

/** A problem that stops the page (not one field's): announced to assistive technology. */
export const Alert: FC<{ children: Child; id?: string }> = ({ children, id }) => (
  <div class="govuk-error-summary" data-module="govuk-error-summary" id={id}>
    <div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body">
        <p class="govuk-body">{children}</p>
      </div>
    </div>
  </div>
);

// Banners of marked records, pagination, details and task lists (their own file, for its size).
export * from "./records.js";
