// The executive-order line: `E.O. 12958: DECL: 07/08/2033`, `EO 12958 N/A`, `E.O. 12356: DECL: OADR`,
// `E.O. 12958: Declassify on 8/31/2034`, `E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006`,
// `E.O. 11652: NGDS`, and E.O. 12065's `GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P`, which also names
// who classified the telegram.

import { parseDeclDate } from "./dtg.js";
import type { ClassifiedBy, Declassification, ExecutiveOrder } from "./model.js";

export const EO_LINE = /^E\.?\s?O\.?\s*(\d{5})\s*[:;,.]?\s*(.*)$/i;

export function parseExecutiveOrder(line: string): ExecutiveOrder | null {
  const m = EO_LINE.exec(line.trim());
  if (!m) return null;
  const text = (m[2] as string).trim();
  return { order: m[1] as string, text, decl: parseDecl(text) };
}

const CODES = /^(?:25)?X[1-9](?:\s*[,/]?\s*(?:25)?X[1-9])*$/i;
/** E.O. 12065: `GDS 8/12/85 (NAME) OFFICE`, `RDS-1,3 8/12/99 (NAME) OFFICE`, `XGDS-2 …`. */
const ORDER_12065 = /^((?:X?GDS|RDS)(?:-[\d,]+)?\s+\d{1,2}\/\d{1,2}\/\d{2,4})\s*\(([^()]{1,60})\)\s*(.*)$/i;

/** The instruction itself: after `DECL:`, after `Declassify on`, after a leading `AS AMENDED;`. */
export function declInstruction(text: string): string {
  let t = text.trim();
  const amended = /^AS AMENDED\s*[;:,]?\s*/i.exec(t);
  if (amended) t = t.slice(amended[0].length);
  const decl = /^(?:DECL(?:ASSIFY)?(?:\s+ON)?|Declassify\s+on)\s*[:.]?\s*/i.exec(t);
  if (decl && !/^DECLASSIFIED\b/i.test(t)) t = t.slice(decl[0].length);
  const gds = ORDER_12065.exec(t);
  if (gds) return (gds[1] as string).trim();
  return t.replace(/[.\s]+$/, "");
}

export function parseDecl(text: string): Declassification | null {
  const t = declInstruction(text);
  if (t === "") return null;
  if (/^N\/?A\b/i.test(t)) return { kind: "n/a", text: t, date: null, codes: [] };
  const d = /^(?:GDS|DNG(?::\s*\w+)?)\s*:?\s*(.*)$/i.exec(t);
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

/** Under E.O. 12065 the line names the classifier: `GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P`. */
export function classifiedByOfOrder(eo: ExecutiveOrder): ClassifiedBy | null {
  const m = ORDER_12065.exec(eo.text.replace(/^DECL\s*:\s*/i, ""));
  if (!m) return null;
  return { text: eo.text, title: (m[3] as string).trim(), name: (m[2] as string).trim(), reasons: null };
}
