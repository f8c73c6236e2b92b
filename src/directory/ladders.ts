/** "U=UNCLASSIFIED, R=RESTRICTED, C=CONFIDENTIAL": a ladder's markings, lowest first. Pure. */
export function parseLevels(text: string): { code: string; label: string }[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const [code, ...rest] = pair.split("=");
      const label = rest.join("=").trim();
      return { code: (code ?? "").trim(), label: label || (code ?? "").trim() };
    });
}
