// The executive-order line: `E.O. 12958: DECL: 07/08/2033`, `EO 12958 N/A`, `E.O. 12356: DECL: OADR`.

import { parseDeclDate } from "./dtg.js";
import type { Declassification, ExecutiveOrder } from "./model.js";

export const EO_LINE = /^E\.?\s?O\.?\s*(\d{5})\s*:?\s*(.*)$/i;

export function parseExecutiveOrder(line: string): ExecutiveOrder | null {
  const m = EO_LINE.exec(line.trim());
  if (!m) return null;
  const text = (m[2] as string).trim();
  return { order: m[1] as string, text, decl: parseDecl(text) };
}

const CODES = /^(?:25)?X[1-9](?:\s*[,/]?\s*(?:25)?X[1-9])*$/i;

export function parseDecl(text: string): Declassification | null {
  const t = text.trim();
  if (t === "") return null;
  if (/^N\/?A\b/i.test(t)) return { kind: "n/a", text: t, date: null, codes: [] };
  const d = /^(?:DECL(?:ASSIFY)?(?:\s+ON)?|GDS|DNG(?::\s*\w+)?)\s*:?\s*(.*)$/i.exec(t);
  const value = (d ? (d[1] as string) : t).trim().replace(/[.\s]+$/, "");
  if (/^OADR\b/i.test(value)) return { kind: "oadr", text: t, date: null, codes: [] };
  if (CODES.test(value)) {
    return {
      kind: "exemption",
      text: t,
      date: null,
      codes: value
        .toUpperCase()
        .split(/[^0-9X]+/)
        .filter(Boolean),
    };
  }
  const firstWord = value.split(/\s+/)[0] ?? "";
  const date = parseDeclDate(firstWord);
  if (date) return { kind: "date", text: t, date, codes: [] };
  return { kind: "event", text: t, date: null, codes: [] };
}
