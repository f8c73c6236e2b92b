import type { TestContext } from "../context.js";

/** Runs `fn` with the test's clock at `instant`, and always puts the clock back. */
export async function withClock<T>(t: TestContext, instant: string | Date, fn: () => Promise<T>): Promise<T> {
  const before = t.clock.now();
  t.clock.set(instant);
  try {
    return await fn();
  } finally {
    t.clock.set(before);
  }
}
