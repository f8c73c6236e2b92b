// The body: end lines and archive markers, the signature, and the paragraph tree.

import type { Line, ReadContext } from "./diagnostics.js";
import type { ActionRequest, BodyNode, EndLines, Telegram } from "./model.js";
import { type OcrScope, repairOcr } from "./ocr.js";
import { type Numbering, type Portion, splitPortions } from "./portions.js";
import { addPortion, finishTree, newTree } from "./tree.js";

const END_LINE = /^(?:NNNN|BT|#\d{1,5})$/;
const END_MARKER = /^(?:=*\s*CABLE ENDS\s*=*|End Cable Text|END OF CABLE|END OF DOCUMENT)$/i;
const SIGNATURE = /^[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,2}$/;
const NOT_SIGNATURE =
  /^(?:END|NNNN|BT|SIPDIS|NOFORN|SUMMARY|COMMENT|NOTE|BEGIN|UNCLASSIFIED|CONFIDENTIAL|SECRET)\b/i;

/** Take end lines, archive markers and the signature off the end of `lines`. */
export function readEnd(lines: Line[], t: Telegram): Line[] {
  const end: EndLines = { lines: [], markers: [] };
  let k = lines.length;
  for (; k > 0; k--) {
    const text = (lines[k - 1] as Line).text.trim();
    if (text === "") continue;
    if (END_LINE.test(text)) end.lines.unshift(text);
    else if (END_MARKER.test(text)) end.markers.unshift(text);
    else break;
  }
  t.end = end;
  const last = lines[k - 1];
  if (last) {
    const text = last.text.trim();
    const prevBlank =
      k < 2 ||
      (lines[k - 2] as Line).text.trim() === "" ||
      /[.:;)]$/.test((lines[k - 2] as Line).text.trim());
    if (text.length <= 30 && SIGNATURE.test(text) && !NOT_SIGNATURE.test(text) && prevBlank && k > 1) {
      t.signature = text;
      k--;
    }
  }
  return lines.slice(0, k);
}

export function readBody(lines: Line[], t: Telegram, ctx: ReadContext): void {
  const num: Numbering = { paragraph: 0, letter: null };
  const portions = splitPortions(lines, num, ctx, (p) => {
    if (p.kind === "paragraph") {
      num.paragraph = Number(p.label);
      num.letter = null;
    } else if (p.kind === "subparagraph") num.letter = p.label;
  });
  let corpus: string | null = null;
  const scope: OcrScope = {
    corpus: () => {
      corpus ??= portions
        .map((p) => p.text)
        .join("\n")
        .toLowerCase();
      return corpus;
    },
    known: new Map(),
  };
  const tree = newTree();
  for (let i = 0; i < portions.length; i++) {
    const p = portions[i] as Portion;
    p.text = repairOcr(p.text, p.line, ctx, scope);
    noteTruncation(p, portions[i - 1], portions[i + 1], ctx);
    addPortion(tree, p, ctx);
  }
  t.body = tree.body;
  t.blocks = finishTree(tree, ctx);
  t.actionRequest = actionRequest(t.body);
}

/** An unmarked point that stops mid-sentence right before a heading lost its end in the copy. */
function noteTruncation(
  p: Portion,
  prev: Portion | undefined,
  next: Portion | undefined,
  ctx: ReadContext,
): void {
  if (p.kind !== "point" || !next || (next.kind !== "subparagraph" && next.kind !== "paragraph")) return;
  if (prev?.kind !== "point" || !/\([A-Z/ ]{1,12}\)$/.test(prev.text)) return;
  if (!/[A-Za-z]$/.test(p.text)) return;
  ctx.diag(
    p.line,
    1,
    "warning",
    "telegram.portion_truncated",
    "This point stops mid-sentence and has no marking; its end was lost in the copy.",
  );
}

export function actionRequest(body: BodyNode[]): ActionRequest | null {
  const first = body.find((n) => n.kind === "paragraph");
  if (first?.kind !== "paragraph" || !/\bACTION REQUEST\b/i.test(first.text)) return null;
  const m = /\b(?:see|in)\s+(?:para(?:graph)?s?\.?|PARA)\s*(\d{1,3})/i.exec(first.text);
  return { paragraph: first.number, pointsTo: m ? Number(m[1]) : null };
}
