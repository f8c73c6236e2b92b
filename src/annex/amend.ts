/**
 * Amendments to the Annex: a set of changes, each adding, changing or deleting an entry with its
 * text before and after, and applying a set to a version to make the next one. Pure.
 */
import { numberProblem, parentNumber } from "./numbering.js";
import { type AnnexNode, type EntryText, type NodeProblem, ordered, sameText } from "./tree.js";

export const CHANGE_OPS = ["add", "change", "delete"] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

export const OP_LABELS: Record<ChangeOp, string> = { add: "Added", change: "Changed", delete: "Deleted" };

export interface AmendmentChange {
  op: ChangeOp;
  number: string;
  /** The entry as the base version has it (change, delete). */
  before: EntryText | null;
  /** The entry as the next version has it (add, change). */
  after: EntryText | null;
}

/** Why a change is malformed on its own (before any base version), or null. */
export function changeProblem(c: AmendmentChange): string | null {
  const bad = numberProblem(c.number);
  if (bad) return bad;
  if (c.op === "add" && !c.after) return `${c.number}: an added entry needs its text after`;
  if (c.op === "change" && !c.after) return `${c.number}: a changed entry needs its text after`;
  if (c.op === "delete" && c.after) return `${c.number}: a deleted entry has no text after`;
  if (c.op === "change" && c.before && c.after && sameText(c.before, c.after))
    return `${c.number}: the text after is the same as before`;
  return null;
}

/** Problems of a set's changes among themselves: malformed ones, and an entry changed twice. */
export function setProblems(changes: readonly AmendmentChange[]): NodeProblem[] {
  const out: NodeProblem[] = [];
  const seen = new Set<string>();
  for (const c of changes) {
    const p = changeProblem(c);
    if (p) out.push({ number: c.number, message: p });
    else if (seen.has(c.number))
      out.push({ number: c.number, message: `${c.number} is changed twice in the set; make it one change` });
    seen.add(c.number);
  }
  return out;
}

export type ApplyResult = { ok: true; nodes: AnnexNode[] } | { ok: false; problems: NodeProblem[] };

/**
 * The next version: the base with the set's changes made. Refused, naming each entry, when a
 * change or deletion names an entry the base does not hold, an addition one it already holds,
 * a change's "before" is not the base's text, an added entry has no parent, or a deletion would
 * leave an entry without its parent.
 */
export function applyAmendments(
  base: readonly AnnexNode[],
  changes: readonly AmendmentChange[],
): ApplyResult {
  const problems = setProblems(changes);
  if (problems.length > 0) return { ok: false, problems };
  const next = new Map(base.map((n) => [n.number, n]));
  for (const c of changes) {
    const had = next.get(c.number);
    if (c.op === "add") {
      if (had) problems.push({ number: c.number, message: `${c.number} is already in the base version` });
      else if (c.after) next.set(c.number, { number: c.number, ...copy(c.after) });
      continue;
    }
    if (!had) {
      problems.push({ number: c.number, message: `${c.number} is not in the base version` });
      continue;
    }
    if (c.before && !sameText(c.before, had)) {
      problems.push({
        number: c.number,
        message: `${c.number}: the text before does not match the base version's`,
      });
      continue;
    }
    if (c.op === "delete") next.delete(c.number);
    else if (c.after) next.set(c.number, { number: c.number, ...copy(c.after) });
  }
  for (const c of changes) {
    if (c.op === "add") {
      const parent = parentNumber(c.number);
      if (parent !== null && !next.has(parent))
        problems.push({
          number: c.number,
          message: `${c.number} sits under ${parent}, which is not in the Annex`,
        });
    }
    if (c.op === "delete") {
      for (const n of next.keys())
        if (parentNumber(n) === c.number)
          problems.push({
            number: c.number,
            message: `${c.number} cannot be deleted while ${n} is under it`,
          });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, nodes: ordered([...next.values()]) };
}

/** Fills each change's "before" from the base version, as a set records it once applied. */
export function withBefore(
  base: readonly AnnexNode[],
  changes: readonly AmendmentChange[],
): AmendmentChange[] {
  const byNumber = new Map(base.map((n) => [n.number, n]));
  return changes.map((c) => {
    const had = byNumber.get(c.number);
    return c.before || c.op === "add" || !had ? c : { ...c, before: copy(had) };
  });
}

const copy = (t: EntryText): EntryText => ({
  text: t.text,
  notes: [...t.notes],
  technicalNotes: [...t.technicalNotes],
});
