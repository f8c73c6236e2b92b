// Canonical text of a telegram: the heading, the caption block and the body, one portion per
// line with a blank line between portions (lines are not re-wrapped to 69 columns, so a
// portion reads back as exactly one portion). Archive anchors and copy noise are gone.

import type { Addressee, BodyNode, Marking, PrecedenceName, Telegram } from "./model.js";

const LETTER: Record<PrecedenceName, string> = {
  FLASH: "Z",
  IMMEDIATE: "O",
  "NIACT IMMEDIATE": "O",
  PRIORITY: "P",
  ROUTINE: "R",
};

export function renderTelegram(t: Telegram): string {
  const out: string[] = [];
  const gap = () => {
    if (out.length > 0 && out[out.length - 1] !== "") out.push("");
  };
  renderHeading(t, out);
  gap();
  if (t.classification || t.reference) out.push(classificationLine(t));
  if (t.captions.length || t.passing.length) {
    gap();
    out.push(...t.captions, ...t.passing);
  }
  gap();
  if (t.executiveOrder) out.push(`E.O. ${t.executiveOrder.order}: ${t.executiveOrder.text}`);
  if (t.tags.length) out.push(`TAGS: ${t.tags.map((x) => x.text).join(" ")}`);
  if (t.subject) out.push(`SUBJECT: ${withMarking(t.subject.text, t.subject.marking)}`);
  if (t.references.length) {
    gap();
    t.references.forEach((r, i) => {
      const item = r.letter ? `${r.letter}. ${r.text}` : r.text;
      out.push(i === 0 ? `REF: ${item}` : `     ${item}`);
    });
  }
  if (t.classifiedBy) {
    gap();
    out.push(`Classified By: ${t.classifiedBy.text}`);
  }
  for (const node of t.body) renderNode(node, out, gap);
  if (t.signature) {
    gap();
    out.push(t.signature);
  }
  if (t.end.lines.length || t.end.markers.length) {
    gap();
    out.push(...t.end.lines);
    if (t.end.markers.length) {
      gap();
      out.push(...t.end.markers);
    }
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return `${out.join("\n")}\n`;
}

function renderHeading(t: Telegram, out: string[]): void {
  const h = t.heading;
  if (!h) return;
  out.push(...h.formatLines);
  if (h.precedence && h.dtg) {
    const p = h.precedence;
    out.push(`${LETTER[p.action]}${p.info ? ` ${LETTER[p.info]}` : ""} ${h.dtg.text}`);
  } else if (h.dtg) out.push(h.dtg.text);
  if (h.from) out.push(`FM ${h.from}`);
  h.to.forEach((a, i) => {
    addressee(a, i === 0 ? "TO " : "", out);
  });
  h.info.forEach((a, i) => {
    addressee(a, i === 0 ? "INFO " : "", out);
  });
}

function addressee(a: Addressee, prefix: string, out: string[]): void {
  const parts = [`${a.routing ? `${a.routing}/` : ""}${a.name}`];
  if (a.precedence) parts.push(a.precedence);
  if (a.serial) parts.push(a.serial);
  out.push(prefix + parts.join(" "));
  for (const x of a.exclusions) out.push(`XMT ${x}`);
}

function classificationLine(t: Telegram): string {
  const parts: string[] = [];
  if (t.classification) {
    parts.push(t.classification.text);
    const s = t.classification.section;
    if (s) parts.push(`SECTION ${String(s.index).padStart(2, "0")} OF ${String(s.of).padStart(2, "0")}`);
  }
  if (t.reference) parts.push(t.reference.display);
  return parts.join(" ");
}

export function withMarking(text: string, m: Marking | null): string {
  if (!m) return text;
  if (m.position === "lead") return text ? `(${m.text}) ${text}` : `(${m.text})`;
  return text ? `${text} (${m.text})` : `(${m.text})`;
}

function renderNode(node: BodyNode, out: string[], gap: () => void): void {
  gap();
  switch (node.kind) {
    case "paragraph":
      out.push(
        joinLabel(node.number === null ? "" : `${node.number}.`, withMarking(node.text, node.marking)),
      );
      break;
    case "subparagraph":
      out.push(joinLabel(`${node.letter}.`, withMarking(node.text, node.marking)));
      break;
    case "point":
      out.push(joinLabel(node.bullet, withMarking(node.text, node.marking)));
      break;
    case "text":
      out.push(withMarking(node.text, node.marking));
      break;
  }
  if (node.kind === "paragraph" || node.kind === "subparagraph") {
    for (const child of node.children) renderNode(child, out, gap);
  }
}

function joinLabel(label: string, rest: string): string {
  if (!label) return rest;
  return rest ? `${label} ${rest}` : label;
}
