/**
 * Time-zone arithmetic on IANA names, with the platform's Intl data and no I/O. Days are
 * "YYYY-MM-DD" strings: a meeting's days are calendar days where it is held, not instants.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The IANA name as the platform spells it, or null when it is not a time zone. */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a time zone. */
export function wallClock(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes the zone is ahead of UTC at that instant (Canberra in November: +660). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.parse(`${w.day}T00:00:00Z`) + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

export function localDay(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).day;
}

/**
 * The instant a day begins in a time zone. Where a daylight-saving change skips midnight, the
 * day begins at the first wall-clock time that exists.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  let guess = midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
  // The offset at the guess may differ from the offset at UTC midnight: settle it.
  for (let i = 0; i < 3; i++) {
    const next = midnightUtc - offsetMinutes(new Date(guess), timeZone) * 60_000;
    if (next === guess) break;
    guess = next;
  }
  const w = wallClock(new Date(guess), timeZone);
  if (w.day !== day) {
    // Midnight does not exist that day (a spring-forward at 00:00): the day starts an hour on.
    return new Date(guess + 3_600_000);
  }
  return new Date(guess);
}

export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return `UTC${sign}${h}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function dayText(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${WEEKDAYS[wd]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "00:00 Mon 6 Oct 2008 (UTC+11)": an instant as read on the wall of a time zone. */
export function instantText(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const hm = `${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
  return `${hm} ${dayText(w.day)} (${offsetText(offsetMinutes(instant, timeZone))})`;
}

/** "3–7 Nov 2008", "30 Oct – 4 Nov 2008". */
export function rangeText(first: string, last: string): string {
  const [y1, m1, d1] = first.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = last.split("-").map(Number) as [number, number, number];
  if (first === last) return `${d1} ${MONTHS[m1 - 1]} ${y1}`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${MONTHS[m1 - 1]} ${y1}`;
  if (y1 === y2) return `${d1} ${MONTHS[m1 - 1]} – ${d2} ${MONTHS[m2 - 1]} ${y1}`;
  return `${d1} ${MONTHS[m1 - 1]} ${y1} – ${d2} ${MONTHS[m2 - 1]} ${y2}`;
}

/** Where a government's people read their clocks, for reminders; the capital's zone. */
export const GOVERNMENT_TIME_ZONES: Record<string, string> = {
  AR: "America/Argentina/Buenos_Aires",
  AU: "Australia/Sydney",
  AT: "Europe/Vienna",
  BE: "Europe/Brussels",
  BR: "America/Sao_Paulo",
  BG: "Europe/Sofia",
  CA: "America/Toronto",
  CZ: "Europe/Prague",
  DK: "Europe/Copenhagen",
  FI: "Europe/Helsinki",
  FR: "Europe/Paris",
  DE: "Europe/Berlin",
  GR: "Europe/Athens",
  HU: "Europe/Budapest",
  IS: "Atlantic/Reykjavik",
  IE: "Europe/Dublin",
  IT: "Europe/Rome",
  JP: "Asia/Tokyo",
  KZ: "Asia/Almaty",
  LU: "Europe/Luxembourg",
  NL: "Europe/Amsterdam",
  NZ: "Pacific/Auckland",
  NO: "Europe/Oslo",
  PL: "Europe/Warsaw",
  PT: "Europe/Lisbon",
  KR: "Asia/Seoul",
  RU: "Europe/Moscow",
  ZA: "Africa/Johannesburg",
  ES: "Europe/Madrid",
  SE: "Europe/Stockholm",
  CH: "Europe/Zurich",
  TR: "Europe/Istanbul",
  UA: "Europe/Kyiv",
  GB: "Europe/London",
  US: "America/New_York",
};

export function governmentTimeZone(code: string): string {
  return GOVERNMENT_TIME_ZONES[code] ?? "UTC";
}

/** The instant a wall-clock time (hour and minute of a day) reads in a time zone. */
export function instantAt(day: string, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`) + (hour * 60 + minute) * 60_000;
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  for (let i = 0; i < 3; i++) {
    const next = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}
