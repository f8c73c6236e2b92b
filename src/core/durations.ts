/** Lead times written as the configuration writes them. Pure. */

const UNIT_MINUTES = { m: 1, h: 60, d: 1440, w: 10080 } as const;

/**
 * "14d,3d,12h" → [20160, 4320, 720] (minutes, largest first). Throws with a message naming what
 * is allowed; the configuration turns it into a one-line error.
 */
export function parseLeadTimes(text: string): number[] {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new Error("give at least one lead time, e.g. 14d,3d,1d");
  const out = new Set<number>();
  for (const p of parts) {
    const m = /^(\d{1,4})([mhdw])$/.exec(p);
    if (!m) throw new Error(`${p} is not a lead time: write a number and m, h, d or w, e.g. 14d or 12h`);
    const minutes = Number(m[1]) * UNIT_MINUTES[m[2] as keyof typeof UNIT_MINUTES];
    if (minutes <= 0) throw new Error(`${p} is not a lead time: it must be more than zero`);
    out.add(minutes);
  }
  return [...out].sort((a, b) => b - a);
}
