// Build the body tree from portions: paragraphs hold sub-paragraphs, points and text; markings
// are taken from the start (paragraphs) or the end (points, text) of each portion; paired
// blocks are tracked as the tree grows.

import { closersIn, openerOf, startsWithCloser } from "./blocks.js";
import type { ReadContext } from "./diagnostics.js";
import { parseMarking } from "./marking.js";
import type { Block, BlockKind, BodyNode, Marking, Paragraph, SubParagraph } from "./model.js";
import type { Portion } from "./portions.js";
import { recoverMissingHeading } from "./recover.js";

interface Open {
  kind: BlockKind;
  hard: boolean;
  block: Block;
  /** Path of the container that owns the block: closers attach there. */
  owner: number[];
}

export interface TreeState {
  body: BodyNode[];
  blocks: Block[];
  para: Paragraph | null;
  paraPath: number[];
  sub: SubParagraph | null;
  subPath: number[];
  open: Open[];
}

export function newTree(): TreeState {
  return { body: [], blocks: [], para: null, paraPath: [], sub: null, subPath: [], open: [] };
}

export function leadMarking(text: string): { marking: Marking | null; rest: string } {
  if (text.charCodeAt(0) !== 40) return { marking: null, rest: text };
  const close = text.indexOf(")");
  if (close < 0 || close > 42) return { marking: null, rest: text };
  const m = parseMarking(text.slice(1, close), "lead");
  if (!m) return { marking: null, rest: text };
  return { marking: m, rest: text.slice(close + 1).trimStart() };
}

export function trailMarking(text: string): { marking: Marking | null; rest: string } {
  if (text.charCodeAt(text.length - 1) !== 41) return { marking: null, rest: text };
  const open = text.lastIndexOf("(");
  if (open < 0 || text.length - open > 42) return { marking: null, rest: text };
  if (open > 0 && text.charCodeAt(open - 1) !== 32) return { marking: null, rest: text };
  const m = parseMarking(text.slice(open + 1, -1), "trail");
  if (!m) return { marking: null, rest: text };
  return { marking: m, rest: text.slice(0, open).trimEnd() };
}

function markPortion(text: string): { marking: Marking | null; rest: string } {
  const lead = leadMarking(text);
  if (lead.marking) return lead;
  return trailMarking(text);
}

export function addPortion(s: TreeState, p: Portion, ctx: ReadContext): void {
  let path: number[];
  let text: string;
  switch (p.kind) {
    case "paragraph": {
      const { marking, rest } = leadMarking(p.text);
      const node: Paragraph = {
        kind: "paragraph",
        number: Number(p.label),
        text: rest,
        marking,
        line: p.line,
        children: [],
      };
      closeSoft(s, []);
      s.body.push(node);
      s.para = node;
      s.paraPath = [s.body.length - 1];
      s.sub = null;
      path = s.paraPath;
      text = rest;
      break;
    }
    case "subparagraph": {
      const { marking, rest } = leadMarking(p.text);
      const node: SubParagraph = {
        kind: "subparagraph",
        letter: p.label,
        text: rest,
        headingMissing: rest === "",
        marking,
        line: p.line,
        children: [],
      };
      if (s.sub) recoverMissingHeading(s, node, ctx);
      const list = s.para ? s.para.children : s.body;
      list.push(node);
      s.sub = node;
      s.subPath = [...(s.para ? s.paraPath : []), list.length - 1];
      path = s.subPath;
      text = rest;
      if (rest === "") {
        ctx.diag(
          p.line,
          1,
          "info",
          "telegram.subparagraph_heading_missing",
          `Sub-paragraph ${p.label} has no heading.`,
        );
      }
      break;
    }
    default: {
      const closing = startsWithCloser(p.text);
      if (closing) popToOwner(s, closing);
      const { marking, rest } = markPortion(p.text);
      const node: BodyNode =
        p.kind === "point"
          ? { kind: "point", bullet: p.label, text: rest, marking, line: p.line }
          : {
              kind: "text",
              text: p.kind === "rule" ? p.text : rest,
              marking: p.kind === "rule" ? null : marking,
              line: p.line,
            };
      const container = s.sub ?? s.para;
      const list = container ? container.children : s.body;
      list.push(node);
      path = [...(s.sub ? s.subPath : s.para ? s.paraPath : []), list.length - 1];
      text = rest;
    }
  }
  trackBlocks(s, text, path, p.line, p.kind === "paragraph" || p.kind === "subparagraph");
}

/** A closer for a block opened higher up ends the sub-paragraph it stands in. */
function popToOwner(s: TreeState, kind: BlockKind): void {
  for (let i = s.open.length - 1; i >= 0; i--) {
    const o = s.open[i] as Open;
    if (o.kind !== kind) continue;
    if (s.sub && o.owner.length < s.subPath.length) s.sub = null;
    return;
  }
}

function trackBlocks(s: TreeState, text: string, path: number[], line: number, container: boolean): void {
  const opener = openerOf(text);
  if (opener) {
    const block: Block = {
      kind: opener.kind,
      openPath: path,
      closePath: null,
      openLine: line,
      closeLine: null,
    };
    const owner = container ? path : path.slice(0, -1);
    s.open.push({ kind: opener.kind, hard: opener.hard, block, owner });
  }
  const closers = closersIn(text);
  for (const kind of closers) {
    for (let i = s.open.length - 1; i >= 0; i--) {
      const o = s.open[i] as Open;
      if (o.kind !== kind) continue;
      o.block.closePath = path;
      o.block.closeLine = line;
      // blocks opened inside the closed one and never closed are dropped from the stack
      for (const inner of s.open.splice(i)) if (inner !== o) settle(s, inner);
      s.blocks.push(o.block);
      break;
    }
  }
}

function settle(s: TreeState, o: Open): void {
  if (o.hard) s.blocks.push(o.block);
}

/** At a new paragraph, soft openers (`NOTE:` without `END NOTE`) are labels, not blocks. */
function closeSoft(s: TreeState, _path: number[]): void {
  s.open = s.open.filter((o) => o.hard);
}

export function finishTree(s: TreeState, ctx: ReadContext): Block[] {
  for (const o of s.open) {
    if (!o.hard) continue;
    s.blocks.push(o.block);
    ctx.diag(
      o.block.openLine,
      1,
      "warning",
      "telegram.block_unclosed",
      `BEGIN ${o.kind} has no matching END ${o.kind}.`,
    );
  }
  s.open = [];
  return s.blocks.sort((a, b) => comparePaths(a.openPath, b.openPath));
}

function comparePaths(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
