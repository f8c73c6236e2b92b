import type { Child } from "hono/jsx";
import { PortionMark, Withheld } from "../../core/pages/components.js";
import { CAVEAT } from "../rules.js";

/** The standing caveat, as every outreach page shows it: not a field, never removed. */
export const Caveat = (): Child => (
  <div class="govuk-warning-text" data-caveat="outreach">
    <span class="govuk-warning-text__icon" aria-hidden="true">
      !
    </span>
    <strong class="govuk-warning-text__text">
      <span class="govuk-visually-hidden">Caveat: </span>
      {CAVEAT}
    </strong>
  </div>
);

export const PointText = ({
  p,
}: {
  p: { withheld: boolean; marking: string; text: string | null };
}): Child =>
  p.withheld ? (
    <Withheld marking={p.marking} />
  ) : (
    <>
      <PortionMark marking={p.marking} /> {p.text}
    </>
  );

export const idOf = (raw: string | undefined): number | null =>
  raw && /^\d{1,9}$/.test(raw) ? Number(raw) : null;

/** A year from the query (?year=2008), or null. */
export const yearParam = (raw: string | undefined): number | null => {
  if (!raw || !/^\d{4}$/.test(raw)) return null;
  const y = Number(raw);
  return y >= 1987 && y <= 2100 ? y : null;
};
