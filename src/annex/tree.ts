/**
 * A version of the Annex as plain data: its nodes (items, sub-groups, entries), each with its
 * text, notes and technical notes; checking that they make one tree; and the tree itself. Pure.
 */
import {
  compareNumbers,
  kindOf,
  type NodeKind,
  numberProblem,
  parentNumber,
  parseNumber,
} from "./numbering.js";

export interface EntryText {
  /** An item's heading, a sub-group's title, an entry's text. */
  text: string;
  notes: readonly string[];
  technicalNotes: readonly string[];
}

export interface AnnexNode extends EntryText {
  number: string;
}

export interface TreeNode extends AnnexNode {
  kind: NodeKind;
  children: TreeNode[];
}

export interface NodeProblem {
  number: string;
  message: string;
}

/**
 * Why these nodes do not make one Annex: a bad number, one given twice, a node whose parent is
 * missing, an entry with no text. Every problem is named by its entry; none when they are sound.
 */
export function treeProblems(nodes: readonly AnnexNode[]): NodeProblem[] {
  const problems: NodeProblem[] = [];
  const seen = new Set<string>();
  const good: AnnexNode[] = [];
  for (const n of nodes) {
    const bad = numberProblem(n.number);
    if (bad) {
      problems.push({ number: n.number, message: bad });
      continue;
    }
    if (seen.has(n.number)) {
      problems.push({ number: n.number, message: `${n.number} is given twice` });
      continue;
    }
    seen.add(n.number);
    good.push(n);
  }
  for (const n of good) {
    const parent = parentNumber(n.number);
    if (parent !== null && !seen.has(parent))
      problems.push({
        number: n.number,
        message: `${n.number} sits under ${parent}, which is not in the Annex`,
      });
    if (kindOf(parseNumber(n.number)) !== "group" && n.text.trim() === "")
      problems.push({ number: n.number, message: `${n.number} has no text` });
  }
  return problems;
}

/** The nodes in the Annex's order. */
export function ordered<T extends { number: string }>(nodes: readonly T[]): T[] {
  return [...nodes].sort((a, b) => compareNumbers(a.number, b.number));
}

/** The nodes as a tree of items; nodes whose parent is absent are left out (check first). */
export function buildTree(nodes: readonly AnnexNode[]): TreeNode[] {
  const byNumber = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  for (const n of ordered(nodes)) {
    const node: TreeNode = { ...n, kind: kindOf(parseNumber(n.number)), children: [] };
    byNumber.set(n.number, node);
    const parent = parentNumber(n.number);
    if (parent === null) roots.push(node);
    else byNumber.get(parent)?.children.push(node);
  }
  return roots;
}

export const sameText = (a: EntryText, b: EntryText): boolean =>
  a.text === b.text &&
  a.notes.length === b.notes.length &&
  a.notes.every((x, i) => x === b.notes[i]) &&
  a.technicalNotes.length === b.technicalNotes.length &&
  a.technicalNotes.every((x, i) => x === b.technicalNotes[i]);
