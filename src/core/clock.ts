/** Every use of the current time goes through a Clock, so tests and the demo can set it. */
export interface Clock {
  now(): Date;
  readonly description: string;
}

export const systemClock: Clock = { now: () => new Date(), description: "real time" };

export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant.getTime()), description: `fixed at ${instant.toISOString()}` };
}

/** A running clock that can be moved forward to where it stood before a restart. */
export interface ResumableClock extends Clock {
  /** Moves the clock on to `instant` if it is behind it (never back), and keeps it running from there. */
  resumeFrom(instant: Date): void;
}

export function isResumable(clock: Clock): clock is ResumableClock {
  return typeof (clock as Partial<ResumableClock>).resumeFrom === "function";
}

/** Starts at `start` and runs forward at real speed: the demo's clock. */
export function runningClockFrom(start: Date, real: () => number = Date.now): ResumableClock {
  let offset = start.getTime() - real();
  let from = start;
  return {
    now: () => new Date(real() + offset),
    get description() {
      return `${from === start ? "started" : "resumed"} at ${from.toISOString()} and running`;
    },
    resumeFrom(instant: Date) {
      if (Number.isNaN(instant.getTime()) || instant.getTime() <= real() + offset) return;
      offset = instant.getTime() - real();
      from = instant;
    },
  };
}

/** A clock tests move by hand. */
export class TestClock implements Clock {
  private t: number;
  readonly description = "test clock";
  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(instant: Date | string): void {
    this.t = new Date(instant).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** The moment telegram STATE 070895 was sent: the reference scenario's "now". */
export const DEMO_START = new Date("2008-07-02T12:02:00Z");

export function parseInstant(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  const d = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(d.getTime()) ? null : d;
}
