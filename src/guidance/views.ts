/**
 * Guidance as a reader may see it, and two versions compared. Pure. A portion above the reader's
 * clearance keeps its place and names its marking; its text is gone. An unmarked portion (a draft
 * may have one) is rated at the banner, as the telegram archive rates an unmarked subject.
 */
import { type Ladder, levelAt, rankOf } from "../core/access/markings.js";
import { withheldText } from "../core/access/redaction.js";
import { type GuidanceContent, MODE_LABELS, type Portion } from "./content.js";
import { bannerRank, portionsOf } from "./rules.js";
import { itemLetter } from "./telegram.js";

export interface SeenPortion {
  text: string | null;
  marking: string;
  withheld: boolean;
}

/** The rank a portion is read at: its marking's, or the banner's when it has none on the ladder. */
export function portionRank(ladder: Ladder, banner: number, p: Portion): number {
  return (p.marking.trim() ? rankOf(ladder, p.marking.trim()) : null) ?? banner;
}

export function seePortion(ladder: Ladder, banner: number, clearance: number, p: Portion): SeenPortion {
  const rank = portionRank(ladder, banner, p);
  const marking = p.marking.trim();
  return rank <= clearance
    ? { text: p.text, marking, withheld: false }
    : { text: null, marking: marking || levelAt(ladder, rank).code, withheld: true };
}

export interface SeenContent
  extends Omit<
    GuidanceContent,
    "subject" | "actionRequest" | "purpose" | "openingNote" | "items" | "closing" | "references"
  > {
  subject: SeenPortion;
  references: GuidanceContent["references"];
  actionRequest: SeenPortion;
  purpose: SeenPortion;
  openingNote: SeenPortion | null;
  items: {
    letter: string;
    agendaItemId: number | null;
    heading: SeenPortion;
    background: SeenPortion | null;
    blocks: { mode: GuidanceContent["items"][number]["blocks"][number]["mode"]; points: SeenPortion[] }[];
    notes: SeenPortion[];
  }[];
  closing: SeenPortion;
}

/** The content as a reader cleared to `clearance` on the government's ladder sees it. */
export function seeContent(ladder: Ladder, c: GuidanceContent, clearance: number): SeenContent {
  const banner = bannerRank(ladder, c);
  const see = (p: Portion) => seePortion(ladder, banner, clearance, p);
  return {
    ...c,
    subject: see(c.subject),
    actionRequest: see(c.actionRequest),
    purpose: see(c.purpose),
    openingNote: c.openingNote ? see(c.openingNote) : null,
    items: c.items.map((item, i) => ({
      letter: itemLetter(i),
      agendaItemId: item.agendaItemId,
      heading: see(item.heading),
      background: item.background ? see(item.background) : null,
      blocks: item.blocks.map((b) => ({ mode: b.mode, points: b.points.map(see) })),
      notes: item.notes.map(see),
    })),
    closing: see(c.closing),
  };
}

/**
 * The content with every portion above the clearance replaced by the withheld marker naming its
 * marking: what the telegram and the Word file are rendered from for that reader.
 */
export function withheldContent(ladder: Ladder, c: GuidanceContent, clearance: number): GuidanceContent {
  const banner = bannerRank(ladder, c);
  const cut = (p: Portion): Portion => {
    const seen = seePortion(ladder, banner, clearance, p);
    return seen.withheld ? { text: withheldText(seen.marking), marking: seen.marking } : p;
  };
  return {
    ...c,
    subject: cut(c.subject),
    actionRequest: cut(c.actionRequest),
    purpose: cut(c.purpose),
    openingNote: c.openingNote ? cut(c.openingNote) : null,
    items: c.items.map((item) => ({
      ...item,
      heading: cut(item.heading),
      background: item.background ? cut(item.background) : null,
      blocks: item.blocks.map((b) => ({ mode: b.mode, points: b.points.map(cut) })),
      notes: item.notes.map(cut),
    })),
    closing: cut(c.closing),
  };
}

export interface Change {
  field: string;
  what: string;
  change: "added" | "removed" | "changed";
  before: SeenPortion | null;
  after: SeenPortion | null;
}

/**
 * What changed between two versions, portion by portion (by field: "items.2.blocks.0.points.1"),
 * as the reader may see it: a change inside a withheld portion shows as changed, with no text.
 */
export function compareContent(
  ladder: Ladder,
  a: GuidanceContent,
  b: GuidanceContent,
  clearance: number,
): Change[] {
  const bannerA = bannerRank(ladder, a);
  const bannerB = bannerRank(ladder, b);
  const before = new Map(portionsOf(a).map((x) => [x.field, x]));
  const after = new Map(portionsOf(b).map((x) => [x.field, x]));
  const out: Change[] = [];
  const fields = [...new Set([...before.keys(), ...after.keys()])];
  for (const field of fields) {
    const x = before.get(field);
    const y = after.get(field);
    const seenX = x ? seePortion(ladder, bannerA, clearance, x.portion) : null;
    const seenY = y ? seePortion(ladder, bannerB, clearance, y.portion) : null;
    const what = (y ?? x)?.what ?? field;
    if (x && !y) out.push({ field, what, change: "removed", before: seenX, after: null });
    else if (!x && y) out.push({ field, what, change: "added", before: null, after: seenY });
    else if (
      x &&
      y &&
      (x.portion.text.trim() !== y.portion.text.trim() || x.portion.marking !== y.portion.marking)
    )
      out.push({ field, what, change: "changed", before: seenX, after: seenY });
  }
  // What is not a portion: an item's agenda item and its blocks' modes.
  const plain = (text: string | null): SeenPortion => ({ text, marking: "", withheld: false });
  const n = Math.min(a.items.length, b.items.length);
  for (let i = 0; i < n; i++) {
    const ia = a.items[i];
    const ib = b.items[i];
    if (!ia || !ib) continue;
    if (ia.agendaItemId !== ib.agendaItemId)
      out.push({
        field: `items.${i}.agendaItemId`,
        what: `the agenda item of item ${i + 1}`,
        change: "changed",
        before: plain(ia.agendaItemId === null ? null : `agenda item ${ia.agendaItemId}`),
        after: plain(ib.agendaItemId === null ? null : `agenda item ${ib.agendaItemId}`),
      });
    const m = Math.min(ia.blocks.length, ib.blocks.length);
    for (let j = 0; j < m; j++) {
      const ma = ia.blocks[j]?.mode;
      const mb = ib.blocks[j]?.mode;
      if (ma && mb && ma !== mb)
        out.push({
          field: `items.${i}.blocks.${j}.mode`,
          what: `the mode of block ${j + 1} of item ${i + 1}`,
          change: "changed",
          before: plain(MODE_LABELS[ma]),
          after: plain(MODE_LABELS[mb]),
        });
    }
  }
  return out;
}
