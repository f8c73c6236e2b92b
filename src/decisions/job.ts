/**
 * The job in `plenary serve` that closes silence procedures and provisional agreements at their
 * instant, then tells the Partners. Driven by the clock and the database alone, so a restart
 * picks up where it was: what is due and not closed is closed once, on the next pass.
 */
import type { Deps } from "../core/http/env.js";
import { startPeriodic } from "../core/periodic.js";
import { type Closed, closeDue } from "./commands/close-due.js";
import { deliverDecisionNotices } from "./notices.js";

export async function runDecisionPass(deps: Deps): Promise<Closed[]> {
  const closed = await closeDue(deps.db, deps.clock.now());
  await deliverDecisionNotices(deps);
  return closed;
}

export function startDecisionJob(deps: Deps): { stop(): Promise<void> } {
  return startPeriodic(
    deps.log,
    "decision",
    deps.config.decisions.intervalSeconds,
    async () => {
      const closed = await runDecisionPass(deps);
      if (closed.length) deps.log.info({ closed }, "decisions closed");
    },
    500,
  );
}
