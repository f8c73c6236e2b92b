/** Pieces the papers' pages share. */
import type { FC } from "hono/jsx";
import { MarkingBanner, PortionMark, type TagColour, Withheld } from "../../core/pages/components.js";

/** A portion of a paper: its heading and text with its mark, or withheld with its marking named. */
export const Portion: FC<{
  p: { withheld: boolean; marking: string; heading?: string | null | undefined; text: string | null };
}> = ({ p }) =>
  p.withheld ? (
    <>
      {p.heading ? <h3 class="govuk-heading-s">{p.heading}</h3> : null}
      <Withheld marking={p.marking} block />
    </>
  ) : (
    <>
      {p.heading ? <h3 class="govuk-heading-s">{p.heading}</h3> : null}
      <p class="govuk-body">
        <PortionMark marking={p.marking} /> {p.text}
      </p>
    </>
  );

/** The record's banner marking, at its top and its foot. */
export const Banner: FC<{ marking: string; position?: "top" | "bottom" }> = ({ marking, position }) => (
  <MarkingBanner marking={marking} position={position} />
);

/** "2008-10-05 13:00 UTC": an instant as the register shows it. */
export const utcText = (iso: string): string => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** A paper's status as a tag: where it stands in its life at a glance. */
export const STATUS_COLOURS: Record<string, TagColour> = {
  draft: "grey",
  submitted: "blue",
  circulated: "green",
  withdrawn: "red",
};
