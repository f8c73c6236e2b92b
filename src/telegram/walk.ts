import type { BodyNode } from "./model.js";

/** Visit every body node in document order. */
export function walk(
  nodes: readonly BodyNode[],
  visit: (node: BodyNode, depth: number) => void,
  depth = 0,
): void {
  for (const n of nodes) {
    visit(n, depth);
    if (n.kind === "paragraph" || n.kind === "subparagraph") walk(n.children, visit, depth + 1);
  }
}
