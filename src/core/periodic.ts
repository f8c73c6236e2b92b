/**
 * A job of `plenary serve` that runs one pass now and then: the first soon after start, then every
 * `intervalSeconds`, never two passes at once. A failed pass is logged and the next one runs.
 * `stop` waits for the pass under way.
 */
import type { Logger } from "./log.js";

export function startPeriodic(
  log: Logger,
  what: string,
  intervalSeconds: number,
  pass: () => Promise<void>,
  firstAfterMs = 1000,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = pass()
      .catch((err: unknown) => log.error({ err }, `${what} pass failed`))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  const first = setTimeout(tick, firstAfterMs);
  first.unref();
  return {
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}
