/** The Annex's tree as nested lists: items with their category, sub-groups, entries and their notes. */
import type { Child } from "hono/jsx";
import type { NodeView } from "../present.js";

interface Branch {
  node: NodeView;
  children: Branch[];
}

function branches(nodes: readonly NodeView[]): Branch[] {
  const roots: Branch[] = [];
  const byNumber = new Map<string, Branch>();
  for (const node of nodes) {
    const b: Branch = { node, children: [] };
    byNumber.set(node.number, b);
    const parent = node.parent ? byNumber.get(node.parent) : undefined;
    if (parent) parent.children.push(b);
    else roots.push(b);
  }
  return roots;
}

export const entryHref = (number: string) => `/annex/entries/${number}`;

function Node({ b }: { b: Branch }): Child {
  const n = b.node;
  const head =
    n.kind === "item" ? (
      <h3 class="govuk-heading-s" id={`item-${n.number}`}>
        Item {n.number}: {n.text} <span class="govuk-caption-s">Category {n.category}</span>
      </h3>
    ) : (
      <span>
        <a class="govuk-link annex-number" href={entryHref(n.number)}>
          {n.number}
        </a>
        {n.text}
      </span>
    );
  return (
    <li>
      {head}
      {n.notes.map((x) => (
        <span class="annex-note">Note: {x}</span>
      ))}
      {n.technicalNotes.map((x) => (
        <span class="annex-note">Technical note: {x}</span>
      ))}
      {b.children.length > 0 ? (
        <ul>
          {b.children.map((c) => (
            <Node b={c} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export const AnnexTree = ({ nodes }: { nodes: readonly NodeView[] }) => {
  const roots = branches(nodes);
  const category = (c: "I" | "II") => roots.filter((r) => r.node.category === c);
  return (
    <>
      {(["I", "II"] as const).map((c) =>
        category(c).length > 0 ? (
          <section aria-labelledby={`category-${c}`}>
            <h2 class="govuk-heading-m" id={`category-${c}`}>
              Category {c}
            </h2>
            <ul class="annex-tree">
              {category(c).map((b) => (
                <Node b={b} />
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </>
  );
};
