// `Classified By: ISN/MTR Director Pam Durham. Reason: 1.4 (B), (D).`

import type { ClassifiedBy } from "./model.js";

export const CLASSIFIED_BY = /^(?:\(U\)\s*)?classified\s+by\s*:?\s*/i;

const TITLE_WORDS = new Set(
  "AMBASSADOR AMB AMB. DIRECTOR DEPUTY CHIEF OF MISSION CHARGE D'AFFAIRES DCM A/DCM CDA A.I. POLOFF ECONOFF POLCOUNS POLCOUNSELOR POLITICAL ECONOMIC COUNSELOR MINISTER MINISTER-COUNSELOR ACTING ASSISTANT SECRETARY UNDER OFFICER PRINCIPAL CONSUL GENERAL COM SECSTATE ISN ISN/MTR THE FOR AND OFFICE SPECIAL ENVOY COORDINATOR SENIOR ADVISOR".split(
    " ",
  ),
);

const INITIAL = /^[A-Z]\.(?:[A-Z]\.)*$/;

export function parseClassifiedBy(text: string): ClassifiedBy {
  const t = text.trim();
  const cut = /[.;,]?\s*(?:\bfor\s+reasons?\b|\breasons?\b|\bper\b|\bE\.\s?O\.|\b1\.[45]\b)/i.exec(t);
  const by = (cut ? t.slice(0, cut.index) : t).replace(/[.,;:\s]+$/, "").trim();
  const { title, name } = splitTitle(by);
  return { text: t, title, name, reasons: parseReasons(t) };
}

function splitTitle(by: string): { title: string; name: string } {
  const words = by.split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { title: "", name: by };
  let k = words.length - 1;
  let given = 0;
  // take the surname, then initials and one given name, back to the first title word
  while (k > 0) {
    const w = words[k - 1] as string;
    if (TITLE_WORDS.has(w.toUpperCase()) || w.includes("/") || w.endsWith(",")) break;
    if (INITIAL.test(w)) k--;
    else if (given === 0 && /^[A-Z][A-Za-z'-]*$/.test(w)) {
      given++;
      k--;
    } else break;
  }
  return { title: words.slice(0, k).join(" ").replace(/,$/, ""), name: words.slice(k).join(" ") };
}

export function parseReasons(text: string): ClassifiedBy["reasons"] {
  const m = /\b1\.([45])\b/.exec(text);
  if (!m) return null;
  const tail = text.slice(m.index + 3, m.index + 3 + 40);
  const letters: string[] = [];
  const re = /[A-Za-z]+/g;
  let w: RegExpExecArray | null = re.exec(tail);
  while (w) {
    const word = w[0];
    if (word.length === 1) letters.push(word.toUpperCase());
    else if (!/^(and|or)$/i.test(word)) break;
    w = re.exec(tail);
  }
  return { section: `1.${m[1]}`, letters };
}
