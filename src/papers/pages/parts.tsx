/** Pieces the papers' pages share. `FileField` belongs with the shared components when another page needs one. */
import type { FC } from "hono/jsx";
import { PortionMark, Withheld } from "../../core/pages/components.js";
import { type FormState, fieldId } from "../../core/pages/form.js";

/** A portion of a paper: its heading and text with its mark, or withheld with its marking named. */
export const Portion: FC<{
  p: { withheld: boolean; marking: string; heading?: string | null | undefined; text: string | null };
}> = ({ p }) =>
  p.withheld ? (
    <p class="govuk-body">
      <Withheld marking={p.marking} />
    </p>
  ) : (
    <>
      {p.heading ? <h3 class="govuk-heading-s">{p.heading}</h3> : null}
      <p class="govuk-body">
        <PortionMark marking={p.marking} /> {p.text}
      </p>
    </>
  );

/** The record's banner marking, at its top and its foot. */
export const Banner: FC<{ marking: string }> = ({ marking }) => <p class="govuk-body marking">{marking}</p>;

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

/** "2008-10-05 13:00 UTC": an instant as the register shows it. */
export const utcText = (iso: string): string => `${iso.slice(0, 16).replace("T", " ")} UTC`;
