/**
 * The Athens 2007 amendment set (22nd Plenary, 5–9 November 2007). The public record says the
 * Annex was changed there, not how: these changes are illustrative, shaped like the Annex's own
 * revisions (a threshold changed, an entry added, one moved out), to show a set and its difference.
 */
import type { AmendmentChange } from "../amend.js";

const t = (text: string, notes: string[] = [], technicalNotes: string[] = []) => ({
  text,
  notes,
  technicalNotes,
});

export const ATHENS_2007_CHANGES: AmendmentChange[] = [
  {
    op: "change",
    number: "3.A.1.a",
    before: null,
    after: t(
      "Engines having a maximum thrust value greater than 400 N achieved un-installed, excluding civil certified engines with a maximum thrust value greater than 8.89 kN achieved un-installed;",
    ),
  },
  {
    op: "change",
    number: "2.A.1.d",
    before: null,
    after: t(
      "Guidance sets, usable in the systems specified in 1.A, capable of achieving system accuracy of 3.33 per cent or less of the range (e.g. a 'CEP' of 10 km or less at a range of 300 km);",
      ["2.A.1.d does not control guidance sets designed for manned aircraft."],
    ),
  },
  {
    op: "add",
    number: "9.A.3",
    before: null,
    after: t(
      "Linear accelerometers, designed for use in inertial navigation systems or in guidance systems of all types, usable in the systems specified in 1.A, 19.A.1 or 19.A.2, having a scale factor 'stability' of less than 1250 ppm and a 'bias stability' of less than 1250 micro g.",
      [],
      ["'Bias stability' is the standard deviation of the bias over a specified period."],
    ),
  },
  {
    op: "add",
    number: "11.A.2",
    before: null,
    after: t(
      "Passive sensors for determining bearings to specific electromagnetic sources (direction finding equipment) or terrain characteristics, designed or modified for use in the systems specified in 1.A.",
    ),
  },
  { op: "delete", number: "3.B.2", before: null, after: null },
];
