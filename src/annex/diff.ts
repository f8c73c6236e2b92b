/**
 * The readable difference between two versions of the Annex: entries matched by number, each
 * added, deleted or changed, and in a changed text the words kept, taken out and put in. Pure.
 */
import { compareNumbers } from "./numbering.js";
import { type AnnexNode, sameText } from "./tree.js";

export type WordOp = "same" | "del" | "ins";

export interface WordRun {
  op: WordOp;
  text: string;
}

export type FieldName = "text" | "notes" | "technicalNotes";

export interface FieldDiff {
  field: FieldName;
  runs: WordRun[];
}

export interface EntryDiff {
  number: string;
  kind: "added" | "deleted" | "changed";
  before: AnnexNode | null;
  after: AnnexNode | null;
  /** For a changed entry: its fields that differ, word by word. */
  fields: FieldDiff[];
}

export interface AnnexDiff {
  entries: EntryDiff[];
  added: number;
  deleted: number;
  changed: number;
  unchanged: number;
}

/** Beyond this many token pairs a text's middle is not matched word by word (memory). */
const MAX_CELLS = 4_000_000;

/** Words and the spaces between them, so that joining the tokens gives the text back. */
export function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
}

/**
 * The word-level difference of two texts: runs of kept, deleted and inserted tokens, whose
 * "same"+"del" runs join to `a` and "same"+"ins" runs to `b`. A longest common subsequence over
 * the tokens between the common prefix and suffix.
 */
export function wordDiff(a: string, b: string): WordRun[] {
  const x = tokens(a);
  const y = tokens(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const runs: WordRun[] = [];
  const push = (op: WordOp, text: string) => {
    if (text === "") return;
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += text;
    else runs.push({ op, text });
  };
  push("same", x.slice(0, start).join(""));
  const mx = x.slice(start, endX);
  const my = y.slice(start, endY);
  const n = mx.length;
  const m = my.length;
  if (n * m > MAX_CELLS) {
    // Too long to match word by word: the middle is shown taken out and put in whole.
    push("del", mx.join(""));
    push("ins", my.join(""));
    push("same", x.slice(endX).join(""));
    return runs;
  }
  // lcs[i][j]: the longest common subsequence of mx[i..] and my[j..], row-major in one array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] =
        mx[i] === my[j]
          ? (lcs[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j] ?? 0, lcs[i * (m + 1) + j + 1] ?? 0);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && mx[i] === my[j]) {
      push("same", mx[i] ?? "");
      i++;
      j++;
    } else if (i < n && (j >= m || (lcs[(i + 1) * (m + 1) + j] ?? 0) >= (lcs[i * (m + 1) + j + 1] ?? 0))) {
      // Words taken out before words put in, as a reader reads a correction.
      push("del", mx[i] ?? "");
      i++;
    } else {
      push("ins", my[j] ?? "");
      j++;
    }
  }
  push("same", x.slice(endX).join(""));
  return runs;
}

/** The text a side of a difference reads: "before" keeps kept and deleted runs, "after" kept and inserted. */
export function sideText(runs: readonly WordRun[], side: "before" | "after"): string {
  const drop: WordOp = side === "before" ? "ins" : "del";
  return runs
    .filter((r) => r.op !== drop)
    .map((r) => r.text)
    .join("");
}

const joined = (list: readonly string[]) => list.join("\n");

/** The difference between two versions' nodes, in the Annex's order. */
export function diffVersions(from: readonly AnnexNode[], to: readonly AnnexNode[]): AnnexDiff {
  const before = new Map(from.map((n) => [n.number, n]));
  const after = new Map(to.map((n) => [n.number, n]));
  const numbers = [...new Set([...before.keys(), ...after.keys()])].sort(compareNumbers);
  const out: AnnexDiff = { entries: [], added: 0, deleted: 0, changed: 0, unchanged: 0 };
  for (const number of numbers) {
    const a = before.get(number) ?? null;
    const b = after.get(number) ?? null;
    if (!a && b) {
      out.added++;
      out.entries.push({ number, kind: "added", before: null, after: b, fields: [] });
    } else if (a && !b) {
      out.deleted++;
      out.entries.push({ number, kind: "deleted", before: a, after: null, fields: [] });
    } else if (a && b) {
      if (sameText(a, b)) {
        out.unchanged++;
        continue;
      }
      out.changed++;
      const fields: FieldDiff[] = [];
      if (a.text !== b.text) fields.push({ field: "text", runs: wordDiff(a.text, b.text) });
      if (joined(a.notes) !== joined(b.notes))
        fields.push({ field: "notes", runs: wordDiff(joined(a.notes), joined(b.notes)) });
      if (joined(a.technicalNotes) !== joined(b.technicalNotes))
        fields.push({
          field: "technicalNotes",
          runs: wordDiff(joined(a.technicalNotes), joined(b.technicalNotes)),
        });
      out.entries.push({ number, kind: "changed", before: a, after: b, fields });
    }
  }
  return out;
}
