// The part of a model that survives render → read unchanged. Line numbers depend on layout and
// archive metadata on the source form, so they are left out; everything else is compared.

import type { BodyNode, Telegram } from "./model.js";

export type Projection = Omit<Telegram, "archive" | "body" | "blocks"> & {
  body: unknown[];
  blocks: unknown[];
};

export function projectTelegram(t: Telegram): Projection {
  const { archive: _archive, body, blocks, ...rest } = t;
  return {
    ...rest,
    body: body.map(projectNode),
    blocks: blocks.map(({ openLine: _o, closeLine: _c, ...b }) => b),
  };
}

function projectNode(n: BodyNode): unknown {
  const { line: _line, ...rest } = n;
  if (n.kind === "paragraph" || n.kind === "subparagraph")
    return { ...rest, children: n.children.map(projectNode) };
  return rest;
}
