import type { FC } from "hono/jsx";
import { type FormState, fieldId } from "../../core/pages/form.js";
import { instantText } from "../../meetings/index.js";
import type { ContributionRow } from "../queries.js";
import { CONTRIBUTION_STATES } from "../rules.js";

/** "00:00 Mon 6 Oct 2008 (UTC+11), 2008-10-05 13:00 UTC": on the meeting's wall, then in UTC. */
export const closingText = (at: Date, timeZone: string): string =>
  `${instantText(at, timeZone)}, ${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

const ErrorLine: FC<{ id: string; message: string | undefined }> = ({ id, message }) =>
  message ? (
    <p class="govuk-error-message" id={id}>
      <span class="govuk-visually-hidden">Error:</span> {message}
    </p>
  ) : null;

/**
 * The chair's decision on one contribution, in a table cell: its label read by assistive
 * technology only (the row names the contribution), its error beside it.
 */
export const DecisionCell: FC<{ form: FormState; x: ContributionRow }> = ({ form, x }) => {
  const name = `state-${x.id}`;
  const id = fieldId(form, name);
  const typed = form.values[name];
  const current = typeof typed === "string" ? typed : x.state;
  const error = form.errors[name];
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label class="govuk-label govuk-visually-hidden" for={id}>
        Decision on {x.title}
      </label>
      <ErrorLine id={`${id}-error`} message={error} />
      <select
        class={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={name}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {CONTRIBUTION_STATES.map((s) => (
          <option value={s} selected={current === s}>
            {s}
          </option>
        ))}
      </select>
    </div>
  );
};

/** A contribution's place on the agenda, in a table cell. */
export const PlaceCell: FC<{ form: FormState; x: ContributionRow }> = ({ form, x }) => {
  const name = `position-${x.id}`;
  const id = fieldId(form, name);
  const typed = form.values[name];
  const value = typeof typed === "string" ? typed : x.position ? String(x.position) : "";
  const error = form.errors[name];
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label class="govuk-label govuk-visually-hidden" for={id}>
        Place of {x.title}
      </label>
      <ErrorLine id={`${id}-error`} message={error} />
      <input
        class={`govuk-input govuk-input--width-3${error ? " govuk-input--error" : ""}`}
        id={id}
        name={name}
        inputmode="numeric"
        value={value}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
};
