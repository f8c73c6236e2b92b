// checkTelegram: the drafting rules of 5 FAH-1 H-200 and the executive orders, applied to a model.

import { type EraName, eraNamed, eraOf, ORDERS, REASONS_RENUMBERED } from "./eras.js";
import { isGeographicTag } from "./geo.js";
import { classificationRank, MARKING_LADDER, rank } from "./marking.js";
import { type BodyNode, PRECEDENCE_RANK, type Telegram } from "./model.js";
import { walk } from "./walk.js";

export interface Finding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  line?: number;
  column?: number;
}

const CLASSIFIED = new Set(["CONFIDENTIAL", "SECRET", "TOP SECRET"]);

export function checkTelegram(t: Telegram, era?: EraName): Finding[] {
  const out: Finding[] = [];
  const add = (severity: Finding["severity"], code: string, message: string, line?: number) =>
    out.push(line ? { code, severity, message, line, column: 1 } : { code, severity, message });
  const classified = t.classification !== null && CLASSIFIED.has(t.classification.level);
  checkMarkings(t, classified, add);
  checkDeclassification(t, classified, add);
  checkPrecedence(t, era, add);
  checkTags(t, add);
  checkNumbering(t.body, add);
  for (const b of t.blocks) {
    if (b.closePath === null)
      add(
        "error",
        "check.block_unclosed",
        `BEGIN ${b.kind} is never closed: add "END ${b.kind}."`,
        b.openLine || undefined,
      );
  }
  t.references.forEach((r, i) => {
    const want = String.fromCharCode(65 + i);
    if (r.letter !== null && r.letter.toUpperCase() !== want) {
      add(
        "warning",
        "check.references_out_of_order",
        `Reference ${r.letter} stands where ${want} belongs: letter references A, B, C … in order.`,
      );
    }
  });
  return out;
}

type Add = (severity: Finding["severity"], code: string, message: string, line?: number) => void;

function checkMarkings(t: Telegram, classified: boolean, add: Add): void {
  if (!t.classification) {
    add("error", "check.classification_missing", "The telegram has no classification line.");
    return;
  }
  const allowed = classificationRank(t.classification, t.captions);
  const top = MARKING_LADDER[allowed];
  if (t.subject?.marking?.level && rank(t.subject.marking.level) > allowed) {
    add(
      "error",
      "check.classification_below_portion",
      `The subject is marked (${t.subject.marking.text}) but the telegram is ${t.classification.level}.`,
    );
  }
  if (classified && t.subject && !t.subject.marking) {
    add(
      "error",
      "check.subject_unmarked",
      "The subject of a classified telegram needs a portion marking, e.g. (C).",
    );
  }
  walk(t.body, (n) => {
    const level = n.marking?.level;
    if (level && rank(level) > allowed) {
      add(
        "error",
        "check.classification_below_portion",
        `A portion is marked (${n.marking?.text}) above the classification ${t.classification?.level} (${top}).`,
        n.line,
      );
    }
    if (!classified || n.marking) return;
    if (n.kind === "paragraph")
      add("error", "check.portion_unmarked", `Paragraph ${n.number ?? ""} has no portion marking.`, n.line);
    else if (n.kind === "subparagraph" && !n.headingMissing) {
      add(
        "warning",
        "check.portion_unmarked",
        `Sub-paragraph ${n.letter} has no portion marking of its own.`,
        n.line,
      );
    } else if (n.kind === "subparagraph") {
      add(
        "warning",
        "check.heading_missing",
        `Sub-paragraph ${n.letter} has no heading and no marking.`,
        n.line,
      );
    }
  });
}

function checkDeclassification(t: Telegram, classified: boolean, add: Add): void {
  const eo = t.executiveOrder;
  if (classified && (!eo?.decl || eo.decl.kind === "n/a")) {
    add(
      "error",
      "check.declassification_missing",
      "A classified telegram needs an E.O. line with a declassification instruction (E.O. 12958: DECL: MM/DD/YYYY).",
    );
  }
  if (!eo) return;
  const rule = ORDERS[eo.order];
  if (!rule)
    add(
      "warning",
      "check.order_unknown",
      `E.O. ${eo.order} is not an order this checker knows (11652, 12065, 12356, 12958, 13526).`,
    );
  const decl = eo.decl;
  const dtg = t.heading?.dtg?.instant ?? null;
  if (decl?.kind === "date" && decl.date && dtg) {
    if (decl.date < dtg.slice(0, 10)) {
      add(
        "error",
        "check.declassification_before_dtg",
        `The declassification date ${decl.date} is before the telegram was sent (${dtg.slice(0, 10)}).`,
      );
    }
    if (rule?.maxYears) {
      // The limit runs from the original classification decision, which drafters often date a
      // few days from transmission (the seed dates it from the meeting): past the anniversary of
      // the date-time group is a warning, past the end of that year an error.
      const year = Number(dtg.slice(0, 4)) + rule.maxYears;
      const anniversary = `${year}${dtg.slice(4, 10)}`;
      if (decl.date > `${year}-12-31`) {
        add(
          "error",
          "check.declassification_beyond_limit",
          `E.O. ${eo.order} allows at most ${rule.maxYears} years: declassify by ${anniversary}, not ${decl.date}.`,
        );
      } else if (decl.date > anniversary) {
        add(
          "warning",
          "check.declassification_near_limit",
          `${decl.date} is more than ${rule.maxYears} years after the date-time group (${dtg.slice(0, 10)}); make sure it counts from the classification decision.`,
        );
      }
    }
  }
  if (decl?.kind === "exemption" && rule) {
    for (const code of decl.codes) {
      if (!rule.exemptions.test(code))
        add("error", "check.exemption_unknown", `E.O. ${eo.order} has no exemption ${code}.`);
    }
  }
  const reasons = t.classifiedBy?.reasons;
  if (reasons && dtg) {
    const want = dtg.slice(0, 10) >= REASONS_RENUMBERED ? "1.4" : "1.5";
    if (reasons.section !== want) {
      add(
        "error",
        "check.reason_invalid",
        `Reasons cite ${reasons.section}; telegrams ${want === "1.4" ? "from" : "before"} 25 March 2003 cite ${want}.`,
      );
    }
    const last = reasons.section === "1.4" ? "H" : "G";
    for (const l of reasons.letters) {
      if (l > last)
        add(
          "error",
          "check.reason_invalid",
          `Section ${reasons.section} has no reason (${l.toLowerCase()}).`,
        );
    }
  }
}

function checkPrecedence(t: Telegram, eraName: EraName | undefined, add: Add): void {
  const h = t.heading;
  if (!h) return;
  const era = eraName ? eraNamed(eraName) : eraOf(h.dtg?.instant ?? null);
  const p = h.precedence;
  if (p?.info && PRECEDENCE_RANK[p.info] > PRECEDENCE_RANK[p.action]) {
    add(
      "error",
      "check.precedence_info_above_action",
      `Information precedence ${p.info} outranks action precedence ${p.action}.`,
    );
  }
  const used = new Set([
    p?.action,
    p?.info,
    ...h.to.map((a) => a.precedence),
    ...h.info.map((a) => a.precedence),
  ]);
  for (const name of used) {
    if (name && !era.precedences.includes(name)) {
      add(
        "warning",
        "check.precedence_not_in_era",
        `${name} is not a precedence in the ${era.name} era; use ${era.precedences.join(", ")}.`,
      );
    }
  }
}

function checkTags(t: Telegram, add: Add): void {
  if (t.tags.length === 0) {
    add(
      "error",
      "check.tags_missing",
      "The telegram has no TAGS line; add at least a subject and a geographic tag.",
    );
    return;
  }
  for (const tag of t.tags) {
    if (tag.kind === "geographic" && !isGeographicTag(tag.text)) {
      add("warning", "check.tag_geographic_unknown", `${tag.text} is not a known two-letter geographic tag.`);
    }
  }
}

function checkNumbering(body: BodyNode[], add: Add): void {
  let expected = 1;
  for (const n of body) {
    if (n.kind !== "paragraph" || n.number === null) continue;
    if (n.number !== expected) {
      add(
        "error",
        "check.paragraph_gap",
        `Paragraph ${n.number} follows ${expected - 1}; number paragraphs 1, 2, 3 … without gaps.`,
        n.line,
      );
    }
    expected = n.number + 1;
  }
  walk(body, (n) => {
    if (n.kind !== "paragraph" && n.kind !== "subparagraph") return;
    let letter = 65;
    for (const c of n.children) {
      if (c.kind !== "subparagraph") continue;
      const got = c.letter.toUpperCase().charCodeAt(0);
      if (got !== letter) {
        add(
          "warning",
          "check.subparagraph_gap",
          `Sub-paragraph ${c.letter} stands where ${String.fromCharCode(letter)} belongs.`,
          c.line,
        );
      }
      letter = got + 1;
    }
  });
}
