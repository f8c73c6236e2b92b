/**
 * The Annex's numbering, as the Annex numbers it: items 1–20 (Category I: 1–2, Category II:
 * 3–20), sub-groups by type letter (A equipment, B test and production equipment, C materials,
 * D software, E technology), entries numbered in a sub-group (1.A.1), and sub-entries that
 * alternate a lower-case letter and a number (2.A.1.c, 3.A.1.c.1). Pure.
 */

export const ITEM_COUNT = 20;
export const TYPE_LETTERS = ["A", "B", "C", "D", "E"] as const;
export type TypeLetter = (typeof TYPE_LETTERS)[number];

export const TYPE_LABELS: Record<TypeLetter, string> = {
  A: "Equipment, assemblies and components",
  B: "Test and production equipment",
  C: "Materials",
  D: "Software",
  E: "Technology",
};

export type Category = "I" | "II";
export type NodeKind = "item" | "group" | "entry";

export interface AnnexNumber {
  item: number;
  type: TypeLetter | null;
  /** The entry's number in its sub-group, then the sub-entries' letters and numbers. */
  path: readonly (number | string)[];
}

export const categoryOf = (item: number): Category => (item <= 2 ? "I" : "II");

/** Why a text is not an Annex number, or null when it is one. */
export function numberProblem(text: string): string | null {
  const parsed = tryParse(text);
  return typeof parsed === "string" ? parsed : null;
}

/** An Annex number parsed, or an error message naming what is wrong with it. */
function tryParse(text: string): AnnexNumber | string {
  const s = text.trim();
  if (s === "") return "give an Annex number, e.g. 1.A.1";
  const parts = s.split(".");
  const [itemText, typeText, ...rest] = parts;
  if (!itemText || !/^\d{1,2}$/.test(itemText)) return `${s}: an Annex number starts with an item, 1 to 20`;
  const item = Number(itemText);
  if (item < 1 || item > ITEM_COUNT || itemText.startsWith("0"))
    return `${s}: there is no item ${itemText}; the Annex has items 1 to 20`;
  if (typeText === undefined) return { item, type: null, path: [] };
  if (!(TYPE_LETTERS as readonly string[]).includes(typeText))
    return `${s}: "${typeText}" is not a type letter; use A, B, C, D or E`;
  const path: (number | string)[] = [];
  for (const [i, seg] of rest.entries()) {
    const wantNumber = i % 2 === 0;
    if (wantNumber) {
      if (!/^[1-9]\d{0,2}$/.test(seg))
        return `${s}: "${seg}" should be a number (1, 2, 3…) at this level, as in 1.A.1 or 3.A.1.c.1`;
      path.push(Number(seg));
    } else {
      if (!/^[a-z]$/.test(seg))
        return `${s}: "${seg}" should be a lower-case letter at this level, as in 2.A.1.c`;
      path.push(seg);
    }
  }
  return { item, type: typeText as TypeLetter, path };
}

export function parseNumber(text: string): AnnexNumber {
  const parsed = tryParse(text);
  if (typeof parsed === "string") throw new RangeError(parsed);
  return parsed;
}

export function formatNumber(n: AnnexNumber): string {
  return [String(n.item), ...(n.type ? [n.type, ...n.path.map(String)] : [])].join(".");
}

export function kindOf(n: AnnexNumber): NodeKind {
  if (n.type === null) return "item";
  return n.path.length === 0 ? "group" : "entry";
}

/** The number of the node this one sits under, or null for an item. */
export function parentOf(n: AnnexNumber): AnnexNumber | null {
  if (n.type === null) return null;
  if (n.path.length === 0) return { item: n.item, type: null, path: [] };
  return { ...n, path: n.path.slice(0, -1) };
}

export function parentNumber(text: string): string | null {
  const p = parentOf(parseNumber(text));
  return p ? formatNumber(p) : null;
}

/**
 * A key that sorts numbers as the Annex orders them (2 before 10, 1.A before 1.B, 1.A.2 before
 * 1.A.10, a parent before its children), as plain text so the database can order by it.
 */
export function sortKey(text: string): string {
  const n = parseNumber(text);
  const segs = [String(n.item).padStart(2, "0")];
  if (n.type) segs.push(n.type);
  for (const p of n.path) segs.push(typeof p === "number" ? String(p).padStart(3, "0") : p);
  return segs.join(".");
}

export function compareNumbers(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** How deep a node sits: an item 0, a sub-group 1, an entry 2, its sub-entries 3… */
export const depthOf = (text: string): number => {
  const n = parseNumber(text);
  return n.type === null ? 0 : 1 + n.path.length;
};
