// Recover a lettered sub-paragraph whose heading line the copy lost: when E is followed by G,
// the second `(BACKGROUND:` after E's points is where F began.

import type { ReadContext } from "./diagnostics.js";
import type { Block, SubParagraph } from "./model.js";
import type { TreeState } from "./tree.js";

export function recoverMissingHeading(s: TreeState, next: SubParagraph, ctx: ReadContext): void {
  const prev = s.sub;
  if (!prev) return;
  const gap = next.letter.charCodeAt(0) - prev.letter.charCodeAt(0);
  if (gap !== 2) return;
  let sawPoint = false;
  let k = -1;
  for (let i = 0; i < prev.children.length; i++) {
    const c = prev.children[i];
    if (!c) continue;
    if (c.kind === "point") sawPoint = true;
    else if (sawPoint && c.kind === "text" && /^\(BACKGROUND\s*:/i.test(c.text)) {
      k = i;
      break;
    }
  }
  if (k < 0) return;
  const moved = prev.children.splice(k);
  const first = moved[0];
  const letter = String.fromCharCode(prev.letter.charCodeAt(0) + 1);
  const missing: SubParagraph = {
    kind: "subparagraph",
    letter,
    text: "",
    headingMissing: true,
    marking: null,
    line: first?.line ?? 0,
    children: moved,
  };
  const list = s.para ? s.para.children : s.body;
  const prevPath = s.subPath;
  list.push(missing);
  const newPath = [...(s.para ? s.paraPath : []), list.length - 1];
  const fix = (p: number[] | null): number[] | null => {
    if (!p || p.length <= prevPath.length) return p;
    for (let i = 0; i < prevPath.length; i++) if (p[i] !== prevPath[i]) return p;
    const idx = p[prevPath.length] as number;
    if (idx < k) return p;
    return [...newPath, idx - k, ...p.slice(prevPath.length + 1)];
  };
  const all: Block[] = [...s.blocks, ...s.open.map((o) => o.block)];
  for (const b of all) {
    b.openPath = fix(b.openPath) ?? b.openPath;
    b.closePath = fix(b.closePath);
  }
  s.sub = missing;
  s.subPath = newPath;
  ctx.diag(
    missing.line,
    1,
    "warning",
    "telegram.subparagraph_heading_missing",
    `Sub-paragraph ${letter} has lost its heading in this copy; the text from line ${missing.line} was placed as ${letter}.`,
  );
}
