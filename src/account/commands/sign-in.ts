import { SYSTEM_SPACE } from "../../core/access/reader.js";
import { appendAudit } from "../../core/audit/append.js";
import { UNUSABLE_HASH, verifyPassword } from "../../core/auth/password.js";
import { createSession } from "../../core/auth/sessions.js";
import { checkThrottle, recordAttempt } from "../../core/auth/throttle.js";
import type { Deps } from "../../core/http/env.js";
import { loadReader, userByUsername } from "../../directory/index.js";

export type SignInResult =
  | { ok: true; cookie: string; userId: number }
  | { ok: false; reason: "wrong" | "throttled"; retryAt?: Date };

/**
 * Checks a username and password, for a visitor who is no one yet (so it takes no `Acting`): the
 * throttle is asked first, and a failed attempt is recorded in its own transaction, since it must
 * be kept however the sign-in ends. Unknown users, wrong passwords and disabled accounts give the
 * same answer, after the same work, so the answer does not tell which usernames exist.
 */
export async function signIn(
  deps: Deps,
  username: string,
  password: string,
  meta: { address: string; userAgent: string | null },
): Promise<SignInResult> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const name = username.trim().toLowerCase().slice(0, 100);
  const throttled = await checkThrottle(db, name, meta.address, now, config.throttle);
  if (throttled) {
    await db.transaction(async (tx) => {
      // Audited in the space of the government whose user the name is, if it is anyone's.
      const named = name ? await userByUsername(tx, name) : null;
      await appendAudit(
        tx,
        now,
        { userId: null, label: name || "(blank)" },
        {
          action: "session.throttled",
          space: named?.governmentCode ?? SYSTEM_SPACE,
          details: { scope: throttled.scope, address: meta.address },
        },
      );
    });
    return { ok: false, reason: "throttled", retryAt: throttled.retryAt };
  }
  const user = name ? await userByUsername(db, name) : null;
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_HASH);
  const reader = user && passwordOk ? await loadReader(db, user.id, now) : null;
  return db.transaction(async (tx) => {
    await recordAttempt(tx, name, meta.address, now, reader !== null);
    if (!user || !reader) {
      await appendAudit(
        tx,
        now,
        { userId: user?.id ?? null, label: name || "(blank)" },
        {
          action: "session.sign_in_failed",
          space: user?.governmentCode ?? SYSTEM_SPACE,
          details: { address: meta.address },
        },
      );
      return { ok: false as const, reason: "wrong" as const };
    }
    const { cookie } = await createSession(tx, user.id, clock, config.session, meta);
    await appendAudit(
      tx,
      now,
      { userId: user.id, label: user.username },
      {
        action: "session.sign_in",
        space: user.governmentCode,
        details: { address: meta.address },
      },
    );
    return { ok: true as const, cookie, userId: user.id };
  });
}
