/** Pieces the administration's pages need that the shared components do not have yet. */
import type { FC } from "hono/jsx";
import type { Choice } from "../../core/pages/components.js";
import { type FormState, fieldId } from "../../core/pages/form.js";

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
