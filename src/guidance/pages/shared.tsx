/** Pieces the guidance pages share: portions with their marks, the state, the editor's line formats. */
import type { FC } from "hono/jsx";
import type { Ladder } from "../../core/access/markings.js";
import { forbidden, invalid } from "../../core/errors.js";
import { type Ctx, readerOf } from "../../core/http/env.js";
import { type Choice, PortionMark, Tag, type TagColour, Withheld } from "../../core/pages/components.js";
import type { FormFields } from "../../core/pages/form.js";
import { visibleRow } from "../api/read.js";
import type { GuidanceReference, Portion } from "../content.js";
import { draftGuidance } from "../policy.js";
import type { GuidanceRow } from "../queries.js";
import type { GuidanceState } from "../schema.js";

export const STATE_LABELS: Record<GuidanceState, string> = {
  draft: "Draft",
  approved: "Approved",
  released: "Released",
};
const STATE_COLOURS: Record<GuidanceState, TagColour> = {
  draft: "grey",
  approved: "blue",
  released: "green",
};

export const StateTag: FC<{ state: GuidanceState }> = ({ state }) => (
  <Tag colour={STATE_COLOURS[state]}>{STATE_LABELS[state]}</Tag>
);

export interface Seen {
  text: string | null;
  marking: string;
  withheld: boolean;
}

/** A portion as the reader may see it: its mark and text, or the withheld box naming its marking. */
export const Seen: FC<{ p: Seen; block?: boolean }> = ({ p, block }) =>
  p.withheld ? (
    <Withheld marking={p.marking} block={block} />
  ) : (
    <>
      {p.marking ? <PortionMark marking={p.marking} /> : <span class="marking">(not marked)</span>} {p.text}
    </>
  );

export const idOf = (c: Ctx, name = "id"): number => {
  const raw = c.req.param(name) ?? "";
  if (!/^\d{1,9}$/.test(raw)) throw invalid(name, "a number, e.g. 1");
  return Number(raw);
};

/** The marking choices of a portion: the government's ladder, and "not yet marked" for a draft. */
export const markingChoices = (ladder: Ladder): Choice[] => [
  { value: "", label: "Not yet marked" },
  ...ladder.levels.map((l) => ({ value: l.code, label: `${l.label} (${l.code})` })),
];

const MARKED_LINE = /^\(([A-Z][A-Z0-9/-]{0,19})\)\s*(.*)$/;

/** "(C) Thank the POC." → the portion; a line with no mark in front is not yet marked. */
export function portionOfLine(line: string): Portion {
  const m = MARKED_LINE.exec(line.trim());
  return m ? { text: (m[2] ?? "").trim(), marking: m[1] ?? "" } : { text: line.trim(), marking: "" };
}

export const lineOfPortion = (p: Portion): string => (p.marking ? `(${p.marking}) ${p.text}` : p.text);

/** A reference as the REF line writes it; the kind is read from its shape. */
export function referenceOfLine(line: string): GuidanceReference {
  let text = line.trim();
  const andPrevious = /\(AND PREVIOUS\)\s*$/i.test(text);
  if (andPrevious) text = text.replace(/\s*\(AND PREVIOUS\)\s*$/i, "");
  const kind = /^POC\s+DOC\s+\d+$/i.test(text)
    ? "paper"
    : /E-?\s?MAIL/i.test(text)
      ? "email"
      : /^[A-Z]{2,12}\s+\d{1,7}$/.test(text)
        ? "telegram"
        : "other";
  return { kind, text, andPrevious };
}

export const lineOfReference = (r: GuidanceReference): string =>
  `${r.text}${r.andPrevious ? " (AND PREVIOUS)" : ""}`;

export const MODE_CHOICES: Choice[] = [
  { value: "", label: "No block" },
  { value: "should", label: "EMBASSY REP SHOULD:" },
  { value: "as_appropriate", label: "AS APPROPRIATE, … SHOULD:" },
  { value: "as_necessary_and_appropriate", label: "AS NECESSARY AND APPROPRIATE, … SHOULD:" },
  { value: "if_raised", label: "IF RAISED, … SHOULD MAKE THE FOLLOWING POINTS:" },
];

/** The guidance, if the reader may see it and edit it: 403 for a reader who may only read it. */
export async function editableRow(c: Ctx, id: number): Promise<GuidanceRow> {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const row = await visibleRow(db, reader, id, clock.now());
  if (!draftGuidance.allows(reader))
    throw forbidden(
      typeof draftGuidance.refusal === "string" ? draftGuidance.refusal : "You may not edit guidance.",
    );
  return row;
}

/** A portion typed in a form: its text in `name`, its marking in `nameMarking`. */
export const portion = (f: FormFields, name: string): Portion => ({
  text: f.text(name),
  marking: f.text(`${name}Marking`),
});
