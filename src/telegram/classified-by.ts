// `Classified By: ISN/MTR Director Pam Durham. Reason: 1.4 (B), (D).` in its many wordings: title
// before or after the name (`J. Chris Stevens, DCM, U.S. Embassy Tripoli`), `for reasons`, `per`,
// `REASON:`, a bare `FOR 1.4 (D)`, a doubled `Classified By: Classifed by`, reasons that wrap.

import type { ClassifiedBy } from "./model.js";

export const CLASSIFIED_BY = /^(?:\((?:U|SBU|C|S|TS)\)\s*)?classified\s+by\s*:?\s*/i;

const TITLE_WORDS = new Set(
  "AMBASSADOR AMB AMB. DIRECTOR DEPUTY CHIEF OF MISSION CHARGE CHARGÉ D'AFFAIRES D’AFFAIRES DCM A/DCM CDA A.I. POLOFF ECONOFF POLCOUNS POLCOUNSELOR POLITICAL ECONOMIC COUNSELOR MINISTER MINISTER-COUNSELOR ACTING ASSISTANT SECRETARY UNDER OFFICER PRINCIPAL CONSUL GENERAL COM SECSTATE ISN ISN/MTR THE FOR AND OFFICE SPECIAL ENVOY COORDINATOR SENIOR ADVISOR DAS PDAS EAP EUR CG CONSUL-GENERAL POL ECON DEPT STATE EMBASSY U.S. US CHIEF UNIT DAO".split(
    " ",
  ),
);

const INITIAL = /^[A-Z]\.?$|^[A-Z]\.(?:[A-Z]\.)+$/;
const FIRST_INITIAL = /^[A-Z]\.$/;
const NAME_WORD = /^(?:[A-Z][a-z'’-]+(?:[A-Z][a-z'’-]+)?|[A-Z][A-Z'’-]+|Mc[A-Z][a-z]+|[A-Z]\.?)$/;
const DOUBLED = /^classifi?e?d\s+by\s*:?\s*/i;
const CUT = /[.;,]?\s*(?:\bfor\s+reasons?\b|\breasons?\b|\bper\b|\bE\.\s?O\.|\b1\.[45]\b)/i;

export function parseClassifiedBy(text: string): ClassifiedBy {
  let t = text.trim();
  const doubled = DOUBLED.exec(t);
  if (doubled) t = t.slice(doubled[0].length);
  const cut = CUT.exec(t);
  const by = (cut ? t.slice(0, cut.index) : t)
    .replace(/[.,;:\s]+$/, "")
    .replace(/\s+(?:for|per)$/i, "")
    .trim();
  const { title, name } = splitTitle(by);
  return { text: text.trim(), title, name, reasons: parseReasons(t) };
}

/** `Name Name, Title, Post` — the first comma part is a person's name, not a title. */
function nameFirst(by: string): { title: string; name: string } | null {
  const comma = by.indexOf(",");
  if (comma < 0) return null;
  const head = by.slice(0, comma).trim();
  const words = head.split(/\s+/);
  if (words.length < 2 || words.length > 4) return null;
  for (const w of words) if (!NAME_WORD.test(w) || TITLE_WORDS.has(w.toUpperCase())) return null;
  const title = by.slice(comma + 1).trim();
  return title ? { title, name: head } : null;
}

export function splitTitle(by: string): { title: string; name: string } {
  const first = nameFirst(by);
  if (first) return first;
  const words = by.split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { title: "", name: by };
  let k = words.length - 1;
  let given = 0;
  // the surname, then middle initials, one given name and a first initial, back to the title
  while (k > 0) {
    const w = words[k - 1] as string;
    if (TITLE_WORDS.has(w.toUpperCase()) || w.includes("/") || w.endsWith(",")) break;
    if (given === 0 && INITIAL.test(w)) k--;
    else if (given === 0 && /^[A-Z][A-Za-z'’-]*$/.test(w)) {
      given++;
      k--;
    } else if (given === 1 && FIRST_INITIAL.test(w)) {
      k--;
      break;
    } else break;
  }
  return { title: words.slice(0, k).join(" ").replace(/,$/, ""), name: words.slice(k).join(" ") };
}

export function parseReasons(text: string): ClassifiedBy["reasons"] {
  const m = /\b1\.([45])/.exec(text);
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
