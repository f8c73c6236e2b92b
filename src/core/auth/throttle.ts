import { and, eq, gt, sql } from "drizzle-orm";
import type { Queryable } from "../db/index.js";
import { signInAttempts } from "./schema.js";

export interface ThrottlePolicy {
  perAccount: number;
  perAddress: number;
  windowMinutes: number;
}

export interface Throttled {
  scope: "account" | "address";
  retryAt: Date;
}

/**
 * Too many failed sign-ins for this account, or from this address, within the window: refuse
 * until the oldest counted failure leaves the window. Checked before the password, so a guesser
 * learns nothing from a throttled attempt.
 */
export async function checkThrottle(
  db: Queryable,
  username: string,
  address: string,
  now: Date,
  policy: ThrottlePolicy,
): Promise<Throttled | null> {
  const since = new Date(now.getTime() - policy.windowMinutes * 60_000);
  const failures = (col: typeof signInAttempts.username | typeof signInAttempts.address, value: string) =>
    db
      .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${signInAttempts.at})` })
      .from(signInAttempts)
      .where(and(eq(col, value), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
  const [acct] = await failures(signInAttempts.username, username.toLowerCase());
  if (acct && acct.n >= policy.perAccount && acct.oldest) {
    return {
      scope: "account",
      retryAt: new Date(new Date(acct.oldest).getTime() + policy.windowMinutes * 60_000),
    };
  }
  const [addr] = await failures(signInAttempts.address, address);
  if (addr && addr.n >= policy.perAddress && addr.oldest) {
    return {
      scope: "address",
      retryAt: new Date(new Date(addr.oldest).getTime() + policy.windowMinutes * 60_000),
    };
  }
  return null;
}

export async function recordAttempt(
  tx: Queryable,
  username: string,
  address: string,
  at: Date,
  succeeded: boolean,
): Promise<void> {
  await tx.insert(signInAttempts).values({ username: username.toLowerCase(), address, at, succeeded });
}
