/** When reminders go out: pure planning from a due instant, the lead times and the clock. */

export { parseLeadTimes } from "../core/durations.js";

export function leadText(minutes: number): string {
  if (minutes % 10080 === 0) return `${minutes / 10080} week${minutes === 10080 ? "" : "s"}`;
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? "" : "s"}`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"}`;
  return `${minutes} minutes`;
}

export interface ReminderPlan {
  /** The lead time to send now, or null. */
  send: number | null;
  /** Lead times whose moment passed while a nearer one is due: never sent. */
  skip: number[];
}

/**
 * The reminders due at `now` for one deadline. Each lead time's moment is `dueAt − lead`; once
 * the deadline has passed nothing is sent. When several moments have passed (the process was
 * down), only the nearest goes out and the earlier ones are skipped, so nobody gets a burst.
 */
export function planReminder(dueAt: Date, leads: readonly number[], now: Date): ReminderPlan {
  const t = now.getTime();
  const due = dueAt.getTime();
  if (t >= due) return { send: null, skip: [] };
  const [nearest, ...earlier] = leads.filter((l) => due - l * 60_000 <= t).sort((a, b) => a - b);
  if (nearest === undefined) return { send: null, skip: [] };
  return { send: nearest, skip: earlier };
}

/** The next moment any reminder of this deadline becomes due after `now`, or null. */
export function nextReminderAt(dueAt: Date, leads: readonly number[], now: Date): Date | null {
  const times = leads.map((l) => dueAt.getTime() - l * 60_000).filter((x) => x > now.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}
