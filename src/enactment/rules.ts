/** Where a Partner's report of enactment comes from, and how it is checked. Pure. */

export const SOURCE_KINDS = ["paper", "telegram", "link"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_LABELS: Record<SourceKind, string> = {
  paper: "A paper (POC DOC number)",
  telegram: "A telegram (its reference)",
  link: "A link",
};

/** Why a report's source is not one, or null: a paper by its number, a telegram by reference, a web address. */
export function sourceProblem(kind: SourceKind | null, ref: string | null): string | null {
  const r = ref?.trim() ?? "";
  if (kind === null) return r === "" ? null : "say whether the source is a paper, a telegram or a link";
  if (r === "") return "give the source's number, reference or address";
  if (kind === "paper" && !/^(POC DOC )?\d{1,6}$/i.test(r))
    return "give the paper's number, e.g. 39 or POC DOC 39";
  if (kind === "link" && !/^https?:\/\/[^\s]+$/.test(r))
    return "give a web address starting http:// or https://";
  if (r.length > 300) return "keep the reference under 300 characters";
  return null;
}

/** The source as one line: "POC DOC 39", "STATE 070895", the address. */
export function sourceText(kind: SourceKind | null, ref: string | null): string | null {
  if (!kind || !ref) return null;
  if (kind === "paper") return `POC DOC ${ref.replace(/^POC DOC /i, "").trim()}`;
  return ref.trim();
}
